import type { HourByHour, HourByHourRow } from '@ms5/contracts';
import { formatClockRange, formatSigned, gapTone } from '@/lib/format';
import { formatTopLoss, hourTone } from '@/features/hour-by-hour/utils/format';

const NOT_YET = '—';

function Gap({ value, pending }: { value: number; pending: boolean }) {
  const tone = pending ? 'pending' : gapTone(value);
  return <span className={`hbh-gap hbh-gap--${tone}`}>{formatSigned(value)}</span>;
}

function HourRow({ row, timeZone }: { row: HourByHourRow; timeZone: string }) {
  const tone = hourTone(row);
  const future = tone === 'future';
  // The running hour is still filling: its gaps are shown but not judged yet.
  const pending = tone === 'current';
  return (
    <tr
      className={`hbh-row hbh-row--${tone}`}
      data-tone={tone}
      aria-current={tone === 'current' ? 'time' : undefined}
    >
      <th scope="row" className="hbh-hour">
        {formatClockRange(row.start, row.end, timeZone)}
      </th>
      <td className="num">{row.target}</td>
      <td className="num">{future ? NOT_YET : row.actualGood}</td>
      <td className="num">
        {future ? NOT_YET : <Gap value={row.actualGood - row.target} pending={pending} />}
      </td>
      <td className="num">{row.cumulativeTarget}</td>
      <td className="num">{future ? NOT_YET : row.cumulativeActual}</td>
      <td className="num">
        {future ? NOT_YET : <Gap value={row.cumulativeGap} pending={pending} />}
      </td>
      <td className="hbh-loss">{formatTopLoss(row)}</td>
    </tr>
  );
}

/**
 * The hours of one shift occurrence against their targets: real text in a real table (the wall
 * screen and screen readers read the same cells). Colour follows the hour: short red, made green,
 * the running one outlined, coming ones muted; the signed gaps and the top loss say it in words.
 */
export function HourByHourTable({ board, caption }: { board: HourByHour; caption: string }) {
  const timeZone = board.shift?.timezone ?? 'UTC';
  // Against the whole shift's target, the total gap is only a verdict once every hour has ended.
  const running = board.hours.some((row) => row.phase !== 'past');
  return (
    <div className="table-scroll">
      <table className="table hbh-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Actual
            </th>
            <th scope="col" className="num">
              Gap (hour)
            </th>
            <th scope="col" className="num">
              Cumulative target
            </th>
            <th scope="col" className="num">
              Cumulative actual
            </th>
            <th scope="col" className="num">
              Cumulative gap
            </th>
            <th scope="col">Top loss</th>
          </tr>
        </thead>
        <tbody>
          {board.hours.length === 0 ? (
            <tr>
              <td colSpan={8} className="table__empty">
                No hours in this shift.
              </td>
            </tr>
          ) : (
            board.hours.map((row) => <HourRow key={row.start} row={row} timeZone={timeZone} />)
          )}
        </tbody>
        <tfoot>
          <tr className="hbh-total">
            <th scope="row">Total</th>
            <td className="num">{board.totals.target}</td>
            <td className="num">{board.totals.actualGood}</td>
            <td className="num">
              <Gap value={board.totals.gap} pending={running} />
            </td>
            <td />
            <td />
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
