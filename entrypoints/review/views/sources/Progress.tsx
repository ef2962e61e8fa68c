export interface ProgressProps {
  label: string;
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
}

const MB = 1024 * 1024;

/** A labelled progress bar with its numbers in words (and indeterminate when the total is unknown). */
export function Progress({ label, done, total, unit }: ProgressProps) {
  const known = total > 0;
  const pct = known ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
  const amount =
    unit === 'bytes'
      ? `${(done / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB`
      : known
        ? `${done.toLocaleString()} of ${total.toLocaleString()} rows`
        : `${done.toLocaleString()} rows`;
  return (
    <div class="progress">
      <label>
        <span class="progress-label">
          {label} <span class="progress-amount">{amount}</span>
        </span>
        <progress max={known ? 100 : undefined} value={pct} aria-valuetext={amount} />
      </label>
    </div>
  );
}
