// Whether a write lost the race for a unique key: the one atomic primitive on FerretDB v1.

/** True when err is MongoDB's duplicate-key error (E11000). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; codeName?: string; writeErrors?: Array<{ code?: number }> } | null;
  return (
    e?.code === 11000 ||
    e?.codeName === 'DuplicateKey' ||
    Boolean(e?.writeErrors?.some((w) => w.code === 11000))
  );
}
