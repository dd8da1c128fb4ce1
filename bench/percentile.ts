/** Nearest-rank percentile of numbers (p in 0-100); NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Milliseconds as seconds with two decimals, for bench reports. */
export const seconds = (ms: number): number => +(ms / 1000).toFixed(2);
