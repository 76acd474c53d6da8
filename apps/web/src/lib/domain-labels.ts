import type { AndonPriority, AndonStatus, AndonType, ProductionOrderStatus } from '@ms5/contracts';

/** The words the screens use for the contracts' enumerations, shared by every feature. */
export const ANDON_TYPE_LABELS: Record<AndonType, string> = {
  maintenance: 'Maintenance',
  quality: 'Quality',
  material: 'Material',
  safety: 'Safety',
  help: 'Help',
};

export const ANDON_PRIORITY_LABELS: Record<AndonPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const ANDON_STATUS_LABELS: Record<AndonStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const ORDER_STATUS_LABELS: Record<ProductionOrderStatus, string> = {
  planned: 'Planned',
  released: 'Released',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
