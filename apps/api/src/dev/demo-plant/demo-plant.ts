import type {
  ChecklistItemInput,
  CreateAndonPolicyInput,
  CreateDowntimeReasonInput,
  CreateMaintenancePlanInput,
  CreateShiftInput,
  Role,
} from '@ms5/contracts';

/**
 * The demo plant seeded with `DEMO=1`: a bottling hall and a metal shop, five lines, realistic
 * cycle times, three shifts with breaks, a reason tree and an escalation policy. Pure data.
 */
export const DEMO_SITE = {
  code: 'DEMO',
  name: 'MS5 Demo Plant',
  timezone: 'Europe/Berlin',
} as const;

export interface DemoEquipment {
  code: string;
  name: string;
  idealCycleTimeSeconds: number;
}
export interface DemoLine {
  code: string;
  name: string;
  /** The stations in flow order; the last one is the line's output equipment. */
  equipment: readonly DemoEquipment[];
}
export interface DemoArea {
  code: string;
  name: string;
  lines: readonly DemoLine[];
}

export const DEMO_AREAS: readonly DemoArea[] = [
  {
    code: 'BOTTLING',
    name: 'Bottling hall',
    lines: [
      {
        code: 'FL1',
        name: 'Filling line 1 (water)',
        equipment: [
          { code: 'FL1-FILL', name: 'Rotary filler', idealCycleTimeSeconds: 1.2 },
          { code: 'FL1-CAP', name: 'Capper', idealCycleTimeSeconds: 1.1 },
          { code: 'FL1-LABEL', name: 'Labeller', idealCycleTimeSeconds: 1.0 },
          { code: 'FL1-PACK', name: 'Case packer', idealCycleTimeSeconds: 1.2 },
        ],
      },
      {
        code: 'FL2',
        name: 'Filling line 2 (juice)',
        equipment: [
          { code: 'FL2-FILL', name: 'Hot filler', idealCycleTimeSeconds: 1.6 },
          { code: 'FL2-CAP', name: 'Capper', idealCycleTimeSeconds: 1.5 },
          { code: 'FL2-LABEL', name: 'Sleeve labeller', idealCycleTimeSeconds: 1.4 },
          { code: 'FL2-PACK', name: 'Shrink packer', idealCycleTimeSeconds: 1.6 },
        ],
      },
      {
        code: 'FL3',
        name: 'Carton line',
        equipment: [
          { code: 'FL3-FORM', name: 'Carton former', idealCycleTimeSeconds: 2.0 },
          { code: 'FL3-FILL', name: 'Aseptic filler', idealCycleTimeSeconds: 1.8 },
          { code: 'FL3-SEAL', name: 'Top sealer', idealCycleTimeSeconds: 1.8 },
        ],
      },
    ],
  },
  {
    code: 'METAL',
    name: 'Metal shop',
    lines: [
      {
        code: 'PR1',
        name: 'Press line',
        equipment: [
          { code: 'PR1-BLANK', name: 'Blanking press', idealCycleTimeSeconds: 6 },
          { code: 'PR1-PRESS', name: 'Transfer press', idealCycleTimeSeconds: 8 },
          { code: 'PR1-DEBURR', name: 'Deburring cell', idealCycleTimeSeconds: 7 },
          { code: 'PR1-INSP', name: 'Vision inspection', idealCycleTimeSeconds: 5 },
        ],
      },
      {
        code: 'WP1',
        name: 'Weld and paint line',
        equipment: [
          { code: 'WP1-WELD1', name: 'Robot weld cell 1', idealCycleTimeSeconds: 45 },
          { code: 'WP1-WELD2', name: 'Robot weld cell 2', idealCycleTimeSeconds: 45 },
          { code: 'WP1-PAINT', name: 'Paint booth', idealCycleTimeSeconds: 50 },
          { code: 'WP1-OVEN', name: 'Curing oven', idealCycleTimeSeconds: 40 },
          { code: 'WP1-PACK', name: 'Packing station', idealCycleTimeSeconds: 30 },
        ],
      },
    ],
  },
];

