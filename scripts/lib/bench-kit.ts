/** Shared shapes and statistics for the benchmark modules in scripts/bench/. */
export interface BenchResult {
  module?: string;
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

export interface BenchModule {
  name: string;
  run(options: { runs: number }): Promise<BenchResult[]>;
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
