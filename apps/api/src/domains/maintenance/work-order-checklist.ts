import type { ChecklistItem, ChecklistRun, WorkOrderChecklistStatus } from '@ms5/contracts';

/**
 * Where a work order stands on its checklist: `none` without a template, `missing` while no run
 * of the template's current version exists (a run of an older version answered other items, as
 * for a job's pre-start checklist), else the latest run's verdict. A work order is done with its
 * checklist only when every item passed: a failed item is what follow-ups are for, not something
 * to complete over.
 */
export function workOrderChecklistStatus(
  template: { id: string; version: number } | null,
  latestRun: Pick<ChecklistRun, 'templateId' | 'templateVersion' | 'passed'> | null,
): WorkOrderChecklistStatus {
  if (template === null) return 'none';
  if (
    latestRun === null ||
    latestRun.templateId !== template.id ||
    latestRun.templateVersion !== template.version
  ) {
    return 'missing';
  }
  return latestRun.passed ? 'passed' : 'failed';
}

const TITLE_MAX = 200;

/** The title and description of the corrective work order a failed item opens. */
export function followUpText(
  parent: { number: string },
  run: Pick<ChecklistRun, 'templateName' | 'templateVersion' | 'note'>,
  item: Pick<ChecklistItem, 'label' | 'unit'>,
  value: boolean | number | string | undefined,
): { title: string; description: string } {
  const title = `${item.label} (follow-up of ${parent.number})`;
  const answered =
    value === undefined
      ? 'unanswered'
      : typeof value === 'boolean'
        ? `answered ${value ? 'yes' : 'no'}`
        : `answered ${String(value)}${item.unit ? ` ${item.unit}` : ''}`;
  return {
    title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    description:
      `Failed on checklist "${run.templateName}" (v${run.templateVersion}) of ${parent.number}: ` +
      `${item.label}, ${answered}.` +
      (run.note ? ` Note: ${run.note}` : ''),
  };
}
