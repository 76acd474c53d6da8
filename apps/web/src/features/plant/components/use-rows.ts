import { useRef, useState } from 'react';

/** Keys for a list of repeated form rows (breaks, cycle times) that can grow and shrink. */
export function useRows(initialCount: number) {
  const next = useRef(initialCount);
  const [keys, setKeys] = useState(() => Array.from({ length: initialCount }, (_, i) => i));
  return {
    keys,
    add: () => setKeys((current) => [...current, next.current++]),
    remove: (key: number) => setKeys((current) => current.filter((k) => k !== key)),
  };
}
