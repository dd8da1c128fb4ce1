// Direction of a tweet for display. `dir="auto"` takes the first strong letter, and an Arabic
// tweet that starts "@Amana_Sandbox …" would be laid out left-to-right; so the leading
// @handles (and #tags, links, digits, emoji) are skipped before looking. Pure.
const LEADING = /^(?:\s|@\w+|#\S+|https?:\/\/\S+|[\p{N}\p{P}\p{S}\p{Emoji_Presentation}])+/u;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

export function textDir(text: string | undefined | null): 'rtl' | 'ltr' | 'auto' {
  if (!text) return 'auto';
  const rest = text.replace(LEADING, '');
  const first = STRONG.exec(rest) ?? STRONG.exec(text);
  if (!first) return 'auto';
  return RTL.test(first[0]) ? 'rtl' : 'ltr';
}
