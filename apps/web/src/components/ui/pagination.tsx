import { Button } from '@/components/ui/button';

interface PaginationProps {
  page: number;
  totalPages: number;
  total: number;
  onPageChange: (page: number) => void;
  disabled?: boolean;
  itemLabel?: string;
}

export function Pagination({
  page,
  totalPages,
  total,
  onPageChange,
  disabled = false,
  itemLabel = 'items',
}: PaginationProps) {
  const lastPage = Math.max(1, totalPages);
  return (
    <nav className="pagination" aria-label="Pagination">
      <Button
        variant="secondary"
        onClick={() => onPageChange(page - 1)}
        disabled={disabled || page <= 1}
      >
        Previous
      </Button>
      <span className="pagination__status" aria-live="polite">
        Page {Math.min(page, lastPage)} of {lastPage} · {total} {itemLabel}
      </span>
      <Button
        variant="secondary"
        onClick={() => onPageChange(page + 1)}
        disabled={disabled || page >= lastPage}
      >
        Next
      </Button>
    </nav>
  );
}
