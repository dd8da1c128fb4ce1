// When the poller's since-id cursor may move (src/bot/cursor-hold.ts), and which fetched
// tweets are never answered (poller.skipReasonOf), from facts alone. test/x-real-bot.test.ts
// and test/fuzz.test.ts drive the same rules through the emulator.
import { cursorAfterPoll, refetchAgain, MALFORMED_REFETCHES } from '../src/bot/cursor-hold';
import { skipReasonOf } from '../src/bot/poller';
import type { XTweet } from '../src/x/types';

describe('the cursor hold', () => {
  test('with everything stored whole the cursor moves to the newest fetched id', () => {
    expect(cursorAfterPoll({ sinceId: '100', newestFetched: '105', refetch: [] })).toEqual({
      newest: '105',
      advance: true,
    });
    // First start: no cursor yet.
    expect(cursorAfterPoll({ newestFetched: '105', refetch: [] })).toEqual({ newest: '105', advance: true });
  });

  test('a tweet X sent broken holds the cursor just below it, below the lowest of several', () => {
    expect(cursorAfterPoll({ sinceId: '100', newestFetched: '105', refetch: ['103'] })).toEqual({
      newest: '102',
      advance: true,
    });
    expect(cursorAfterPoll({ sinceId: '100', newestFetched: '105', refetch: ['104', '102'] }).newest).toBe(
      '101',
    );
  });

  test('a hold at or below the stored cursor keeps it where it is (never back)', () => {
    expect(cursorAfterPoll({ sinceId: '102', newestFetched: '105', refetch: ['103'] })).toEqual({
      newest: '102',
      advance: false,
    });
    expect(cursorAfterPoll({ sinceId: '102', newestFetched: '105', refetch: ['101'] }).advance).toBe(false);
  });

  test('nothing fetched, or nothing newer: the cursor stays', () => {
    expect(cursorAfterPoll({ sinceId: '100', refetch: [] })).toEqual({ newest: undefined, advance: false });
    expect(cursorAfterPoll({ sinceId: '105', newestFetched: '105', refetch: [] }).advance).toBe(false);
  });

  test('ids past 2^53 compare exactly (tweet ids are 64-bit)', () => {
    const r = cursorAfterPoll({
      sinceId: '1864000000000000001',
      newestFetched: '1864000000000000003',
      refetch: ['1864000000000000003'],
    });
    expect(r).toEqual({ newest: '1864000000000000002', advance: true });
  });

  test(`a broken tweet is fetched again ${MALFORMED_REFETCHES} times, then passed`, () => {
    expect([0, 1, 2, 3, 4].map(refetchAgain)).toEqual([true, true, true, false, false]);
  });
});

describe('tweets stored but never answered', () => {
  const NOW = new Date('2026-12-01T12:00:00Z');
  const f = { ownId: 'agency', ignoreAccounts: ['spam_bot'], now: NOW, lookbackMs: 24 * 3_600_000 };
  const tweet = (over: Partial<XTweet> = {}): XTweet =>
    ({
      id: '1',
      text: 'حفرة',
      authorId: 'u1',
      authorUsername: 'citizen',
      isRetweet: false,
      createdAt: NOW,
      ...over,
    }) as XTweet;

  test("the agency's own posts are never a citizen's", () => {
    expect(skipReasonOf(tweet({ authorId: 'agency', authorUsername: 'amanah' }), f)).toBe('own-tweet');
    expect(skipReasonOf(tweet(), f)).toBeUndefined();
  });

  test('retweets, ignored accounts, too old and empty tweets are skipped, each saying why', () => {
    expect(skipReasonOf(tweet({ isRetweet: true }), f)).toBe('retweet');
    expect(skipReasonOf(tweet({ authorUsername: 'Spam_Bot' }), f)).toBe('ignored-account');
    expect(skipReasonOf(tweet({ createdAt: new Date(NOW.getTime() - 25 * 3_600_000) }), f)).toBe('too-old');
    expect(skipReasonOf(tweet({ text: '   ' }), f)).toBe('malformed');
  });
});
