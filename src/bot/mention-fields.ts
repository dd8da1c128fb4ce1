// What a mention carries beyond its text (long posts, edits, quotes, media, place), in its
// stored form, and the text the classifier reads: the post and the post it quotes together
// ("@agency look at this" quoting a citizen's complaint is that complaint).
import type { XTweet } from '../x/types';

export interface RichFields {
  long?: boolean;
  editOf?: string;
  editHistory?: string[];
  quoted?: { id: string; text?: string; authorId?: string; authorUsername?: string };
  media?: Array<{ key: string; type: string; url?: string; altText?: string }>;
  place?: Record<string, unknown>;
}

export function richFields(t: XTweet): RichFields {
  const out: RichFields = {};
  if (t.long) out.long = true;
  // X lists the versions oldest first; the first is the original post.
  const original = t.editHistory?.[0];
  if (t.editHistory && original && original !== t.id) {
    out.editOf = original;
    out.editHistory = t.editHistory;
  }
  if (t.quoted) out.quoted = { ...t.quoted };
  if (t.media?.length) out.media = t.media.map((m) => ({ ...m }));
  if (t.place) out.place = { ...t.place };
  return out;
}

/** The words to classify: the mention's text, then the quoted post's (if X sent it). */
export function textToClassify(m: { text?: string | null; quoted?: unknown }): string {
  const own = typeof m.text === 'string' ? m.text : '';
  const q = (m.quoted ?? undefined) as { text?: unknown } | undefined;
  return typeof q?.text === 'string' && q.text.trim() ? `${own}\n${q.text}` : own;
}
