// When the poller's since-id cursor may move. Pure: the poller (poller.ts) stores the mentions
// first, then asks here. The cursor passes only what is stored whole: a tweet X sent broken is
// fetched again on the next polls, a few times, in the hope of a whole copy, so the cursor
// stays just below it until then.

/** How many times a broken tweet is fetched again before the cursor passes it for good. */
export const MALFORMED_REFETCHES = 3;

/** Whether a tweet X sent broken, fetched `refetches` times already, is to be fetched again. */
export function refetchAgain(refetches: number): boolean {
  return refetches < MALFORMED_REFETCHES;
}

export interface CursorFacts {
  /** The stored cursor (absent on first start). */
  sinceId?: string;
  /** The newest tweet id this poll fetched and stored. */
  newestFetched?: string;
  /** Ids of tweets to fetch again: the cursor must stay below every one of them. */
  refetch: string[];
}

/**
 * Where the cursor may go after a poll: `newest` is the highest id it may cover (the newest
 * fetched, or just below the lowest tweet to fetch again); `advance` says whether to write it
 * (only forward, never back over mentions already passed).
 */
export function cursorAfterPoll(f: CursorFacts): { newest?: string; advance: boolean } {
  let newest = f.newestFetched;
  const holdBelow = f.refetch.reduce<bigint | undefined>((low, id) => {
    const below = BigInt(id) - 1n;
    return low === undefined || below < low ? below : low;
  }, undefined);
  if (newest && holdBelow !== undefined && holdBelow < BigInt(newest)) newest = holdBelow.toString();
  const advance = !!newest && (f.sinceId === undefined || BigInt(newest) > BigInt(f.sinceId));
  return { newest, advance };
}
