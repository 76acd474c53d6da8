/**
 * A choice a device keeps across visits (the line a tablet or a wall screen belongs to), in
 * localStorage. Private browsing or a full storage only loses the memory: the address still
 * carries the choice.
 */
export function storedValue(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; `null` forgets it. */
export function rememberValue(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: the address still carries the choice
  }
}
