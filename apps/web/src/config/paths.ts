/** Every screen's address, in one place. */
export const paths = {
  home: '/',
  login: '/login',
  users: '/users',
  auditLog: '/audit-log',
  andonBoard: '/andon',
  andonTablet: '/andon/tablet',
  overview: '/overview',
  /** Where the login sends you by default: the overview for roles that may read OEE, else home. */
  landing: '/start',
  line: '/lines/:id',
  equipment: '/equipment/:id',
  operatorStops: '/operator/stops',
  config: '/config',
  configTab: '/config/:tab',
  simulator: '/simulator',
  schedule: '/production/schedule',
  myJobs: '/operator/jobs',
  job: '/operator/jobs/:id',
  checklistTemplates: '/checklists',
  hourByHour: '/hour-by-hour',
  lineHourByHour: '/hour-by-hour/:lineId',
  handover: '/handover',
  handoverDetail: '/handover/:id',
  myWorkOrders: '/maintenance/my-work-orders',
  workOrderBoard: '/maintenance/board',
  newWorkOrder: '/maintenance/work-orders/new',
  workOrder: '/maintenance/work-orders/:id',
  maintenancePlans: '/maintenance/plans',
  equipmentHistory: '/maintenance/equipment/:id',
} as const;

export const lineHref = (id: string): string => `/lines/${encodeURIComponent(id)}`;
export const equipmentHref = (id: string): string => `/equipment/${encodeURIComponent(id)}`;
export const jobHref = (id: string): string => `/operator/jobs/${encodeURIComponent(id)}`;
export const hourByHourHref = (lineId: string): string =>
  `/hour-by-hour/${encodeURIComponent(lineId)}`;
export const handoverHref = (id: string): string => `/handover/${encodeURIComponent(id)}`;
export const workOrderHref = (id: string): string =>
  `/maintenance/work-orders/${encodeURIComponent(id)}`;
/** An equipment's maintenance history: its stops, andon calls and work orders with the KPIs. */
export const equipmentHistoryHref = (id: string): string =>
  `/maintenance/equipment/${encodeURIComponent(id)}`;

/** The request form, filled in from what it is opened from (an andon call, a stop). */
export function newWorkOrderHref(from: {
  equipmentId?: string;
  andonCallId?: string;
  downtimeEventId?: string;
  priority?: string;
  title?: string;
}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text === '' ? paths.newWorkOrder : `${paths.newWorkOrder}?${text}`;
}
export const configTabHref = (tab: string): string => `/config/${encodeURIComponent(tab)}`;

/** The login address that brings the user back to `from` afterwards. */
export function loginHref(from: string | null | undefined): string {
  if (
    from === null ||
    from === undefined ||
    from === '' ||
    from === paths.home ||
    from.startsWith(paths.login)
  ) {
    return paths.login;
  }
  return `${paths.login}?redirectTo=${encodeURIComponent(from)}`;
}

/** Only same-app paths are followed after login (no open redirect). */
export function safeRedirect(target: string | null): string {
  if (target === null || !target.startsWith('/') || target.startsWith('//')) return paths.landing;
  return target;
}
