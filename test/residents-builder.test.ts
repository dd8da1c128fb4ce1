// Issue 13 item 5: one builder for the classifier. The bot (buildRules), the CLI (classifierFor:
// try / classify / rules test) and the console and simulate (through the bot's runtime) use
// one triage threshold — escalation.yml triage.minConfidence, else one default — and decide
// every tweet alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRules } from '../src/policy/runtime';
import { classifierFor, packThreshold } from '../src/policy/classifier';
import { DEFAULT_MIN_CONFIDENCE } from '../src/rules/escalation';
import { loadRulePack } from '../src/pack/load';
import { createLogger } from '../src/log';
import { readDevSet } from '../src/classify/devset';

const RULES = path.resolve(__dirname, '..', 'rules');
const quiet = createLogger({ level: 'error' });

test('the CLI and the bot build the same classifier: same threshold, same decisions', async () => {
  const { pack } = loadRulePack(RULES);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-builder-'));
  const bot = await buildRules(pack!, dataDir, quiet);
  const cli = await classifierFor(pack!, { dataDir });
  expect(packThreshold(pack!)).toBe(bot.policy.escalation.triage.minConfidence);
  const texts = readDevSet(path.join(__dirname, '..', 'bench', 'devset')).map((c) => c.text);
  expect(texts.length).toBeGreaterThan(100);
  for (const t of texts) expect(cli.classifier.classify(t)).toEqual(bot.classifier.classify(t));
}, 120_000);

test('a pack without triage.minConfidence gets the one default everywhere', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-builder-pack-'));
  fs.cpSync(RULES, dir, { recursive: true });
  const esc = path.join(dir, 'escalation.yml');
  fs.writeFileSync(esc, fs.readFileSync(esc, 'utf8').replace(/\ntriage:\n(?:[ \t]+.*\n|\s*\n)+/, '\n'));
  const { pack, problems } = loadRulePack(dir);
  expect(problems).toEqual([]);
  expect((pack!.files.escalation as { triage?: unknown }).triage).toBeUndefined();
  expect(packThreshold(pack!)).toBe(DEFAULT_MIN_CONFIDENCE);
});
