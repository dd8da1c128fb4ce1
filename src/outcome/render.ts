// The reply to a mention that opens no ticket: a referral to another agency (its name and
// contact line, never its handle nor a link), or the agency's neutral reply to insults.
// {{ref}} — the tweet id's last digits — keeps each reply unique (X refuses duplicates).
import { cleanName } from '../reply/name';
import { MAX_WEIGHTED_LENGTH, weightedLength } from '../reply/length';
import { inLang, writtenIn, type ReplyLang } from '../text/lang';
import type { OutcomeRules } from './rules';

export function renderNotice(
  rules: OutcomeRules,
  notice: { kind: 'referral' | 'abuse'; agency?: string },
  lang: ReplyLang,
  vars: { name?: string; tweetId: string },
): string | undefined {
  const agency = rules.agencies.find((a) => a.id === notice.agency);
  const texts = notice.kind === 'referral' ? rules.referral : rules.abuse.reply;
  if (!texts || (notice.kind === 'referral' && !agency)) return undefined;
  // Written in the resident's language when the pack has it, else English; the names follow.
  lang = writtenIn(texts, lang);
  const template = inLang(texts, lang);
  const ref = vars.tweetId.slice(-6);
  const fill = (name: string) =>
    template
      .replace(/\{\{\s*name\s*\}\}/g, name)
      .replace(/\{\{\s*agency\s*\}\}/g, agency ? inLang(agency.names, lang) : '')
      .replace(/\{\{\s*contact\s*\}\}/g, agency ? inLang(agency.contact, lang) : '')
      .replace(/\{\{\s*ref\s*\}\}/g, ref)
      .replace(/\s+([،,])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
  const full = fill(cleanName(vars.name ?? ''));
  return weightedLength(full) <= MAX_WEIGHTED_LENGTH ? full : fill('');
}
