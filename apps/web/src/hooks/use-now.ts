import { useEffect, useState } from 'react';

/**
 * The current time in ms, re-rendering every `intervalMs`: clocks, ages and "now" markers that
 * move without refetching. Shared by every feature.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
