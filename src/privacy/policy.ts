// rules/privacy.yml: how long citizens' personal data is kept (Saudi PDPL: no longer than the
// purpose needs). Optional: without the file the defaults below apply. Problems are reported
// at file:line:col like every rule file; a broken file keeps the defaults' stricter reading
// from being replaced by nothing (the caller decides: housekeeping skips the day and warns).
import fs from 'node:fs';
import path from 'node:path';
import { privacySchema } from '../rules/schemas/privacy';
import { parseYamlFile, validateWithSchema } from '../rules/yaml-source';
import type { Problem } from '../rules/problem';

export const PRIVACY_FILE = 'privacy.yml';

export interface PrivacyPolicy {
  /** Months after a ticket is resolved before its citizen's posts, name and handle are blanked. */
  resolvedTicketMonths: number;
  /** Months after fetching before a mention that opened no ticket (spam, chatter, thanks) is blanked. */
  withoutTicketMonths: number;
  /** Months the staff access log is kept. */
  accessLogMonths: number;
}

export const DEFAULT_PRIVACY: PrivacyPolicy = {
  resolvedTicketMonths: 12,
  withoutTicketMonths: 3,
  accessLogMonths: 24,
};

export function loadPrivacyPolicy(rulesDir: string): { policy?: PrivacyPolicy; problems: Problem[] } {
  const file = path.join(rulesDir, PRIVACY_FILE);
  if (!fs.existsSync(file)) return { policy: DEFAULT_PRIVACY, problems: [] };
  const src = parseYamlFile(file);
  const problems = [...src.problems, ...validateWithSchema(src, privacySchema)];
  if (problems.length) return { problems };
  const r = ((src.data ?? {}) as { retention?: Partial<PrivacyPolicy> }).retention ?? {};
  return { policy: { ...DEFAULT_PRIVACY, ...r }, problems };
}

/** `now` minus whole calendar months. */
export function monthsBefore(now: Date, n: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
}
