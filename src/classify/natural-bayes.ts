// natural's BayesClassifier, loaded and trained the way Mujib needs it.
//
// Loading: we require the classifier submodule, never `natural`'s index — the index pulls in
// its storage modules, which call dotenv.config() at load time, and dotenv 17 prints a
// banner on stdout (test/model-load.test.ts guards this).
//
// Training: natural's own train() turns every document into a dense 0/1 vector over the
// whole vocabulary (textToFeatures: O(vocabulary × document length) per document), which
// makes training O(documents × vocabulary). natural's inner (apparatus) Bayes classifier
// also accepts sparse observations — {any: featureIndex} — and updates exactly the same
// counts. trainSparse() feeds it the indices of the features a document contains, in
// natural's own feature order, so the trained counts are identical to natural's train()
// (test/model-natural.test.ts compares them) at O(document length) per document.

export interface ApparatusBayes {
  /** label → feature index → (documents of the class containing it) + smoothing. */
  classFeatures: Record<string, Record<number, number>>;
  /** label → documents of the class + 1. */
  classTotals: Record<string, number>;
  /** documents + 1. */
  totalExamples: number;
  smoothing: number;
  addExample(observation: number[] | Record<string, number>, label: string): void;
  train(): void;
  getClassifications(observation: number[]): { label: string; value: number }[];
}

export interface NaturalBayesClassifier {
  classifier: ApparatusBayes;
  docs: { label: string; text: string[] }[];
  /** feature → occurrences; its key order is the feature index order. */
  features: Record<string, number>;
  lastAdded: number;
  addDocument(tokens: string[], label: string): void;
  train(): void;
  getClassifications(tokens: string[]): { label: string; value: number }[];
  classify(tokens: string[]): string;
}

type BayesCtor = new (stemmer?: unknown, smoothing?: number) => NaturalBayesClassifier;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier') as BayesCtor;

/** natural's classifier with the given smoothing (natural ignores 0, so it is refused here). */
export function createBayes(smoothing: number): NaturalBayesClassifier {
  if (!(smoothing > 0) || !Number.isFinite(smoothing))
    throw new Error(`smoothing must be > 0, got ${smoothing}`);
  return new BayesClassifier(undefined, smoothing);
}

/**
 * Trains the documents added since the last training, like natural's train(), but with
 * sparse observations. `onProgress` is called every 1,000 documents and at the end.
 */
export function trainSparse(
  c: NaturalBayesClassifier,
  onProgress?: (done: number, total: number) => void,
): void {
  const index = new Map<string, number>();
  Object.keys(c.features).forEach((f, i) => index.set(f, i));
  const total = c.docs.length;
  // apparatus's sparse branch assigns an undeclared `value` (a sloppy-mode global): put
  // back whatever was there so training leaves the global object as it found it.
  const g = globalThis as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(g, 'value');
  const previous = g.value;
  try {
    for (let i = c.lastAdded; i < total; i++) {
      const doc = c.docs[i]!;
      const seen = new Set<number>();
      for (const t of doc.text) {
        const fi = index.get(t);
        if (fi !== undefined) seen.add(fi);
      }
      // Keys are irrelevant to apparatus; only the values (feature indices) are counted.
      const observation: Record<string, number> = {};
      let k = 0;
      for (const fi of seen) observation[k++] = fi;
      c.classifier.addExample(observation, doc.label);
      // apparatus's sparse branch forgets what its dense branch counts: the document itself
      // (its class total and the grand total). Count it as natural's train() would.
      c.classifier.totalExamples++;
      c.classifier.classTotals[doc.label]!++;
      c.lastAdded++;
      if (onProgress && (c.lastAdded % 1000 === 0 || c.lastAdded === total)) onProgress(c.lastAdded, total);
    }
  } finally {
    if (had) g.value = previous;
    else delete g.value;
  }
  c.classifier.train();
}
