// A ticket the citizen says is not fixed comes back to the queue visibly: the console shows a
// "reopened" badge on the queue list and on the ticket page (real HTTP, real FerretDB).
import { reopenByCitizen } from '../src/queue/follow-ups';
import { Client, PASSWORD, refOf, startTestConsole, type ConsoleFixture } from './support/console';

let fx: ConsoleFixture;
beforeAll(async () => {
  fx = await startTestConsole('console_reopened');
});
afterAll(async () => {
  await fx?.stop();
});

test('a ticket reopened by the citizen carries a reopened badge on the list and on its page', async () => {
  const ref = refOf(48); // seeded as resolved by staff
  const c = new Client(fx.console.url);
  expect((await c.signIn('sara', PASSWORD)).status).toBe(303);
  const before = await c.get(`/tickets/${ref}`);
  expect(before.text).not.toContain('data-reopened');

  await reopenByCitizen(fx.db.store, ref, { tweetId: 'tw-still-dirty', because: "'لسه'", now: new Date() });
  const page = await c.get(`/tickets/${ref}`);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/data-reopened[^>]*>\s*(Reopened|أُعيد فتحه)/);
  expect(page.text).toMatch(/not fixed/); // the history says why

  const list = await c.get('/queue?status=active');
  expect(list.status).toBe(200);
  const card = list.text.slice(list.text.indexOf(`data-ref="${ref}"`));
  expect(card.slice(0, card.indexOf('</li>'))).toContain('data-reopened');
  // Only the reopened one: other open tickets carry no such badge.
  expect(list.text.match(/data-reopened/g)).toHaveLength(1);
});
