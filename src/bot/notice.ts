// The reply to a mention that opens no ticket (a referral to another agency, or the agency's
// neutral reply to insults), planned in the outbox like every reply: _id ack:<tweet id>, so a
// retry after a crash never plans a second one. No ticket: ticketRef stays empty.
import type { BotContext } from './context';
import type { StoredMention } from '../store/mention-record';
import type { Decision } from '../classify/types';
import type { DecideResult } from '../decide';
import { chooseReplyLang } from '../reply';
import { renderNotice } from '../outcome/render';
import { planReply } from '../store/outbox';
import { replyKeyFor } from '../store/reply-plans';

export async function planNotice(
  ctx: BotContext,
  m: StoredMention,
  decision: Decision,
  notice: NonNullable<DecideResult['notice']>,
): Promise<boolean> {
  const policy = ctx.policy();
  const text = renderNotice(policy.outcomes, notice, chooseReplyLang(decision.lang, policy.agency), {
    name: m.authorName ?? m.authorUsername ?? '',
    tweetId: m._id,
  });
  if (!text) return false;
  await planReply(ctx.store, {
    _id: replyKeyFor(m._id),
    kind: 'answer',
    inReplyToTweetId: m._id,
    text,
    priority: 4,
    plannedAt: ctx.now(),
  });
  return true;
}
