// The residents part of `npm run bench:classify` (issue 13): on bench/devset/residents-*.jsonl
// and this session's s5-*.jsonl lines that carry an outcome
// (every class of issue 13, with the expected outcome and reply language), through the
// shipped rules + model and decide(), as the bot runs them: outcome accuracy per class,
// acceptable category (the outcome right, and for complaints the category too), the reply
// language (none expected for spam/chatter/insults), spam answered, sarcasm thanked.
// The held-out third is scored only with --holdout and its misses are never listed.
import path from 'node:path';
import { readDevSet, type DevCase } from '../src/classify/devset';
import type { ActiveRules } from '../src/policy/runtime';
import { loadRulePack } from '../src/pack/load';
import { judge, withShippedRules } from './judge';
import { outcomeExamples } from '../src/classify/outcome-model';
import {
  calibrateOutcome,
  crossValidatedDecisions,
  crossValidatedOutcomeScores,
} from '../src/classify/outcome-calibrate';
import { outcomeTrainingFromPack } from '../src/outcome/training';
import { outcomeRulesFromPack } from '../src/outcome/rules';
import { packThreshold } from '../src/policy/classifier';

const repoRoot = path.resolve(__dirname, '..');
export interface ResidentsScore {
  cases: number;
  outcome: { right: number; total: number; perClass: Record<string, [number, number]> };
  category: { right: number; total: number };
  replyLang: { right: number; total: number };
  spamAnswered: number;
  sarcasmThanked: number;
  misses: string[];
}

function run(rules: ActiveRules, c: DevCase) {
  const j = judge(rules, c.text);
  return {
    outcome: j.outcome,
    category: j.decision.category,
    replyLang: j.replyLang,
    thanked: j.plan.template.startsWith('praise'),
    lang: j.decision.lang,
  };
}

function score(rules: ActiveRules, cases: DevCase[], listMisses: boolean): ResidentsScore {
  const s: ResidentsScore = {
    cases: cases.length,
    outcome: { right: 0, total: 0, perClass: {} },
    category: { right: 0, total: 0 },
    replyLang: { right: 0, total: 0 },
    spamAnswered: 0,
    sarcasmThanked: 0,
    misses: [],
  };
  for (const c of cases) {
    const got = run(rules, c);
    const want = c.outcome!;
    const pc = (s.outcome.perClass[want] ??= [0, 0]);
    pc[1]++;
    s.outcome.total++;
    const outcomeOk = got.outcome === want;
    if (outcomeOk) {
      pc[0]++;
      s.outcome.right++;
    }
    // Acceptable: the right outcome, and for tickets the right category.
    const ticketed = want === 'complaint' || want === 'inquiry' || want === 'praise';
    const catOk = outcomeOk && (!ticketed || got.category === c.category);
    s.category.total++;
    if (catOk) s.category.right++;
    s.replyLang.total++;
    const langOk = got.replyLang === c.replyLang;
    if (langOk) s.replyLang.right++;
    if (want === 'spam' && got.replyLang) s.spamAnswered++;
    if (c.set.includes('sarcasm') && want === 'complaint' && got.thanked) s.sarcasmThanked++;
    if (listMisses && (!catOk || !langOk))
      s.misses.push(
        `${path.basename(c.file)}:${c.line} want ${want}/${c.category}/${c.replyLang} got ${got.outcome}/${got.category}/${got.replyLang} (${got.lang}): ${c.text}`,
      );
  }
  return s;
}

