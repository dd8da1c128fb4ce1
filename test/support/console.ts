// Shared by the console tests and the screenshot script: realistic seeded Arabic tickets, a
// console on a private database, and a tiny cookie-keeping HTTP client (real requests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Models } from '../../src/store/models';
import { loadRules } from '../../src/policy/runtime';
import type { ActiveRules } from '../../src/policy/runtime';
import { addStaff } from '../../src/console/auth/staff';
import { startConsole, type RunningConsole } from '../../src/console';
import type { ConsoleOptions } from '../../src/console/server';
import { openTestDatabase, quietLog } from './db';

export const RULES_DIR = path.resolve(__dirname, '..', '..', 'rules');
export const PASSWORD = 'نخلة-وقهوة-2026';
export const OTHER_PASSWORD = 'correct horse battery';

let rules: Promise<ActiveRules> | undefined;
/** The shipped rules with their model, trained once per process into a temp folder. */
export function shippedRules(): Promise<ActiveRules> {
  return (rules ??= loadRules(
    RULES_DIR,
    fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-console-model-')),
    quietLog,
  ));
}

interface Seed {
  n: number;
  text: string;
  user: string;
  category: string;
  priority: number;
  source: 'rule' | 'model' | 'fallback';
  rule?: string;
  confidence: number;
  urgent?: boolean;
  urgentTerm?: string;
  lang?: 'ar' | 'en';
  minutesAgo: number;
  dueInMinutes?: number;
  status?: 'open' | 'claimed' | 'resolved';
  claimedBy?: string;
  notes?: { by: string; text: string; minutesAgo: number }[];
  /** Minutes after the tweet that the acknowledgement was posted. */
  ackAfter?: number;
  resolvedAfter?: number;
}

