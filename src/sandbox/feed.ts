// The built-in sandbox's citizens: injects the sample tweets into the emulator over time so
// a newcomer watches the bot answer them, threads and retweets included.
import type { Emulator } from '../x/emulator';
import type { Logger } from '../log';
import { SANDBOX_SAMPLES, type SampleTweet } from './samples';

export interface FeedOptions {
  /** Delay before the first tweet and between tweets (a random value in the range). */
  firstDelayMs?: number;
  minGapMs?: number;
  maxGapMs?: number;
  samples?: SampleTweet[];
  log?: Logger;
}

export interface Feed {
  stop(): void;
  /** Resolves when every sample has been injected (or the feed was stopped). */
  done: Promise<void>;
}

export function startSandboxFeed(emulator: Emulator, opts: FeedOptions = {}): Feed {
  const samples = opts.samples ?? SANDBOX_SAMPLES;
  const minGap = opts.minGapMs ?? 4_000;
  const maxGap = opts.maxGapMs ?? 9_000;
  const ids: string[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((r) => (finish = r));

  const next = (i: number) => {
    if (stopped || i >= samples.length) {
      if (!stopped)
        opts.log?.info('Sandbox: all sample tweets sent; add your own with `mujib sandbox inject`');
      finish();
      return;
    }
    const s = samples[i]!;
    const parent = s.replyTo !== undefined ? ids[s.replyTo] : undefined;
    const original = s.retweetOf !== undefined ? ids[s.retweetOf] : undefined;
    const tweet = emulator.injectMention({
      text: s.text,
      author: s.author,
      authorName: s.authorName,
      inReplyToId: parent,
      isRetweet: original !== undefined,
      retweetOfId: original,
    });
    ids[i] = tweet.id;
    opts.log?.info(`Sandbox: @${s.author} tweeted: ${s.text}`);
    timer = setTimeout(() => next(i + 1), minGap + Math.random() * (maxGap - minGap));
  };
  timer = setTimeout(() => next(0), opts.firstDelayMs ?? 2_000);

  return {
    done,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      finish();
    },
  };
}
