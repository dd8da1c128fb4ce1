// Open311 GeoReport v2 (read-only) over tickets the real bot opened from real HTTP mentions:
// every field of the GeoReport v2 service-request list, the query parameters, errors in the
// GeoReport shape, a rate limit, and no personal data in any answer.
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { startHealthServer } from '../src/health/server';
import { createOpen311 } from '../src/open311/server';
import { resolve } from '../src/queue';
import { inLang } from '../src/text/lang';

const h = useBotHarness('open311');

// https://wiki.open311.org/GeoReport_v2#GET_Service_Requests (response fields)
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();
const SERVICE_FIELDS = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
].sort();
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

async function setUp(perMinute = 1000) {
  h.rt = await startTestBot(h.emu, h.dbName);
  const rt = h.rt;
  const pothole = h.emu.injectMention({
    text: 'حفرة كبيرة أمام بيتي رقم 12 في حي الملقا',
    author: 'Noura_K',
    authorName: 'نورة الخالد',
    place: { fullName: 'الملقا، الرياض', bbox: [46.6, 24.79, 46.62, 24.81] },
  });
  const light = h.emu.injectMention({
    text: 'الإنارة طافية في شارع التخصصي',
    author: 'fahad_77',
    authorName: 'فهد',
  });
  await tickUntil(rt, () => h.emu.posts().length >= 2);
  const tickets = await rt.db.models.Ticket.find({}).lean();
  const lightTicket = tickets.find((t) => t.mentionId === light.id)!;
  await resolve(rt.ctx.store, lightTicket._id, { as: 'sara' });
  const server = await startHealthServer(rt.ctx, {
    port: 0,
    open311: createOpen311({
      store: rt.ctx.store,
      categories: () => rt.rules.current().pack.categories,
      agency: (lang) => inLang(rt.ctx.policy().agency.displayName, lang),
      perMinute,
    }),
  });
  const get = async (p: string) => {
    const r = await fetch(`${server.url}/open311/v2/${p}`);
    return {
      status: r.status,
      body: (await r.json()) as Record<string, unknown>[],
      type: r.headers.get('content-type'),
    };
  };
  return { server, get, pothole, tickets, lightTicket };
}

test('services.json lists the categories; requests carry every GeoReport v2 field and nothing personal', async () => {
  const { server, get, pothole, tickets, lightTicket } = await setUp();
  try {
    const services = await get('services.json');
    expect(services.status).toBe(200);
    expect(services.type).toMatch(/application\/json/);
    for (const s of services.body) expect(Object.keys(s).sort()).toEqual(SERVICE_FIELDS);
    expect(services.body.map((s) => s.service_code)).toEqual(expect.arrayContaining(['roads', 'lighting']));

    const all = await get('requests.json');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(2);
    for (const r of all.body) {
      expect(Object.keys(r).sort()).toEqual(REQUEST_FIELDS);
      expect(['open', 'closed']).toContain(r.status);
      expect(r.requested_datetime).toMatch(W3C);
      expect(r.updated_datetime).toMatch(W3C);
      expect(services.body.map((s) => s.service_code)).toContain(r.service_code);
    }
    const text = JSON.stringify(all.body);
    for (const personal of ['Noura', 'noura', 'نورة', 'fahad', 'فهد', 'بيتي', 'رقم 12', pothole.id])
      expect(text).not.toContain(personal);

    const potholeTicket = tickets.find((t) => t.mentionId === pothole.id)!;
    const one = await get(`requests/${potholeTicket._id}.json`);
    expect(one.body).toHaveLength(1);
    expect(one.body[0]).toMatchObject({
      service_request_id: potholeTicket._id,
      status: 'open',
      service_code: potholeTicket.category,
      address: 'الملقا، الرياض',
      lat: 24.8,
      long: 46.61,
    });
    expect(one.body[0]!.expected_datetime).toMatch(W3C);
    const closed = await get(`requests/${lightTicket._id}.json`);
    expect(closed.body[0]).toMatchObject({
      status: 'closed',
      expected_datetime: null,
      lat: null,
      address: null,
    });

    expect((await get('requests.json?status=closed')).body.map((r) => r.service_request_id)).toEqual([
      lightTicket._id,
    ]);
    expect(
      (await get(`requests.json?service_code=${potholeTicket.category}`)).body.map(
        (r) => r.service_request_id,
      ),
    ).toContain(potholeTicket._id);
    expect((await get(`requests.json?service_request_id=${lightTicket._id}`)).body).toHaveLength(1);
    expect(
      (await get('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).body,
    ).toEqual([]);
    const en = await get('services.json?locale=en');
    expect(en.body.find((s) => s.service_code === 'roads')!.service_name).toMatch(/[A-Za-z]/);
  } finally {
    await server.stop();
  }
});

test('bad parameters and unknown requests get GeoReport errors; a flood gets 429', async () => {
  const { server, get } = await setUp(5);
  try {
    const bad = await get('requests.json?start_date=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toMatchObject({ code: 400, description: expect.stringMatching(/start_date/) });
    expect((await get('requests.json?status=pending')).status).toBe(400);
    expect((await get('requests/AM-0000-9999.json')).status).toBe(404);
    expect((await get('nothing.json')).status).toBe(404);
    expect((await get('services.json')).status).toBe(200); // the 5th of 5 a minute
    const after = await get('services.json');
    expect(after.status).toBe(429);
    expect(after.body[0]).toMatchObject({ code: 429 });
  } finally {
    await server.stop();
  }
});