export const SEEDS: Seed[] = [
  {
    n: 41,
    text: 'غرفة تفتيش مفتوحة بدون غطاء قدام مدرسة الأبناء في حي النسيم، خطر على الأطفال الله يحفظهم',
    user: 'umm_khalid',
    category: 'water_sewage',
    priority: 1,
    source: 'rule',
    rule: 'water-open-manhole',
    confidence: 1,
    urgent: true,
    urgentTerm: 'غرفة تفتيش مفتوحة',
    minutesAgo: 35,
    dueInMinutes: 85,
    ackAfter: 0.4,
  },
  {
    n: 42,
    text: 'حفرة كبيرة في شارع الأمير محمد بن عبدالعزيز قدام محطة البنزين، السيارات تنحرف عشان تتفاداها',
    user: 'abu_fahad',
    category: 'roads',
    priority: 2,
    source: 'rule',
    rule: 'roads-potholes',
    confidence: 1,
    minutesAgo: 95,
    dueInMinutes: 600,
    ackAfter: 0.7,
  },
  {
    n: 43,
    text: 'أعمدة الإنارة في شارع التخصصي طافية من أسبوع والشارع ظلام دامس بالليل',
    user: 'saad_911',
    category: 'lighting',
    priority: 3,
    source: 'model',
    confidence: 0.87,
    minutesAgo: 180,
    dueInMinutes: 1200,
    status: 'claimed',
    claimedBy: 'نورة',
    notes: [{ by: 'نورة', text: 'تم التواصل مع مقاول الإنارة، الفرقة بتمر اليوم العصر', minutesAgo: 20 }],
    ackAfter: 1.5,
  },
  {
    n: 44,
    text: 'الحاوية اللي عند جامع الحي ما انشالت من ٤ أيام والريحة صارت لا تطاق',
    user: 'reem_alharbi',
    category: 'waste',
    priority: 3,
    source: 'model',
    confidence: 0.74,
    minutesAgo: 260,
    dueInMinutes: -30,
    ackAfter: 3,
  },
  {
    n: 45,
    text: 'كلاب ضالة كثيرة في حي الملقا تلاحق الأطفال بعد المغرب، نبي حل عاجل',
    user: 'mohammed_q',
    category: 'animals_pests',
    priority: 2,
    source: 'rule',
    rule: 'animals-stray-dogs',
    confidence: 1,
    minutesAgo: 400,
    dueInMinutes: -120,
    ackAfter: 0.9,
  },
  {
    n: 46,
    text: 'Street light pole fell on the sidewalk near Exit 5, wires are exposed',
    user: 'jsmith_riyadh',
    category: 'lighting',
    priority: 1,
    source: 'rule',
    rule: 'lighting-fallen-pole',
    confidence: 1,
    urgent: true,
    urgentTerm: 'wires exposed',
    lang: 'en',
    minutesAgo: 50,
    dueInMinutes: 70,
    ackAfter: 0.5,
  },
  {
    n: 47,
    text: 'وش رأيكم بمباراة الهلال اليوم؟ 😅',
    user: 'fan_4ever',
    category: 'other',
    priority: 4,
    source: 'fallback',
    confidence: 0.21,
    minutesAgo: 120,
    dueInMinutes: 2880,
    ackAfter: 2,
  },
  {
    n: 48,
    text: 'المطعم اللي بشارع التحلية المطبخ وسخ والعمال بدون قفازات',
    user: 'hind_s',
    category: 'public_health',
    priority: 2,
    source: 'rule',
    rule: 'health-restaurant-hygiene',
    confidence: 1,
    minutesAgo: 300,
    status: 'resolved',
    resolvedAfter: 150,
    notes: [{ by: 'فيصل', text: 'زارت فرقة الرقابة الصحية المطعم وحُرّرت مخالفة', minutesAgo: 150 }],
    ackAfter: 1,
  },
  {
    n: 49,
    text: 'الرصيف في شارع الأمير عبدالعزيز بن مساعد مكسر والبلاط طاير، كبار السن يتعثرون',
    user: 'abdullah_m',
    category: 'roads',
    priority: 3,
    source: 'model',
    confidence: 0.66,
    minutesAgo: 520,
    dueInMinutes: 300,
    ackAfter: 4,
  },
  {
    n: 50,
    text: 'تطبيق بلدي يعطيني خطأ عند دفع رسوم الرخصة من أمس',
    user: 'lama_dev',
    category: 'digital_services',
    priority: 3,
    source: 'rule',
    rule: 'digital-payment',
    confidence: 1,
    minutesAgo: 70,
    dueInMinutes: 900,
    ackAfter: 0.6,
  },
];

export const refOf = (n: number) => `AM-2611-${String(n).padStart(4, '0')}`;
export const tweetIdOf = (n: number) => `18650000000000${String(n).padStart(5, '0')}`;

export async function seedTickets(models: Models, now = new Date()): Promise<void> {
  const ago = (m: number) => new Date(now.getTime() - m * 60_000);
  for (const s of SEEDS) {
    const tweetAt = ago(s.minutesAgo);
    const id = tweetIdOf(s.n);
    const status = s.status ?? 'open';
    const history: { at: Date; by: string; action: string; detail?: string }[] = [
      {
        at: tweetAt,
        by: 'mujib',
        action: 'opened',
        detail: `${s.category} (${s.source}${s.rule ? ` ${s.rule}` : ''})`,
      },
    ];
    if (s.claimedBy) history.push({ at: ago(s.minutesAgo - 10), by: s.claimedBy, action: 'claimed' });
    for (const n of s.notes ?? [])
      history.push({ at: ago(n.minutesAgo), by: n.by, action: 'noted', detail: n.text });
    const resolvedAt = s.resolvedAfter !== undefined ? ago(s.minutesAgo - s.resolvedAfter) : undefined;
    if (resolvedAt) history.push({ at: resolvedAt, by: s.notes?.[0]?.by ?? 'فيصل', action: 'resolved' });
    await models.Mention.create({
      _id: id,
      text: s.text,
      authorId: `u${s.n}`,
      authorUsername: s.user,
      tweetCreatedAt: tweetAt,
      fetchedAt: tweetAt,
      status: 'processed',
      classification: {
        category: s.category,
        source: s.source,
        confidence: s.confidence,
        urgent: !!s.urgent,
        ...(s.urgentTerm ? { urgentTerm: s.urgentTerm } : {}),
      },
      ticketRef: refOf(s.n),
    });
    await models.Ticket.create({
      _id: refOf(s.n),
      mentionId: id,
      authorId: `u${s.n}`,
      authorUsername: s.user,
      lang: s.lang ?? 'ar',
      category: s.category,
      confidence: s.confidence,
      source: s.source,
      rule: s.rule,
      urgent: !!s.urgent,
      priority: s.priority,
      escalated: true,
      status,
      dueAt: s.dueInMinutes !== undefined ? new Date(now.getTime() + s.dueInMinutes * 60_000) : undefined,
      claimedBy: s.claimedBy,
      leaseUntil: s.claimedBy ? new Date(now.getTime() + 2 * 3_600_000) : undefined,
      notes: (s.notes ?? []).map((n) => ({ at: ago(n.minutesAgo), by: n.by, text: n.text })),
      history,
      resolvedAt,
      createdAt: tweetAt,
    });
    if (s.ackAfter !== undefined)
      await models.Reply.create({
        _id: `ack:${id}`,
        kind: 'ack',
        ticketRef: refOf(s.n),
        inReplyToTweetId: id,
        text: `شكرًا لتواصلكم، رقم البلاغ ${refOf(s.n)}`,
        status: 'posted',
        postedTweetId: `9${id}`,
        plannedAt: tweetAt,
        postedAt: new Date(tweetAt.getTime() + s.ackAfter * 60_000),
      });
  }
}

