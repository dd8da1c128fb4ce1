// The Channel contract (test/support/channel-contract.ts) held by X over real HTTP against the
// emulator, and by a reference channel in memory: the same tests, two channels.
import { createXChannel } from '../src/x';
import { channelContract } from './support/channel-contract';
import { createMemoryChannel } from './support/memory-channel';
import { startTestEmulator, type TestEmulator } from './support/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());

channelContract('X (emulator)', () => {
  emu.reset();
  return Promise.resolve({
    channel: createXChannel({ client: emu.client(), account: emu.agency }),
    inject: (text, o = {}) =>
      emu.injectMention({ text, author: 'citizen', ...(o.inReplyTo ? { inReplyToId: o.inReplyTo } : {}) }).id,
    sentCount: () => emu.posts().length,
  });
});

channelContract('a channel in memory', () => Promise.resolve(createMemoryChannel('demo')));
