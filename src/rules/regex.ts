// Staff regular expressions run on RE2 (re2js): linear time whatever the pattern, so a
// careless `(a+)+` cannot freeze the bot on a crafted tweet. RE2 has no look-around and no
// back-references; such patterns are rejected with RE2's reason.
import { RE2JS } from 're2js';

export interface StaffRegex {
  source: string;
  test(normalizedText: string): boolean;
}

// Tweets are normalised before matching, so letters normalisation removes could never match:
// write them the way the text will be (the pattern's other characters are left alone).
const ARABIC_VARIANTS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه' };

export function compileRegex(source: string): StaffRegex | string {
  const pattern = source
    .replace(/[أإآٱىة]/g, (c) => ARABIC_VARIANTS[c] ?? c)
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  try {
    const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return { source, test: (text) => re.test(text) };
  } catch (e) {
    // RE2 quotes the pattern with the case-insensitive flag it was compiled with; staff never wrote it.
    const msg = String((e as Error).message)
      .replace(/^error parsing regexp: /, '')
      .replace('`(?i)', '`');
    return `invalid regex '${source}': ${msg}`;
  }
}
