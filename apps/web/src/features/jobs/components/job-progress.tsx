import { useId } from 'react';
import type { JobProgress as Progress } from '@ms5/contracts';
import './jobs.css';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "120 / 500 good · 24 %" and a bar (filled to the target; past it the text says so). */
export function JobProgress({ progress }: { progress: Progress }) {
  const labelId = useId();
  const percent = Math.round(progress.fraction * 100);
  const shown = Math.min(progress.goodCount, progress.targetQuantity);
  return (
    <div className="job-progress">
      <p className="job-progress__text" id={labelId}>
        <strong>{integer.format(progress.goodCount)}</strong> /{' '}
        {integer.format(progress.targetQuantity)} good · {percent} %
      </p>
      <progress
        className="job-progress__bar"
        max={Math.max(1, progress.targetQuantity)}
        value={shown}
        aria-labelledby={labelId}
      />
    </div>
  );
}
