// Classification metrics shared by `mujib eval` and the benchmark.

export interface CategoryMetrics {
  category: string;
  precision: number;
  recall: number;
  f1: number;
  /** Test examples whose true label is this category. */
  support: number;
}

export interface Metrics {
  total: number;
  correct: number;
  accuracy: number;
  /** Unweighted mean F1 over the categories present in the truth or the predictions. */
  macroF1: number;
  perCategory: CategoryMetrics[];
  /** Most frequent mistakes, as true → predicted, largest first. */
  confusions: { actual: string; predicted: string; count: number }[];
}

export function computeMetrics(
  pairs: readonly { actual: string; predicted: string }[],
  opts: { topConfusions?: number } = {},
): Metrics {
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const support = new Map<string, number>();
  const confusion = new Map<string, { actual: string; predicted: string; count: number }>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  for (const { actual, predicted: p } of pairs) {
    inc(support, actual);
    inc(predicted, p);
    if (actual === p) {
      correct++;
      inc(tp, actual);
    } else {
      const key = JSON.stringify([actual, p]);
      const c = confusion.get(key) ?? { actual, predicted: p, count: 0 };
      c.count++;
      confusion.set(key, c);
    }
  }
  const categories = [...new Set([...support.keys(), ...predicted.keys()])].sort();
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const perCategory = categories.map((category) => {
    const t = tp.get(category) ?? 0;
    const precision = ratio(t, predicted.get(category) ?? 0);
    const recall = ratio(t, support.get(category) ?? 0);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { category, precision, recall, f1, support: support.get(category) ?? 0 };
  });
  const confusions = [...confusion.values()]
    .sort(
      (a, b) =>
        b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted),
    )
    .slice(0, opts.topConfusions ?? 10);
  return {
    total: pairs.length,
    correct,
    accuracy: ratio(correct, pairs.length),
    macroF1: ratio(
      perCategory.reduce((s, c) => s + c.f1, 0),
      perCategory.length,
    ),
    perCategory,
    confusions,
  };
}
