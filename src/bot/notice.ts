// The reply to a mention that opens no ticket (a referral to another agency, or the agency's
// neutral reply to insults), planned in the outbox like every reply: _id ack:<tweet id>, so a
// retry after a crash never plans a second one. No ticket: ticketRef stays empty.
import type { BotContext } from './context';
import type { MentionDoc } from '../store/models';
import type { Decision } from '../classify/types';
import type { DecideResult } from '../decide';
import { chooseReplyLang } from '../reply';
import { renderNotice } from '../outcome/render';
import { isDuplicateKey } from '../store/duplicate-key';

export async function planNotice(
  ctx: BotContext,
  m: MentionDoc & { _id: string },
  decision: Decision,
  notice: NonNullable<DecideResult['notice']>,
): Promise<boolean> {
  const policy = ctx.policy();
  const text = renderNotice(policy.outcomes, notice, chooseReplyLang(decision.lang, policy.agency), {
    name: m.authorName ?? m.authorUsername ?? '',
    tweetId: m._id,
  });
  if (!text) return false;
  try {
    await ctx.models.Reply.create({
      _id: `ack:${m._id}`,
      kind: 'answer',
      inReplyToTweetId: m._id,
      text,
      status: 'planned',
      priority: 4,
      plannedAt: ctx.now(),
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  return true;
}
