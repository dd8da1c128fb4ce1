// The one normalisation of a staff name, for the account id, the lookup at sign-in and the
// sign-in limiter alike: compatibility forms folded (NFKC: fullwidth ｄｅｍｏ is demo), outer
// spaces trimmed, case folded. Two spellings that reach the same account share one limit.
export function normalizeStaffName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}
