/**
 * OEE totals (the ISO 22400-2 times and quantities, summed) and the KPIs computed from them.
 *
 * Every KPI is a ratio of summed times or counts, so rolling up equipment, lines, shifts or
 * days means summing totals and recomputing — never averaging percentages.
 */

/**
 * Summed times (seconds) and quantities of one or more equipment over one or more windows.
 * This is what the API keeps per minute / hour in PostgreSQL and passes to
 * {@link computeOeeFromTotals}.
 */
export interface OeeTotals {
  /** Calendar time of the window(s): all time, planned or not (basis of TEEP). */
  calendarSeconds: number;
  /** ISO 22400 planned operation time (POT): shift time inside the window. */
  plannedOperationSeconds: number;
  /** ISO 22400 planned downtime (PDT): breaks, planned maintenance, planned stops inside POT. */
  plannedDowntimeSeconds: number;
  /** ISO 22400 actual production time (APT): `running` inside planned busy time. */
  runSeconds: number;
  /** ISO 22400 actual unit setup time (ASUT): `changeover` inside planned busy time. */
  setupSeconds: number;
  /**
   * ISO 22400 actual unit down time (ADOT): `stopped` and `idle` stretches at least as long as
   * the micro-stop threshold, plus unknown time, inside planned busy time.
   */
  downSeconds: number;
  /** ISO 22400 actual unit delay time (ADET): micro-stops (`stopped` / `idle` shorter than the threshold). */
  minorStopSeconds: number;
  /** Part of `downSeconds` with no known machine state. */
  unknownSeconds?: number;
  /** ISO 22400 good quantity (GQ): good parts, excluding rework. */
  good: number;
  /** ISO 22400 scrap quantity (SQ): rejected parts. */
  reject: number;
  /** ISO 22400 rework quantity (RQ): parts that need rework. */
  rework: number;
  /** Ideal production time: Σ produced quantity × ideal cycle time, in seconds. */
  idealSeconds: number;
  /**
   * Parts (of good + reject + rework) made in time outside planned busy time: a machine that
   * ran through a break or after the shift. They are counted above, not dropped.
   */
  outsidePlannedParts?: number;
  /** Failures (breakdowns) that started in the window(s); basis of MTBF and MTTR. */
  failureCount?: number;
  /**
   * `running` in the whole window, planned or not: what the machine did (runtime meters of
   * preventive maintenance), where `runSeconds` is only the running inside planned busy time.
   */
  machineRunSeconds?: number;
  /** Planned busy time spent in failures (`stopped` at least as long as the threshold). */
  failureSeconds?: number;
}

export interface OeeTimes {
  calendarSeconds: number;
  plannedOperationSeconds: number;
  plannedDowntimeSeconds: number;
  /** ISO 22400 planned busy time (PBT) = POT − PDT. */
  plannedBusySeconds: number;
  runSeconds: number;
  setupSeconds: number;
  downSeconds: number;
  unknownSeconds: number;
  minorStopSeconds: number;
  idealSeconds: number;
  /** Fully productive time = OEE × PBT: good parts at ideal speed. */
  fullyProductiveSeconds: number;
  failureSeconds: number;
}

export interface OeeCounts {
  /** ISO 22400 produced quantity (PQ) = good + reject + rework. */
  total: number;
  good: number;
  reject: number;
  rework: number;
  failures: number;
}

/** KPIs as fractions (0.8881, not 88.81); `null` where the denominator is zero. */
export interface OeeKpis {
  /** ISO 22400 availability A = APT / PBT. */
  availability: number | null;
  /** ISO 22400 effectiveness E (performance) = ideal production time / APT; may exceed 1. */
  performance: number | null;
  /** ISO 22400 quality ratio QR = GQ / PQ. */
  quality: number | null;
  /** ISO 22400 OEE index = A × E × QR (= fully productive time / PBT). */
  oee: number | null;
  /** Net equipment effectiveness NEE = APT / POT × E × QR (= fully productive time / POT). */
  nee: number | null;
  /** Total effective equipment performance TEEP = OEE × PBT / calendar time (= fully productive time / calendar time). */
  teep: number | null;
  /** Loading (schedule utilisation) = PBT / calendar time, so that TEEP = OEE × loading. */
  loading: number | null;
  /** ISO 22400 technical efficiency TE = APT / (APT + ADOT + ADET). */
  technicalEfficiency: number | null;
  /** Setup ratio = ASUT / PBT. */
  setupRatio: number | null;
  /** Allocation efficiency = PBT / POT. */
  allocationEfficiency: number | null;
  /** ISO 22400 scrap ratio SR = SQ / PQ. */
  scrapRatio: number | null;
  /** ISO 22400 rework ratio RR = RQ / PQ. */
  reworkRatio: number | null;
  /** ISO 22400 first pass yield FPY = good parts right first time / PQ (good excludes rework). */
  firstPassYield: number | null;
  /** Mean operating time between failures = APT / failures. */
  mtbfSeconds: number | null;
  /** Mean time to repair = failure time / failures. */
  mttrSeconds: number | null;
}

