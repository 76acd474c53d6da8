import type { ProductionOrder } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { Table, type TableColumn } from '@/components/ui/table';
import { OrderStatusBadge } from '@/features/schedule/components/order-status-badge';
import { formatQuantity, formatShortTime, orderName } from '@/features/schedule/utils/order-labels';

interface OrdersTableProps {
  orders: readonly ProductionOrder[];
  busy?: boolean;
  onOpen: (order: ProductionOrder) => void;
}

/** The window's orders as text: what the timeline draws, for reading and for screen readers. */
export function OrdersTable({ orders, busy = false, onOpen }: OrdersTableProps) {
  const columns: TableColumn<ProductionOrder>[] = [
    { key: 'reference', header: 'Reference', cell: (order) => order.reference ?? '—' },
    {
      key: 'line',
      header: 'Line',
      cell: (order) => <span className="mono">{order.lineCode}</span>,
    },
    {
      key: 'product',
      header: 'Product',
      cell: (order) => (
        <>
          <span className="mono">{order.productCode}</span> {order.productName}
        </>
      ),
    },
    {
      key: 'quantity',
      header: 'Quantity',
      className: 'num',
      cell: (order) => formatQuantity(order.quantity),
    },
    { key: 'start', header: 'Planned start', cell: (order) => formatShortTime(order.plannedStart) },
    { key: 'end', header: 'Planned end', cell: (order) => formatShortTime(order.plannedEnd) },
    {
      key: 'status',
      header: 'Status',
      cell: (order) => <OrderStatusBadge status={order.status} />,
    },
    {
      key: 'actions',
      header: 'Actions',
      className: 'table__actions',
      cell: (order) => (
        <Button
          variant="secondary"
          onClick={() => onOpen(order)}
          aria-label={`Open order ${orderName(order)}`}
        >
          Open
        </Button>
      ),
    },
  ];
  return (
    <Table
      caption="Orders in the window"
      columns={columns}
      rows={orders}
      rowKey={(order) => order.id}
      emptyMessage="No orders in this window."
      busy={busy}
    />
  );
}
