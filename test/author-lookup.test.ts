// Which entries a citizen's `author-tickets:<id>` lookup keeps when a ticket is added (pure,
// no database): the repeat and repeat-complainer checks read only this list.
import { KEEP_DAYS, keptAuthorTickets, type AuthorTicket } from '../src/store/tickets/author-list';

const DAY = 86_400_000;
const T0 = new Date('2026-12-01T09:00:00Z');
const daysBefore = (d: number) => new Date(T0.getTime() - d * DAY);
const entry = (ref: string, at: Date, category = 'roads'): AuthorTicket => ({ ref, category, at });
const refs = (list: AuthorTicket[]) => list.map((t) => t.ref);

test('entries older than the window before the new ticket are dropped; the new one comes last', () => {
  const list = [entry('AM-1', daysBefore(KEEP_DAYS + 1)), entry('AM-2', daysBefore(KEEP_DAYS - 1))];
  const kept = keptAuthorTickets(list, entry('AM-3', T0, 'waste'));
  expect(refs(kept)).toEqual(['AM-2', 'AM-3']);
  expect(kept.at(-1)).toEqual({ ref: 'AM-3', category: 'waste', at: T0 });
});

test('an entry exactly at the window edge stays; one a millisecond older goes', () => {
  const edge = daysBefore(10);
  const list = [entry('AM-old', new Date(edge.getTime() - 1)), entry('AM-edge', edge)];
  expect(refs(keptAuthorTickets(list, entry('AM-new', T0), 10))).toEqual(['AM-edge', 'AM-new']);
});

test('the window is measured from the new ticket, not from the clock', () => {
  // A ticket recorded late (its decision time long past) keeps what was recent then.
  const list = [entry('AM-1', daysBefore(100))];
  expect(refs(keptAuthorTickets(list, entry('AM-2', daysBefore(50)), KEEP_DAYS))).toEqual(['AM-1', 'AM-2']);
});

test('recording the same ticket again (a retry after a crash) replaces it, never doubles it', () => {
  const list = [entry('AM-1', daysBefore(3)), entry('AM-2', daysBefore(2), 'lighting')];
  const kept = keptAuthorTickets(list, entry('AM-2', daysBefore(1), 'waste'));
  expect(kept).toEqual([entry('AM-1', daysBefore(3)), entry('AM-2', daysBefore(1), 'waste')]);
});

test('the stored list is not changed in place', () => {
  const list = [entry('AM-1', daysBefore(KEEP_DAYS + 5))];
  keptAuthorTickets(list, entry('AM-2', T0));
  expect(refs(list)).toEqual(['AM-1']);
});
