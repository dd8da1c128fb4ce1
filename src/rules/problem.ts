// A problem in a staff-edited file, always with the place to fix it: "file:line:col: message".

export interface Problem {
  /** The file as given to the loader (relative paths stay relative, so messages stay short). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** File order, then line, then column: the order a person fixes them in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

/** Levenshtein distance, for "did you mean …?" hints (short strings only). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate when it is close enough to be a typo, else undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  // Short words are too close to everything: 'fr' is not a typo of 'ar'.
  return best !== undefined && bestD <= Math.floor(best.length / 3) ? best : undefined;
}

export function hint(word: string, candidates: Iterable<string>): string {
  const m = didYouMean(word, candidates);
  return m ? ` (did you mean '${m}'?)` : '';
}