export interface ConsoleFixture {
  db: Awaited<ReturnType<typeof openTestDatabase>>;
  console: RunningConsole;
  rules: ActiveRules;
  stop(): Promise<void>;
}

/** A console on a fresh database with staff sara and omar and the seeded tickets. */
export async function startTestConsole(
  label: string,
  opts: { secureCookies?: boolean; pollMs?: number; console?: Partial<ConsoleOptions> } = {},
): Promise<ConsoleFixture> {
  const db = await openTestDatabase(label);
  const active = await shippedRules();
  await addStaff(db.store, 'sara', PASSWORD);
  await addStaff(db.store, 'omar', OTHER_PASSWORD);
  await seedTickets(db.models);
  const running = await startConsole({
    store: db.store,
    rules: () => active,
    port: 0,
    log: quietLog,
    pollMs: opts.pollMs ?? 1000,
    ...(opts.secureCookies ? { secureCookies: true } : {}),
    ...opts.console,
  });
  return {
    db,
    console: running,
    rules: active,
    async stop() {
      await running.stop();
      await db.drop();
    },
  };
}

/** fetch with a cookie jar and no redirect following, so tests see every 302/303. */
export class Client {
  readonly cookies = new Map<string, string>();
  lastSetCookie: string[] = [];

  constructor(readonly base: string) {}

  async request(
    method: string,
    p: string,
    o: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; text: string; json<T = unknown>(): T }> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(o.form).toString();
    } else if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.json);
    }
    const res = await fetch(this.base + p, { method, headers, body, redirect: 'manual' });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const c of this.lastSetCookie) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
  }

  get(p: string, headers: Record<string, string> = {}) {
    return this.request('GET', p, { headers });
  }

  /** The hidden _csrf value of the last form on a page. */
  static csrfFrom(html: string): string {
    const all = [...html.matchAll(/name="_csrf" value="([^"]+)"/g)];
    if (!all.length) throw new Error('no _csrf field on the page');
    return all.at(-1)![1]!;
  }

  async signIn(name: string, password: string) {
    const page = await this.get('/signin');
    const token = Client.csrfFrom(page.text);
    return this.request('POST', '/signin', {
      form: { _csrf: token, name, password },
      headers: { origin: this.base },
    });
  }

  /** A POST the way the console's own forms send it: same origin, session token. */
  async post(p: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const page = await this.get('/queue');
    return this.request('POST', p, {
      form: { _csrf: Client.csrfFrom(page.text), ...form },
      headers: { origin: this.base, ...headers },
    });
  }
}