export async function residentsReport(opts: { holdout: boolean; misses: boolean }) {
  const cases = readDevSet(path.join(repoRoot, 'bench', 'devset')).filter(
    (c) => c.outcome && /^(residents|s5)-/.test(path.basename(c.file)),
  );
  return withShippedRules('residents', (rules) => {
    const tuning = score(
      rules,
      cases.filter((c) => !c.holdout),
      opts.misses,
    );
    const holdout = opts.holdout
      ? score(
          rules,
          cases.filter((c) => c.holdout),
          false,
        )
      : undefined;
    return { tuning, ...(holdout ? { holdout } : {}) };
  });
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

export function printResidents(name: string, s: ResidentsScore): void {
  console.log(`\nResidents (issue 13), ${name}: ${s.cases} tweets`);
  console.log(
    `  acceptable category: ${pct(s.category.right, s.category.total)} (${s.category.right}/${s.category.total})`,
  );
  console.log(
    `  outcome accuracy: ${pct(s.outcome.right, s.outcome.total)} (${s.outcome.right}/${s.outcome.total})`,
  );
  console.log(
    `  per outcome: ${Object.entries(s.outcome.perClass)
      .sort()
      .map(([k, [r, t]]) => `${k} ${r}/${t}`)
      .join(' · ')}`,
  );
  console.log(
    `  reply language right (none for spam/chatter/insults): ${pct(s.replyLang.right, s.replyLang.total)} (${s.replyLang.right}/${s.replyLang.total})`,
  );
  console.log(`  spam answered: ${s.spamAnswered} · sarcasm thanked: ${s.sarcasmThanked}`);
  for (const m of s.misses) console.log(`    miss ${m}`);
}

/** outcomes.yml learned.threshold: 5-fold cross-validation on rules/outcome-training
 *  and rules/training (never the dev set). Suggests the lowest threshold that takes the ticket
 *  from at most 0.5% of the residents' examples (a missed complaint costs more than an extra ticket). */
export function printOutcomeCalibration(budget = 0.005): void {
  const { pack } = loadRulePack(path.join(repoRoot, 'rules'));
  if (!pack) return;
  const training = outcomeTrainingFromPack(pack);
  if (!training.spam.length && !training.chatter.length) return;
  const examples = outcomeExamples(training, pack.training);
  const scores = crossValidatedOutcomeScores(examples);
  const rules = outcomeRulesFromPack(pack);
  const steps = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98];
  const n = (l: string) => examples.filter((e) => e.category === l).length;
  const p = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `\nSpam/chatter score calibration (5-fold on rules/outcome-training + training: ${n('spam')} spam, ${n('chatter')} chatter, ${n('resident')} resident examples)`,
  );
  const c = calibrateOutcome(scores, budget, steps);
  console.log('  P(spam)+P(chatter) threshold → spam caught / chatter caught / residents flagged');
  for (const row of c.rows)
    console.log(`    ${row.threshold.toFixed(2)}: ${p(row.spam)} / ${p(row.chatter)} / ${p(row.residents)}`);
  const shipped = rules.learned?.threshold ?? 1;
  const s = c.suggested;
  console.log(
    `  by the score alone, ≤ ${p(budget)} residents flagged from ${s.threshold} (spam ${p(s.spam)}, chatter ${p(s.chatter)})`,
  );
  // Through detect.ts (rules + the fold's score; a topic rule, a complaint sign or a request
  // keeps the ticket): what the threshold really costs.
  const decided = crossValidatedDecisions(
    pack,
    examples,
    [...new Set([0.6, 0.7, 0.8, 0.9, 0.95, shipped, 1])].sort(),
    packThreshold(pack),
  );
  console.log(
    '  through rules + category model + outcome decision (1.00: the learned score off) → no ticket for spam / chatter / residents',
  );
  for (const row of decided)
    console.log(
      `    ${row.threshold.toFixed(2)}: ${p(row.spam)} / ${p(row.chatter)} / ${p(row.residents)}${row.threshold === shipped ? '  ← outcomes.yml learned.threshold' : ''}`,
    );
  const within = decided.filter((r) => r.residents <= budget).sort((a, b) => a.threshold - b.threshold)[0];
  console.log(
    `  suggested learned.threshold (≤ ${p(budget)} residents lose their ticket): ${within ? within.threshold : 'none of these'}; outcomes.yml has ${shipped}`,
  );
}

if (require.main === module) {
  const holdout = process.argv.includes('--holdout');
  const misses = process.argv.includes('--misses');
  residentsReport({ holdout, misses })
    .then((r) => {
      printResidents('tuning part', r.tuning);
      if (r.holdout) printResidents('held-out third', r.holdout);
      printOutcomeCalibration();
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exitCode = 1;
    });
}