export interface DemoProduct {
  code: string;
  name: string;
  idealCycleTimeSeconds: number;
  /** Fraction of parts scrapped. Not part of the product record: the simulator's knowledge. */
  scrapRate: number;
  /** Line code → the line's ideal cycle time for this product (its bottleneck). */
  lines: Readonly<Record<string, number>>;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    code: 'WATER-05',
    name: 'Still water 0.5 L',
    idealCycleTimeSeconds: 1.2,
    scrapRate: 0.006,
    lines: { FL1: 1.2 },
  },
  {
    code: 'WATER-15',
    name: 'Sparkling water 1.5 L',
    idealCycleTimeSeconds: 1.5,
    scrapRate: 0.01,
    lines: { FL1: 1.5, FL2: 1.7 },
  },
  {
    code: 'JUICE-1L',
    name: 'Orange juice 1 L',
    idealCycleTimeSeconds: 1.6,
    scrapRate: 0.015,
    lines: { FL2: 1.6, FL3: 2.0 },
  },
  {
    code: 'JUICE-02',
    name: 'Apple juice 0.2 L carton',
    idealCycleTimeSeconds: 2.0,
    scrapRate: 0.012,
    lines: { FL3: 2.2 },
  },
  {
    code: 'BRKT-A',
    name: 'Mounting bracket A',
    idealCycleTimeSeconds: 8,
    scrapRate: 0.02,
    lines: { PR1: 8 },
  },
  {
    code: 'HSG-200',
    name: 'Housing 200',
    idealCycleTimeSeconds: 9,
    scrapRate: 0.025,
    lines: { PR1: 9.5, WP1: 55 },
  },
  {
    code: 'FRAME-S',
    name: 'Frame S',
    idealCycleTimeSeconds: 50,
    scrapRate: 0.03,
    lines: { WP1: 50 },
  },
];

/** Three shifts a day with breaks, in the site's time zone. */
export const DEMO_SHIFTS: ReadonlyArray<Omit<CreateShiftInput, 'lineId'>> = [
  {
    name: 'Early',
    startTime: '06:00',
    endTime: '14:00',
    timezone: DEMO_SITE.timezone,
    breaks: [
      { startTime: '09:00', durationMinutes: 15 },
      { startTime: '11:30', durationMinutes: 30 },
    ],
  },
  {
    name: 'Late',
    startTime: '14:00',
    endTime: '22:00',
    timezone: DEMO_SITE.timezone,
    breaks: [
      { startTime: '17:00', durationMinutes: 15 },
      { startTime: '19:30', durationMinutes: 30 },
    ],
  },
  {
    name: 'Night',
    startTime: '22:00',
    endTime: '06:00',
    timezone: DEMO_SITE.timezone,
    breaks: [
      { startTime: '01:00', durationMinutes: 30 },
      { startTime: '03:30', durationMinutes: 15 },
    ],
  },
];

