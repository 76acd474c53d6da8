/** The text value of a form field (file inputs and missing fields read as ''). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** '' → undefined, anything else → a number (NaN for text, which the schema rejects). */
export function numberOrUndefined(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}
