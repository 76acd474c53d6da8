import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-client';

/** The server's words: the messages it gave per field when it named fields, else its message. */
export function errorText(error: unknown, shownElsewhere: readonly string[] = []): string {
  if (isApiError(error)) {
    const fields = error.fieldErrors.filter((field) => !shownElsewhere.includes(field.path));
    if (fields.length > 0) return fields.map((field) => field.message).join(' · ');
    return error.message;
  }
  return error instanceof Error && error.message !== '' ? error.message : 'Something went wrong.';
}

/** True when every problem the server named is already shown beside its field. */
export function onlyFieldErrors(error: unknown, shownElsewhere: readonly string[]): boolean {
  return (
    isApiError(error) &&
    error.fieldErrors.length > 0 &&
    error.fieldErrors.every((field) => shownElsewhere.includes(field.path))
  );
}

function titleFor(error: unknown, action: string): { tone: 'error' | 'warning'; title: string } {
  if (isApiError(error)) {
    switch (error.statusCode) {
      case 403:
        return { tone: 'error', title: 'Not allowed' };
      case 404:
        return { tone: 'error', title: 'Not found' };
      case 409:
        return { tone: 'warning', title: 'Already done' };
      default:
        break;
    }
  }
  return { tone: 'error', title: `Could not ${action}` };
}

/**
 * What the server refused, in the words of the handover: who may (403), what already happened
 * (409), and the fields it named (400) except those shown beside their field.
 */
export function HandoverErrorAlert({
  error,
  action,
  shownElsewhere = [],
}: {
  error: unknown;
  action: string;
  shownElsewhere?: readonly string[];
}) {
  if (onlyFieldErrors(error, shownElsewhere)) return null;
  const { tone, title } = titleFor(error, action);
  return (
    <Alert tone={tone} title={title}>
      {errorText(error, shownElsewhere)}
    </Alert>
  );
}
