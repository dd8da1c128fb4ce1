// {{name}}: a display name is the citizen's own text. Keep it from mentioning anyone ('@' is
// dropped: display names can hold "@handles"), from turning into a link, and from bidi tricks.
const MAX_NAME = 50; // X's display-name limit

export function cleanName(name: string | undefined): string {
  if (!name) return '';
  return [
    ...name
      .normalize('NFC')
      .replace(/[@＠﹫]/g, '')
      .replace(/\p{Cc}|[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '')
      .replace(/\b(https?:\/\/|www\.)/gi, '')
      // "name.com" would become a 23-weight link: break the dot.
      .replace(/\.(?=[a-z])/gi, '. ')
      .replace(/\s+/g, ' ')
      .trim(),
  ]
    .slice(0, MAX_NAME)
    .join('')
    .trim();
}