/** Category → reasons. The simulator reports these codes. */
export const DEMO_REASONS: readonly CreateDowntimeReasonInput[] = [
  {
    code: 'MECH-BEARING',
    name: 'Bearing failure',
    category: 'Mechanical',
    planned: false,
    lossClass: 'availability',
  },
  {
    code: 'MECH-CONVEYOR',
    name: 'Conveyor fault',
    category: 'Mechanical',
    planned: false,
    lossClass: 'availability',
  },
  {
    code: 'MECH-JAM',
    name: 'Jam or misfeed',
    category: 'Mechanical',
    planned: false,
    lossClass: 'minor_stop',
  },
  {
    code: 'ELEC-DRIVE',
    name: 'Drive fault',
    category: 'Electrical',
    planned: false,
    lossClass: 'availability',
  },
  {
    code: 'ELEC-SENSOR',
    name: 'Sensor fault',
    category: 'Electrical',
    planned: false,
    lossClass: 'availability',
  },
  {
    code: 'MAT-STARVED',
    name: 'Waiting for material',
    category: 'Material',
    planned: false,
    lossClass: 'availability',
  },
  {
    code: 'MAT-DEFECT',
    name: 'Defective material',
    category: 'Material',
    planned: false,
    lossClass: 'quality',
  },
  {
    code: 'QUAL-ADJUST',
    name: 'Quality adjustment',
    category: 'Quality',
    planned: false,
    lossClass: 'availability',
  },
  {
    code: 'QUAL-SCRAP',
    name: 'Scrap and rework',
    category: 'Quality',
    planned: false,
    lossClass: 'quality',
  },
  {
    code: 'PLAN-CHANGEOVER',
    name: 'Product changeover',
    category: 'Planned',
    planned: false,
    lossClass: 'setup',
  },
  {
    code: 'PLAN-BREAK',
    name: 'Shift break',
    category: 'Planned',
    planned: true,
    lossClass: 'availability',
  },
  {
    code: 'PLAN-MAINT',
    name: 'Planned maintenance',
    category: 'Planned',
    planned: true,
    lossClass: 'availability',
  },
  {
    code: 'PLAN-NO-SHIFT',
    name: 'No shift planned',
    category: 'Planned',
    planned: true,
    lossClass: 'availability',
  },
];

export const DEMO_POLICIES: readonly CreateAndonPolicyInput[] = [
  {
    name: 'Demo: critical calls',
    priority: 'critical',
    enabled: true,
    // A critical maintenance call opens its corrective work order as it is raised.
    openWorkOrderAt: 'high',
    levels: [
      {
        afterMinutes: 2,
        condition: 'unacknowledged',
        notifyRoles: ['shift_manager', 'maintenance'],
      },
      { afterMinutes: 10, condition: 'unresolved', notifyRoles: ['production_manager'] },
    ],
  },
  {
    name: 'Demo: high priority',
    priority: 'high',
    enabled: true,
    openWorkOrderAt: 'high',
    levels: [
      { afterMinutes: 5, condition: 'unacknowledged', notifyRoles: ['shift_manager'] },
      { afterMinutes: 30, condition: 'unresolved', notifyRoles: ['production_manager'] },
    ],
  },
  {
    name: 'Demo: medium priority',
    priority: 'medium',
    enabled: true,
    openWorkOrderAt: null,
    levels: [
      { afterMinutes: 10, condition: 'unacknowledged', notifyRoles: ['shift_manager'] },
      { afterMinutes: 60, condition: 'unresolved', notifyRoles: ['production_manager'] },
    ],
  },
];

/**
 * A preventive plan the demo gives its machines (the line's first or last one), so that the
 * scheduler opens preventive work orders in the demo.
 */
export interface DemoPlan {
  title: string;
  description: string;
  priority: 'low' | 'medium' | 'high';
  /** Which machine of a line gets it: the first (infeed) or the last (the line's output). */
  on: 'first' | 'last';
  /** Only on these lines (none: on every line). */
  lineCodes?: readonly string[];
  leadTimeHours: number;
  triggers: CreateMaintenancePlanInput['triggers'];
}

export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    // A week of lead: the first inspection's work order opens as soon as the demo starts.
    title: 'Weekly line inspection',
    description: 'Guards, sensors, air and oil levels along the line; report anything worn.',
    priority: 'medium',
    on: 'first',
    leadTimeHours: 168,
    triggers: [{ kind: 'calendar', every: 1, unit: 'week' }],
  },
  {
    // Opens after about seven hours of running: within a demo shift.
    title: 'Lubricate drives and chains',
    description: 'Grease the drive chains and bearings of the key machine of the line.',
    priority: 'medium',
    on: 'last',
    leadTimeHours: 1,
    triggers: [{ kind: 'runtime', everyHours: 8 }],
  },
  {
    title: 'Replace filler valve seals',
    description: 'Swap the filling valve seals and check the dosing after the change.',
    priority: 'high',
    on: 'first',
    lineCodes: ['FL1'],
    leadTimeHours: 0,
    triggers: [{ kind: 'parts', everyParts: 20_000 }],
  },
];

