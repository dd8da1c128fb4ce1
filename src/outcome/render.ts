// The reply to a mention that opens no ticket: a referral to another agency (its name and
// contact line, never its handle nor a link), or the agency's neutral reply to insults.
// {{ref}} — the tweet id's last digits — keeps each reply unique (X refuses duplicates).
import { cleanName } from '../reply/name';
import { MAX_WEIGHTED_LENGTH, weightedLength } from '../reply/length';
import type { ReplyLang } from '../text/lang';
import type { OutcomeRules } from './rules';

export function renderNotice(
  rules: OutcomeRules,
  notice: { kind: 'referral' | 'abuse'; agency?: string },
  lang: ReplyLang,
  vars: { name?: string; tweetId: string },
): string | undefined {
  const agency = rules.agencies.find((a) => a.id === notice.agency);
  const template = notice.kind === 'referral' ? rules.referral?.[lang] : rules.abuse.reply?.[lang];
  if (!template || (notice.kind === 'referral' && !agency)) return undefined;
  const ref = vars.tweetId.slice(-6);
  const fill = (name: string) =>
    template
      .replace(/\{\{\s*name\s*\}\}/g, name)
      .replace(/\{\{\s*agency\s*\}\}/g, agency?.names[lang] ?? '')
      .replace(/\{\{\s*contact\s*\}\}/g, agency?.contact[lang] ?? '')
      .replace(/\{\{\s*ref\s*\}\}/g, ref)
      .replace(/\s+([،,])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
  const full = fill(cleanName(vars.name ?? ''));
  return weightedLength(full) <= MAX_WEIGHTED_LENGTH ? full : fill('');
}
