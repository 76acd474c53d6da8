import type { ProductionOrderStatus } from '@ms5/contracts';
import { ORDER_STATUS_LABELS } from '@/lib/domain-labels';
import './schedule.css';

export function OrderStatusBadge({ status }: { status: ProductionOrderStatus }) {
  return (
    <span className={`badge order-status order-status--${status}`}>
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}
