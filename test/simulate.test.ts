// `mujib simulate` on a day of mixed Arabic/English tweets (docs/examples/mentions.jsonl:
// threads, a retweet, urgent cases, praise, questions, spam), run as a person would run it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { weightedLength } from '../src/reply';
import { detectLanguage } from '../src/text';
import type { SimSummary } from '../src/bot/simulate';
import { testUri, uniqueDbName } from './support/db';
import { MODEL_DIR } from './support/bot';

const root = path.resolve(__dirname, '..');
const file = path.join(root, 'docs', 'examples', 'mentions.jsonl');

function simulate(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', path.join(root, 'scripts', 'ts-register.js'), 'src/cli/main.ts', 'simulate', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        // The test server stands in for MONGODB_URI; simulate uses a private database on it.
        MONGODB_URI: `${testUri().replace(/\/[^/]*$/, '')}/${uniqueDbName('sim')}`,
        MUJIB_DATA_DIR: MODEL_DIR,
        LOG_LEVEL: 'error',
      },
      timeout: 240_000,
    },
  );
}

test("123 mixed tweets: no duplicate, none unanswered; every reply has its ticket, fits, speaks the tweet's language; urgent ones escalated first", () => {
  const r = simulate('--mentions', file, '--json', '--details');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const s = JSON.parse(r.stdout) as SimSummary;
  expect(s.mentions).toBe(123);
  expect(s.stored).toBe(123);
  expect(s.duplicateReplies).toBe(0);
  expect(s.unanswered).toBe(0);
  expect(s.errors).toBe(0);
  expect(s.acknowledged).toBeGreaterThan(100);
  expect(s.attached).toBeGreaterThanOrEqual(4);
  const results = s.results!;
  expect(results).toHaveLength(123);
  const texts = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l: string) => JSON.parse(l).text as string);
  for (const [i, res] of results.entries()) {
    if (res.reply) {
      expect(res.reply).toContain(res.ticket!);
      expect(weightedLength(res.reply)).toBeLessThanOrEqual(280);
      const lang = detectLanguage(texts[i]!);
      if (lang === 'ar' || lang === 'en') expect(detectLanguage(res.reply)).toBe(lang);
    }
    if (res.urgent) {
      expect(res.escalated).toBe(true);
      expect(res.priority).toBe(1);
    }
  }
  expect(results.filter((x) => x.urgent).length).toBeGreaterThanOrEqual(10);
  // Retweets and thread follow-ups got no acknowledgement of their own.
  expect(
    results
      .filter((x) => x.status === 'retweet' || x.status.startsWith('attached'))
      .every((x) => x.reply === null),
  ).toBe(true);
}, 300_000);

test('a bad input line is reported with its line number and nothing runs', () => {
  const bad = path.join(os.tmpdir(), `bad-${Date.now()}.jsonl`);
  fs.writeFileSync(bad, '{"text": "ok", "author": "a"}\n{"text": "no author"}\n');
  const r = simulate('--mentions', bad, '--json');
  expect(r.status).toBe(1);
  expect(r.stderr.trim()).toBe(`mujib: ${bad}:2: "author" must be a username`);
  expect(r.stdout).toBe('');
});
