// Months of realistic history for the soak benchmark, written fast (bulk insertMany, in
// chunks so the bench's own memory stays small): processed mentions with their raw tweet and
// classification, a ticket per complaint with its history, the posted acknowledgements (and
// "resolved" replies), and what `state` and `counters` hold beside them in a live database
// (mention → ticket bindings, author and thread lookups, ticket numbers, the last day's post
// claims and ticket-change tokens that daily housekeeping has not removed yet).
import type { Models } from '../src/store/models';
import { formatTicketRef } from '../src/tickets/ref';
import { toLocal } from '../src/sla/zone';
import { withDayFields } from '../src/store/models/day-fields';
import { STORM_ROUTINE, STORM_URGENT } from './storm-texts';

const TWITTER_EPOCH = 1288834974657n;
const CHUNK = 1000;
const PER_DAY = 1000;
const HOUR = 3_600_000;

const CATEGORIES = [
  'roads',
  'lighting',
  'waste',
  'water_sewage',
  'buildings',
  'animals_pests',
  'public_health',
  'parks',
  'staff_conduct',
  'digital_services',
  'inquiry',
  'praise',
  'other',
];
const TEXTS = [
  ...STORM_ROUTINE,
  'حفرة كبيرة في شارع الأمير سلطان قدام الصيدلية، السيارات تتكسر عليها كل يوم',
  'أعمدة الإنارة طافية في حي الياسمين من أسبوع والشارع ظلام',
  'الحاوية ما انشالت من خمسة أيام والريحة لا تطاق، حي العليا',
  'كلاب ضالة كثيرة عند المدرسة الابتدائية والأطفال خايفين',
  'The municipality app keeps failing at the OTP step, I cannot pay the fine',
  'متى يفتح مكتب الخدمات في البلدية الفرعية؟ وش الأوراق المطلوبة لرخصة البناء؟',
  'شكرا للأمانة على سرعة إصلاح الرصيف، عمل ممتاز',
];

export interface FillOptions {
  mentions: number;
  now: Date;
  prefix: string;
  timeZone: string;
  agencyId: string;
  agencyUsername: string;
  onProgress?: (line: string) => void;
}

export interface FillResult {
  mentions: number;
  tickets: number;
  replies: number;
  state: number;
  counters: number;
  activeTickets: number;
  ms: number;
}

