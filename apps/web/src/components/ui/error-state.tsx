import { Button } from '@/components/ui/button';

interface ErrorStateProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong.';
}

/** A failed load: what went wrong and, when it can help, a way to try again. */
export function ErrorState({ title = 'Could not load this', error, onRetry }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <strong>{title}</strong>
      <p>{messageOf(error)}</p>
      {onRetry !== undefined ? (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