/** The six big losses; together with fully productive time they make up planned busy time. */
export interface SixBigLosses {
  /** Breakdowns: down time (ADOT), including unknown time. */
  breakdowns: number;
  /** Setup and adjustments: changeover (ASUT). */
  setupAndAdjustments: number;
  /** Minor stops: micro-stops (ADET). */
  minorStops: number;
  /** Reduced speed: APT − ideal time of everything produced (negative when performance > 1). */
  reducedSpeed: number;
  /** Scrap, rework and start-up losses: ideal time of everything produced × (1 − quality). */
  rejectsAndRework: number;
  /**
   * Planned busy time the totals do not account for: PBT − (APT + ASUT + ADOT + ADET).
   * Always 0 from {@link computeOee}; non-zero only for inconsistent hand-made totals.
   */
  unaccounted: number;
}

export interface OeeLosses {
  seconds: SixBigLosses;
  /** Each loss / PBT; with `fullyProductive` (= OEE) they sum to 1. `null` when PBT is 0. */
  fractions: { [K in keyof SixBigLosses]: number | null } & { fullyProductive: number | null };
}

export interface OeeFlags {
  /** Performance was measured above 1 (ideal cycle time too long, or counts too high); OEE is reported as measured. */
  performanceAboveOne: boolean;
  /** OEE above 1, which only happens when performance is above 1. */
  oeeAboveOne: boolean;
  /** Some planned busy time had no known machine state; it counts as down time. */
  hasUnknownTime: boolean;
  /** The totals did not add up (APT + ASUT + ADOT + ADET ≠ PBT); factors were clamped to [0, 1]. */
  timesInconsistent: boolean;
  /**
   * How many of the parts counted were made outside planned busy time (0 when none): they are in
   * the counts and quality, and in performance's ideal time, so performance may read high.
   */
  countsOutsidePlannedTime: number;
}

export interface OeeResult {
  /** The totals the result was computed from; sum these to roll up ({@link rollUp}). */
  totals: Required<OeeTotals>;
  times: OeeTimes;
  counts: OeeCounts;
  kpis: OeeKpis;
  losses: OeeLosses;
  flags: OeeFlags;
}

/** Totals of nothing. */
export function emptyTotals(): Required<OeeTotals> {
  return {
    calendarSeconds: 0,
    plannedOperationSeconds: 0,
    plannedDowntimeSeconds: 0,
    runSeconds: 0,
    setupSeconds: 0,
    downSeconds: 0,
    minorStopSeconds: 0,
    unknownSeconds: 0,
    good: 0,
    reject: 0,
    rework: 0,
    idealSeconds: 0,
    outsidePlannedParts: 0,
    failureCount: 0,
    failureSeconds: 0,
    machineRunSeconds: 0,
  };
}

