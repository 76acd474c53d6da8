import type { JobStatus } from '@ms5/contracts';
import './jobs.css';

/** The job's status in the contract's own word (assigned, accepted, started, completed). */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge job-status job-status--${status}`}>{status}</span>;
}
