// What the bot does with one tweet from a citizen with no earlier ticket, as its pipeline
// decides it (the shipped rules, the trained models, decide(), the reply language), with
// nothing stored and nothing sent. Shared by the quality benches and the tests that score
// sentences, so they all judge a tweet the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRules, type ActiveRules } from '../src/policy/runtime';
import { loadRulePack } from '../src/pack/load';
import { decide } from '../src/decide';
import { chooseReplyLang } from '../src/reply';
import { createLogger } from '../src/log';

const repoRoot = path.resolve(__dirname, '..');

/** A Wednesday, 10:30 in Riyadh: working hours. */
export const NOW = new Date('2026-12-02T07:30:00Z');

export function judge(rules: ActiveRules, text: string, now: Date = NOW) {
  const decision = rules.classifier.classify(text);
  const plan = decide(decision, {
    agency: rules.policy.agency,
    escalation: rules.policy.escalation,
    now,
    recentTicketsByAuthor: 0,
    abuseReply: !!rules.policy.outcomes.abuse.reply,
  });
  const answered = !!plan.reply || !!plan.notice;
  const route = plan.route ?? (decision.urgent ? 'emergency' : undefined);
  return {
    decision,
    plan,
    route,
    /** Flagged as a danger to life (the emergency route). */
    urgent: route === 'emergency',
    outcome: plan.outcome ?? decision.outcome ?? 'complaint',
    /** The language of the reply, null when the tweet gets none. */
    replyLang: answered ? chooseReplyLang(decision.lang, rules.policy.agency) : null,
  };
}

/** The shipped rules/ built (models trained) in a scratch folder, removed afterwards. */
export async function withShippedRules<T>(
  name: string,
  use: (rules: ActiveRules) => T | Promise<T>,
): Promise<T> {
  const { pack, problems } = loadRulePack(path.join(repoRoot, 'rules'));
  if (!pack) throw new Error(`rules invalid: ${problems.map((p) => p.message).join('; ')}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `mujib-${name}-`));
  try {
    return await use(await buildRules(pack, dataDir, createLogger({ level: 'error' })));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
