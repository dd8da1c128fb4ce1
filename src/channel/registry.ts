// The channels a bot serves, by name: a reply goes out on the channel of the post it answers.
import { refFromStorageKey, type ChannelName, type PostRef } from './ids';
import type { Channel } from './types';

export interface Channels {
  get(name: ChannelName): Channel;
  /** The channel of a post. */
  of(ref: PostRef): Channel;
  /** The channel of a stored post key (see storageKey). */
  ofKey(key: string): Channel;
  all(): readonly Channel[];
}

export function createChannels(list: readonly Channel[]): Channels {
  const byName = new Map<ChannelName, Channel>();
  for (const c of list) {
    if (byName.has(c.name)) throw new Error(`two channels named '${c.name}'`);
    byName.set(c.name, c);
  }
  const get = (name: ChannelName): Channel => {
    const c = byName.get(name);
    if (!c) throw new Error(`no channel '${name}' (this bot serves: ${[...byName.keys()].join(', ')})`);
    return c;
  };
  return {
    get,
    of: (ref) => get(ref.channel),
    ofKey: (key) => get(refFromStorageKey(key).channel),
    all: () => [...byName.values()],
  };
}