/** Field-by-field sum of totals. */
export function sumTotals(list: readonly OeeTotals[]): Required<OeeTotals> {
  const sum = emptyTotals();
  for (const t of list) {
    sum.calendarSeconds += t.calendarSeconds;
    sum.plannedOperationSeconds += t.plannedOperationSeconds;
    sum.plannedDowntimeSeconds += t.plannedDowntimeSeconds;
    sum.runSeconds += t.runSeconds;
    sum.setupSeconds += t.setupSeconds;
    sum.downSeconds += t.downSeconds;
    sum.minorStopSeconds += t.minorStopSeconds;
    sum.unknownSeconds += t.unknownSeconds ?? 0;
    sum.good += t.good;
    sum.reject += t.reject;
    sum.rework += t.rework;
    sum.idealSeconds += t.idealSeconds;
    sum.outsidePlannedParts += t.outsidePlannedParts ?? 0;
    sum.failureCount += t.failureCount ?? 0;
    sum.failureSeconds += t.failureSeconds ?? 0;
    sum.machineRunSeconds += t.machineRunSeconds ?? 0;
  }
  return sum;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function clamp01(value: number | null): number | null {
  return value === null ? null : Math.min(1, Math.max(0, value));
}

/**
 * All KPIs, the six big losses and the flags from summed times and counts.
 *
 * OEE is A × E × QR. When one factor is exactly 0 the product is 0 even if another factor
 * is undefined (no run time → availability 0, OEE 0; nothing produced → effectiveness 0,
 * OEE 0); OEE is `null` only when there is no planned busy time.
 */
export function computeOeeFromTotals(input: OeeTotals): OeeResult {
  const totals = sumTotals([input]);
  const pot = totals.plannedOperationSeconds;
  const pdt = totals.plannedDowntimeSeconds;
  const pbt = pot - pdt;
  const run = totals.runSeconds;
  const setup = totals.setupSeconds;
  const down = totals.downSeconds;
  const minor = totals.minorStopSeconds;
  const produced = totals.good + totals.reject + totals.rework;
  const ideal = totals.idealSeconds;

  const accounted = run + setup + down + minor;
  const unaccounted = pbt - accounted;
  const tolerance = 1e-6 * Math.max(1, Math.abs(pbt), Math.abs(accounted));
  const timesInconsistent = Math.abs(unaccounted) > tolerance || pbt < 0 || run < 0;

  const availability = clamp01(ratio(run, pbt));
  const performance = ratio(ideal, run);
  const quality = clamp01(ratio(totals.good, produced));

  // OEE = A × E × QR, with an exact zero factor winning over an undefined one.
  let oee: number | null;
  if (!(pbt > 0) || availability === null) oee = null;
  else if (availability === 0 || produced === 0 || ideal === 0) oee = 0;
  else oee = availability * (performance ?? 0) * (quality ?? 0);

  const fullyProductive = oee === null ? 0 : oee * pbt;
  // Quality loss only exists where something ran; the rest of APT is speed loss.
  const rejectsAndRework =
    oee === null || oee === 0 || quality === null ? 0 : ideal * (1 - quality);
  const reducedSpeed = run - fullyProductive - rejectsAndRework;

  const losses: SixBigLosses = {
    breakdowns: down,
    setupAndAdjustments: setup,
    minorStops: minor,
    reducedSpeed,
    rejectsAndRework,
    unaccounted,
  };
  const fraction = (seconds: number): number | null => ratio(seconds, pbt);

  const failures = totals.failureCount;
  return {
    totals,
    times: {
      calendarSeconds: totals.calendarSeconds,
      plannedOperationSeconds: pot,
      plannedDowntimeSeconds: pdt,
      plannedBusySeconds: pbt,
      runSeconds: run,
      setupSeconds: setup,
      downSeconds: down,
      unknownSeconds: totals.unknownSeconds,
      minorStopSeconds: minor,
      idealSeconds: ideal,
      fullyProductiveSeconds: fullyProductive,
      failureSeconds: totals.failureSeconds,
    },
    counts: {
      total: produced,
      good: totals.good,
      reject: totals.reject,
      rework: totals.rework,
      failures,
    },
    kpis: {
      availability,
      performance,
      quality,
      oee,
      nee: ratio(fullyProductive, pot),
      teep: ratio(fullyProductive, totals.calendarSeconds),
      loading: clamp01(ratio(pbt, totals.calendarSeconds)),
      technicalEfficiency: clamp01(ratio(run, run + down + minor)),
      setupRatio: clamp01(ratio(setup, pbt)),
      allocationEfficiency: clamp01(ratio(pbt, pot)),
      scrapRatio: ratio(totals.reject, produced),
      reworkRatio: ratio(totals.rework, produced),
      firstPassYield: quality,
      mtbfSeconds: failures > 0 ? run / failures : null,
      mttrSeconds: failures > 0 ? totals.failureSeconds / failures : null,
    },
    losses: {
      seconds: losses,
      fractions: {
        breakdowns: fraction(down),
        setupAndAdjustments: fraction(setup),
        minorStops: fraction(minor),
        reducedSpeed: fraction(reducedSpeed),
        rejectsAndRework: fraction(rejectsAndRework),
        unaccounted: fraction(unaccounted),
        fullyProductive: fraction(fullyProductive),
      },
    },
    flags: {
      performanceAboveOne: performance !== null && performance > 1,
      oeeAboveOne: oee !== null && oee > 1,
      hasUnknownTime: totals.unknownSeconds > 0,
      timesInconsistent,
      countsOutsidePlannedTime: totals.outsidePlannedParts,
    },
  };
}

/**
 * Rolls results up (equipment → line → area, shifts → days …): sums their totals and
 * recomputes every KPI from the sums, so the KPIs are time-weighted.
 */
export function rollUp(results: readonly OeeResult[]): OeeResult {
  return computeOeeFromTotals(sumTotals(results.map((r) => r.totals)));
}
