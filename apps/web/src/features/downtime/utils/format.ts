/** 0.4567 → "45.7 %"; null → "—". */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)} %`;
}

/** Reasons by category, categories and reasons in alphabetical order. */
export function groupByCategory<T extends { category: string; name: string }>(
  reasons: readonly T[],
): { category: string; reasons: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const reason of reasons) {
    const group = groups.get(reason.category) ?? [];
    group.push(reason);
    groups.set(reason.category, group);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([category, items]) => ({
      category,
      reasons: items.sort((a, b) => a.name.localeCompare(b.name)),
    }));
}
