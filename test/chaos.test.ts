// A short chaos run inside the test suite: two real bot processes on one database, killed
// with SIGKILL at random (also mid-post), X faults injected; nothing lost, nothing doubled.
// `npm run chaos -- --cycles 200` is the long version.
import { runChaos } from '../bench/chaos/run';
import { testUri } from './support/db';

test('chaos: SIGKILLs, restarts and X faults lose nothing and double nothing', async () => {
  const report = await runChaos({ cycles: 6, mongoUri: testUri(), settleTimeoutMs: 150_000 });
  expect(report.kills).toBe(6);
  expect(report.mentions).toBeGreaterThanOrEqual(6);
  expect(report.stored).toBe(report.mentions);
  expect(report.acknowledged).toBe(report.expectedAcks);
  expect(report.duplicateReplies).toBe(0);
  // Staff replies (issue 16) go through the same outbox: each posted exactly once.
  expect(report.staffPosted).toBe(report.staffReplies);
  expect(report.staffDuplicates).toBe(0);
  expect(report.wrongReplies).toBe(0);
  expect(report.lost).toBe(0);
}, 300_000);