/** A small deterministic generator: the same history on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Doc = Record<string, unknown>;

export async function fillHistory(models: Models, o: FillOptions): Promise<FillResult> {
  const started = Date.now();
  const rand = rng(17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const now = o.now.getTime();
  const days = Math.max(1, Math.ceil(o.mentions / PER_DAY));
  const span = days * 86_400_000;
  const authors = Math.max(50, Math.floor(o.mentions / 4));
  const numbers = new Map<string, number>();
  const byAuthor = new Map<string, { ref: string; category: string; at: Date }[]>();
  const res: FillResult = {
    mentions: 0,
    tickets: 0,
    replies: 0,
    state: 0,
    counters: 0,
    activeTickets: 0,
    ms: 0,
  };
  let unbreachedLeft = 10; // a few newly overdue tickets for the SLA sweep to find

  let mentions: Doc[] = [];
  let tickets: Doc[] = [];
  let replies: Doc[] = [];
  let state: Doc[] = [];
  let counters: Doc[] = [];
  const flush = async (force: boolean) => {
    const write = async (docs: Doc[], coll: { insertMany(d: Doc[], o: object): Promise<unknown> }) => {
      if (docs.length && (force || docs.length >= CHUNK)) {
        await coll.insertMany(docs, { ordered: false });
        return true;
      }
      return false;
    };
    if (await write(mentions, models.Mention.collection as never)) mentions = [];
    if (await write(tickets, models.Ticket.collection as never)) tickets = [];
    if (await write(replies, models.Reply.collection as never)) replies = [];
    if (await write(state, models.State.collection as never)) state = [];
    if (await write(counters, models.Counter.collection as never)) counters = [];
  };

  for (let i = 0; i < o.mentions; i++) {
    // Evenly spread over the span, the newest a minute ago.
    const at = new Date(now - 60_000 - span + Math.floor(((i + 1) * span) / o.mentions));
    const id = (((BigInt(at.getTime()) - TWITTER_EPOCH) << 22n) + BigInt(i % 4096)).toString();
    const a = Math.floor(rand() * authors);
    const authorId = String(1_700_000_000_000_000_000n + BigInt(a));
    const username = `citizen_${a}`;
    const urgent = rand() < 0.015;
    const text = `${urgent ? pick(STORM_URGENT) : pick(TEXTS)} @${o.agencyUsername} #${i}`;
    const category = urgent ? 'water_sewage' : pick(CATEGORIES);
    const lang = /[a-z]{4}/i.test(text.slice(0, 12)) ? 'en' : 'ar';
    const roll = rand();
    const skipped = roll < 0.03;
    const ignored = !skipped && roll < 0.08;
    const raw = {
      id,
      text,
      author_id: authorId,
      created_at: at.toISOString(),
      conversation_id: id,
      lang,
      edit_history_tweet_ids: [id],
      possibly_sensitive: false,
      reply_settings: 'everyone',
      entities: {
        mentions: [
          {
            start: text.indexOf('@'),
            end: text.indexOf('@') + 14,
            username: o.agencyUsername,
            id: o.agencyId,
          },
        ],
        hashtags: [{ start: text.lastIndexOf('#'), end: text.length, tag: String(i) }],
      },
      public_metrics: {
        retweet_count: 0,
        reply_count: 1,
        like_count: Math.floor(rand() * 5),
        quote_count: 0,
      },
      author: { id: authorId, username, name: `مواطن ${a}`, verified: false },
    };
    const priority = urgent ? 1 : rand() < 0.15 ? 2 : rand() < 0.85 ? 3 : 4;
    const mention: Doc = {
      _id: id,
      text,
      authorId,
      authorUsername: username,
      authorName: `مواطن ${a}`,
      tweetCreatedAt: at,
      conversationId: id,
      isRetweet: skipped,
      lang,
      raw,
      fetchedAt: new Date(at.getTime() + 5_000),
      status: skipped ? 'skipped' : 'processed',
      attempts: 0,
    };
    if (skipped) mention.skipReason = 'retweet';
    else {
      mention.processedAt = new Date(at.getTime() + 6_000);
      mention.classification = {
        lang,
        category: ignored ? 'other' : category,
        confidence: 0.62 + rand() * 0.37,
        source: rand() < 0.6 ? 'rule' : 'model',
        rule: `${category}-${Math.floor(rand() * 5)}`,
        urgent,
        needsTriage: false,
        plan: {
          action: ignored ? 'ignore' : 'acknowledge',
          escalate: priority <= 2,
          priority,
          reason: ignored ? 'spam: no reply' : `${category} complaint`,
        },
      };
    }
    mentions.push(mention);
    res.mentions++;

    if (!skipped && !ignored) {
      const l = toLocal(at, o.timeZone);
      const series = `ticket:${o.prefix}-${String(l.year % 100).padStart(2, '0')}${String(l.month).padStart(2, '0')}`;
      const n = (numbers.get(series) ?? 0) + 1;
      numbers.set(series, n);
      const ref = formatTicketRef({ prefix: o.prefix, year: l.year, month: l.month, number: n });
      const createdAt = new Date(at.getTime() + 6_000);
      const dueAt = new Date(createdAt.getTime() + [0, 1, 4, 24, 72][priority]! * HOUR);
      const recent = now - at.getTime() < 3 * 86_400_000;
      const resolved = rand() < (recent ? 0.5 : 0.98);
      const claimed = !resolved && rand() < 0.2;
      const history: Doc[] = [
        { at: createdAt, by: 'bot', action: 'opened', detail: `${category} complaint` },
      ];
      const notes: Doc[] = [];
      let resolvedAt: Date | undefined;
      let breached = false;
      if (resolved || claimed) {
        const by = `staff_${Math.floor(rand() * 12)}`;
        const claimAt = new Date(Math.min(now - 30_000, createdAt.getTime() + rand() * 4 * HOUR));
        history.push({ at: claimAt, by, action: 'claimed', detail: 'lease until …' });
        if (rand() < 0.5) {
          notes.push({ at: claimAt, by, text: 'تم التواصل مع فريق الصيانة وسيتم الإصلاح خلال يومين' });
          history.push({ at: claimAt, by, action: 'note' });
        }
        if (resolved) {
          resolvedAt = new Date(Math.min(now - 20_000, claimAt.getTime() + rand() * 44 * HOUR));
          history.push({ at: resolvedAt, by, action: 'resolved', detail: 'تم الإصلاح' });
        }
      }
      if (!resolved && dueAt.getTime() < now) {
        if (unbreachedLeft > 0 && now - dueAt.getTime() < 3 * HOUR) unbreachedLeft--;
        else {
          breached = true;
          history.push({
            at: dueAt,
            by: 'bot',
            action: 'sla-breached',
            detail: `due ${dueAt.toISOString()}`,
          });
        }
      }
      const ticket: Doc = {
        _id: ref,
        mentionId: id,
        conversationId: id,
        authorId,
        authorUsername: username,
        lang,
        category,
        confidence: (mention.classification as Doc).confidence,
        source: (mention.classification as Doc).source,
        rule: (mention.classification as Doc).rule,
        urgent,
        priority: breached ? Math.max(1, priority - 1) : priority,
        escalated: priority <= 2,
        status: resolved ? 'resolved' : claimed ? 'claimed' : 'open',
        breached,
        notes,
        followUps: rand() < 0.1 ? [{ tweetId: `${id}7`, at: createdAt, text: 'أي جديد؟' }] : [],
        history,
        createdAt,
        updatedAt: (history.at(-1) as { at: Date }).at,
      };
      if (!resolved) ticket.dueAt = dueAt;
      if (claimed) {
        ticket.claimedBy = (history[1] as Doc).by;
        ticket.leaseUntil = new Date((history[1] as { at: Date }).at.getTime() + 2 * HOUR);
      }
      if (resolvedAt) ticket.resolvedAt = resolvedAt;
      if (!resolved) res.activeTickets++;
      tickets.push(withDayFields(ticket, { createdAt: 'createdDay', resolvedAt: 'resolvedDay' }));
      for (const f of ticket.followUps as { tweetId: string }[])
        state.push({ _id: `follow-up-ticket:${f.tweetId}`, value: ref, updatedAt: createdAt });
      res.tickets++;
      counters.push({ _id: `${series}:${n}`, series, n, at: createdAt });
      res.counters++;
      state.push({ _id: `ticket-for-mention:${id}`, value: ref, updatedAt: createdAt });
      state.push({ _id: `thread-ticket:${id}`, value: ref, updatedAt: createdAt });
      res.state += 2;
      const list = byAuthor.get(authorId) ?? [];
      list.push({ ref, category, at: createdAt });
      byAuthor.set(authorId, list);

      const postedAt = new Date(createdAt.getTime() + 3_000 + rand() * 50_000);
      const postedId = (((BigInt(postedAt.getTime()) - TWITTER_EPOCH) << 22n) + BigInt(i % 4096)).toString();
      replies.push(
        withDayFields(
          {
            _id: `ack:${id}`,
            kind: 'ack',
            ticketRef: ref,
            inReplyToTweetId: id,
            text: `@${username} شكراً لتواصلك مع الأمانة. تم تسجيل بلاغك برقم ${ref} وسيتابعه الفريق المختص خلال ٢٤ ساعة.`,
            status: 'posted',
            priority,
            attempts: 1,
            lastAttemptAt: postedAt,
            postedTweetId: postedId,
            plannedAt: createdAt,
            postedAt,
          },
          { postedAt: 'postedDay' },
        ),
      );
      res.replies++;
      // Yesterday's and today's decisions: housekeeping (daily) has not removed them yet.
      if (now - at.getTime() < 2 * 86_400_000) {
        state.push({ _id: `post:ack:${id}:1`, holder: 'bench', updatedAt: postedAt });
        for (let v = 1; v < history.length; v++)
          state.push({
            _id: `ticket-tx:${ref}:${v}`,
            holder: 'bench',
            value: {},
            updatedAt: (history[v] as { at: Date }).at,
          });
        res.state += history.length;
      }
      if (resolvedAt && rand() < 0.5) {
        replies.push(
          withDayFields(
            {
              _id: `resolved:${ref}`,
              kind: 'resolved',
              ticketRef: ref,
              inReplyToTweetId: id,
              text: `@${username} تمت معالجة بلاغك ${ref}. شكراً لصبرك.`,
              status: 'posted',
              priority,
              attempts: 1,
              postedTweetId: `${postedId}1`,
              plannedAt: resolvedAt,
              postedAt: new Date(resolvedAt.getTime() + 4_000),
            },
            { postedAt: 'postedDay' },
          ),
        );
        res.replies++;
      }
    }
    await flush(false);
    if ((i + 1) % 10_000 === 0)
      o.onProgress?.(`  prefilled ${i + 1} mentions (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // What the pipeline's repeat checks read: each citizen's tickets of the last 60 days.
  const cutoff = now - 60 * 86_400_000;
  for (const [authorId, list] of byAuthor) {
    state.push({
      _id: `author-tickets:${authorId}`,
      value: list.filter((t) => t.at.getTime() >= cutoff),
      updatedAt: list.at(-1)!.at,
    });
    res.state++;
    await flush(false);
  }
  await flush(true);
  res.ms = Date.now() - started;
  return res;
}
