// The dev-set part of `npm run bench:classify`: the shipped rules + model, through the same
// classify → decide functions as the bot, on bench/devset/*.jsonl (never trained on).
// Held-out cases (a third, "holdout": true) are scored only with --holdout, and their misses
// are never listed: they are the final check, not something to tune on.
import path from 'node:path';
import {
  readDevSet,
  scoreDevSet,
  type DevCase,
  type DevOutcome,
  type DevScore,
} from '../src/classify/devset';
import { loadRulePack } from '../src/pack/load';
import { urgencyExamples } from '../src/classify/urgency-model';
import { crossValidatedScores, quantileThreshold, thresholdTable } from '../src/classify/urgency-calibrate';
import { escalationFromPack } from '../src/rules/escalation';
import { judge, NOW, withShippedRules } from './judge';

const repoRoot = path.resolve(__dirname, '..');

export async function devSetReport(opts: { holdout: boolean; misses: boolean; only?: string }): Promise<{
  tuning: DevScore;
  holdout?: DevScore;
  all?: DevScore;
}> {
  // --only <text>: the files whose set name contains it (e.g. --only residents).
  // --only !<text>: the other files.
  const only = opts.only ?? '';
  const negate = only.startsWith('!');
  const needle = negate ? only.slice(1) : only;
  const cases = readDevSet(path.join(repoRoot, 'bench', 'devset')).filter(
    (c) => !needle || c.set.includes(needle) !== negate,
  );
  return withShippedRules('devset', (rules) => {
    const run = (text: string): DevOutcome => {
      const { decision: d, plan, route, urgent } = judge(rules, text, NOW);
      const extra = d as { crisis?: DevOutcome['crisis'] };
      return {
        category: d.category,
        urgent,
        ...(extra.crisis ? { crisis: extra.crisis } : {}),
        ...(route ? { route } : {}),
        priority: plan.priority,
        bySignal: Boolean(d.urgency?.signals.some((x) => x.route === 'emergency')),
        byModel: Boolean(d.urgency?.model?.flagged),
        template: plan.template,
        ...(plan.dueAt ? { dueInHours: (plan.dueAt.getTime() - NOW.getTime()) / 3_600_000 } : {}),
      };
    };
    const part = (keep: (c: DevCase) => boolean) => scoreDevSet(cases.filter(keep), run);
    const tuning = part((c) => !c.holdout);
    if (opts.misses) printMisses(tuning);
    if (!opts.holdout) return { tuning };
    return { tuning, holdout: part((c) => c.holdout), all: part(() => true) };
  });
}

function printMisses(s: DevScore): void {
  console.log(`\nmisses on the tuning part (${s.misses.length}):`);
  for (const m of s.misses)
    console.log(
      `  ${m.why.padEnd(40)} [${m.got.category}${m.got.urgent ? ' URGENT' : ''}${m.got.crisis ? ` ${m.got.crisis}` : ''}${m.got.route ? ` →${m.got.route}` : ''}] ${m.case.text}`,
    );
}

/** escalation.yml urgency.modelThreshold: 5-fold cross-validation on rules/training. */
export function printUrgencyCalibration(): void {
  const { pack } = loadRulePack(path.join(repoRoot, 'rules'));
  if (!pack) return;
  const examples = urgencyExamples(pack.training);
  const scores = crossValidatedScores(examples);
  const steps = [0.1, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
  const rows = thresholdTable(scores, steps);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  const urgent = examples.filter((e) => e.category === 'urgent').length;
  console.log(
    `\nUrgency model calibration (5-fold on rules/training: ${urgent} urgent, ${examples.length - urgent} routine examples)`,
  );
  console.log('  threshold  urgent caught  routine flagged');
  for (const r of rows)
    console.log(
      `  ${r.threshold.toFixed(2).padStart(9)}  ${pct(r.recall).padStart(13)}  ${pct(r.falseAlarm).padStart(15)}`,
    );
  const t = quantileThreshold(scores, 0.02);
  const at = thresholdTable(scores, [t])[0]!;
  console.log(
    `  suggested modelThreshold (≤ 2% routine flagged): ${t} (catches ${pct(at.recall).trim()}, flags ${pct(at.falseAlarm).trim()}); escalation.yml has ${escalationFromPack(pack).urgency.modelThreshold}`,
  );
}

export function printDevScore(name: string, s: DevScore): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`\n${name}: ${s.cases} tweets`);
  console.log(
    `  danger to life: recall ${pct(s.urgent.recall)} (${s.urgent.found}/${s.urgent.of}), precision ${pct(s.urgent.precision)} (${s.urgent.flagged} flagged)`,
  );
  console.log(
    `  ordinary complaints flagged urgent: ${pct(s.falseUrgent.rate)} (${s.falseUrgent.flagged}/${s.falseUrgent.of})`,
  );
  console.log(
    `  crisis (threat, self-harm): recall ${pct(s.crisis.recall)} (${s.crisis.found}/${s.crisis.of}), false alarms ${s.crisis.falseAlarms}`,
  );
  console.log(
    `  integrity (bribery): recall ${pct(s.integrity.recall)} (${s.integrity.found}/${s.integrity.of}), false alarms ${s.integrity.falseAlarms}`,
  );
  console.log(
    `  crisis + integrity at priority 1 with their own reply, no multi-day due: ${s.topPriority.found}/${s.topPriority.of}`,
  );
  const src = s.sources;
  console.log(
    `  by source: signals ${src.signals.found}/${s.urgent.of} dangers, ${src.signals.falseUrgent} ordinary flagged · model ${src.model.found}/${s.urgent.of} dangers, ${src.model.falseUrgent} ordinary flagged`,
  );
  console.log(`  category accuracy: ${pct(s.category.accuracy)} (${s.category.correct}/${s.category.of})`);
  const classes = Object.entries(s.category.perClass).sort((a, b) => a[0].localeCompare(b[0]));
  console.log(`  per class: ${classes.map(([c, [ok, n]]) => `${c} ${ok}/${n}`).join(' · ')}`);
}