/** The demo technician: the simulator assigns the work orders of its maintenance calls to them. */
export const DEMO_TECHNICIAN_USERNAME = 'demo-maintenance';

/** One demo user per role, plus the simulator's service account. */
export const DEMO_USERS: ReadonlyArray<{ username: string; role: Role; displayName: string }> = [
  { username: 'demo-admin', role: 'admin', displayName: 'Dana Admin' },
  { username: 'demo-manager', role: 'production_manager', displayName: 'Paul Production' },
  { username: 'demo-shift', role: 'shift_manager', displayName: 'Sara Shift' },
  { username: 'demo-engineer', role: 'engineer', displayName: 'Erik Engineer' },
  { username: 'demo-operator', role: 'operator', displayName: 'Olga Operator' },
  { username: DEMO_TECHNICIAN_USERNAME, role: 'maintenance', displayName: 'Max Maintenance' },
  { username: 'demo-quality', role: 'quality', displayName: 'Quinn Quality' },
  { username: 'demo-viewer', role: 'viewer', displayName: 'Wall screen' },
];

/** The service account the simulator signs in as: an engineer may ingest and handle andons. */
export const SIMULATOR_USERNAME = 'simulator';

/** Scrap rate of a product by code: the demo's known rates, else a stable 0.5–2.5 %. */
export function scrapRateOf(code: string): number {
  const known = DEMO_PRODUCTS.find((p) => p.code === code);
  if (known) return known.scrapRate;
  let hash = 0;
  for (let i = 0; i < code.length; i++) hash = (hash * 31 + code.charCodeAt(i)) >>> 0;
  return 0.005 + (hash % 2000) / 100_000;
}

const FILLING_START_UP: readonly ChecklistItemInput[] = [
  { label: 'Guards closed and interlocks tested', kind: 'yes_no', critical: true },
  { label: 'Air pressure', kind: 'number', critical: true, min: 5.5, max: 7, unit: 'bar' },
  { label: 'Caps and labels for the order loaded', kind: 'yes_no', critical: false },
  { label: 'Line clearance: no parts of the last order left', kind: 'yes_no', critical: true },
  { label: 'Anything unusual at start-up?', kind: 'text', critical: false },
];

const METAL_START_UP: readonly ChecklistItemInput[] = [
  { label: 'Light curtains and guards tested', kind: 'yes_no', critical: true },
  { label: 'Die / fixture matches the order', kind: 'yes_no', critical: true },
  {
    label: 'Hydraulic oil temperature',
    kind: 'number',
    critical: false,
    min: 30,
    max: 55,
    unit: '°C',
  },
  { label: 'First part measured within tolerance', kind: 'yes_no', critical: true },
  { label: 'Anything unusual at start-up?', kind: 'text', critical: false },
];

/** One pre-start checklist per demo line: every job on the line passes it before it starts. */
export const DEMO_CHECKLISTS: ReadonlyArray<{
  lineCode: string;
  name: string;
  items: readonly ChecklistItemInput[];
}> = [
  { lineCode: 'FL1', name: 'FL1 start-up', items: FILLING_START_UP },
  { lineCode: 'FL2', name: 'FL2 start-up', items: FILLING_START_UP },
  { lineCode: 'FL3', name: 'FL3 start-up', items: FILLING_START_UP },
  { lineCode: 'PR1', name: 'PR1 start-up', items: METAL_START_UP },
  { lineCode: 'WP1', name: 'WP1 start-up', items: METAL_START_UP },
];
