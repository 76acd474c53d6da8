/** `4 min 05 s`, `1 h 02 min`: how long a call has waited. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Ageing colour of an unresolved call: fresh, waiting, overdue. */
export function ageTone(seconds: number): 'fresh' | 'waiting' | 'overdue' {
  if (seconds < 120) return 'fresh';
  if (seconds < 600) return 'waiting';
  return 'overdue';
}
