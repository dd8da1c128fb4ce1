// What a citizen's reply in their ticket's thread wants: pure, from the words staff keep in
// rules/followups.yml. Order matters: "شكرًا بس لسه خربانة" is not thanks, and "still dark,
// any update?" is a not-fixed report (answered with the status when the ticket is open).
import { termsOf } from '../text';
import { first, occurrences, wordsOf, type FollowUpVocabulary } from './vocabulary';

export type FollowUpIntent = 'notFixed' | 'status' | 'thanks' | 'other';

export interface IntentResult {
  intent: FollowUpIntent;
  /** What matched, for the ticket history ("negation 'ما' + 'انصلحت'"). */
  because: string;
}

const QUESTION_MARK = /[?؟]/;
// Emoji and symbols only (🙏, 👍👍, 🌹): a closing gesture, like thanks.
const ONLY_SYMBOLS = /^(?:[\s\p{P}\p{S}\p{Extended_Pictographic}]|\u200d|\ufe0f)*$/u;

export function followUpIntent(text: string, v: FollowUpVocabulary): IntentResult {
  const t = wordsOf(text);

  const notFixed = first(v.notFixed.phrases, t);
  if (notFixed) return { intent: 'notFixed', because: `'${notFixed.source}'` };
  const still = first(v.notFixed.still, t);
  if (still) return { intent: 'notFixed', because: `'${still.source}'` };
  const negations = occurrences(v.notFixed.negations, t);
  const fixes = occurrences(v.notFixed.fixed, t);
  for (const n of negations)
    for (const f of fixes) {
      const gap = f.at - (n.at + n.len);
      if (gap >= 0 && gap <= 2)
        return { intent: 'notFixed', because: `negation '${n.source}' before '${t.tokens[f.at]}'` };
    }

  const status = first(v.status.phrases, t);
  if (status) return { intent: 'status', because: `'${status.source}'` };
  const question = first(v.status.questions, t);
  if (question) {
    const progress = first(v.status.progress, t);
    if (progress) return { intent: 'status', because: `'${question.source}' + '${progress.source}'` };
    if (QUESTION_MARK.test(text)) return { intent: 'status', because: `'${question.source}' + '?'` };
  }

  const thanks = occurrences(v.thanks.phrases, t);
  if (thanks.length) {
    // "it is fixed now, thank you": words of the fix go with the thanks.
    const covered = new Set(
      [...thanks, ...fixes].flatMap((o) => Array.from({ length: o.len }, (_, k) => o.at + k)),
    );
    const others = t.tokens.filter((w, i) => !covered.has(i) && termsOf([w]).length > 0).length;
    if (others <= v.thanks.maxOtherWords) return { intent: 'thanks', because: `'${thanks[0]!.source}'` };
  }
  if (t.tokens.length === 0 && ONLY_SYMBOLS.test(text)) return { intent: 'thanks', because: 'emoji only' };

  return { intent: 'other', because: 'new information' };
}
