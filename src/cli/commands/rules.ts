// `mujib rules check` and `mujib rules test`: what staff run after editing the YAML rules.
import type { Command } from 'commander';
import path from 'node:path';
import { loadEnvConfig } from '../../app/setup';
import { log } from '../../log';
import { loadRulePack } from '../../pack/load';
import { formatProblem } from '../../rules/problem';
import { classifierFor } from '../../policy/classifier';
import type { RulePack } from '../../rules/pack';
import { outcomeTrainingFromPack } from '../../outcome/training';

/** The rules folder: the argument, else RULES_DIR, else ./rules. */
export function rulesDirFrom(arg?: string): string {
  return arg ?? loadEnvConfig().RULES_DIR;
}

/** Loads the pack or prints every problem and sets exit code 1. */
export function loadOrReport(dir: string): RulePack | undefined {
  const { pack, problems } = loadRulePack(dir);
  if (pack) return pack;
  for (const p of problems) console.log(formatProblem(p));
  console.error(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}: nothing was applied`,
  );
  process.exitCode = 1;
  return undefined;
}

export function summary(pack: RulePack): string {
  const examples = pack.training.reduce((n, t) => n + t.examples.length, 0);
  const o = outcomeTrainingFromPack(pack);
  const learned =
    o.spam.length + o.chatter.length
      ? `, ${o.spam.length} spam and ${o.chatter.length} chatter examples`
      : '';
  return `${pack.categories.length} categories, ${pack.rules.length} rules, ${pack.urgent.length} urgent signals, ${examples} training examples${learned}, ${pack.tests.length} test cases`;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('check and test the YAML rules staff edit');

  rules
    .command('check [dir]')
    .description(
      'validate the rule pack (default: RULES_DIR or ./rules); lists every problem as path:line:col',
    )
    .action((dir?: string) => {
      const d = rulesDirFrom(dir);
      const pack = loadOrReport(d);
      if (pack) console.log(`${d}: ok — ${summary(pack)}`);
    });

  rules
    .command('test [dir]')
    .description(
      'run tests.yml through the full classifier (rules + model) and list every case that comes out wrong',
    )
    .option('--no-model', 'rules only, without the trained model')
    .action(async (dir: string | undefined, opts: { model: boolean }) => {
      const cfg = loadEnvConfig();
      const d = rulesDirFrom(dir);
      const pack = loadOrReport(d);
      if (!pack) return;
      if (pack.tests.length === 0) {
        console.log(`${d}: no test cases (add tests.yml)`);
        return;
      }
      const { classifier } = await classifierFor(pack, {
        dataDir: path.resolve(cfg.MUJIB_DATA_DIR),
        useModel: opts.model,
        log,
      });
      let failed = 0;
      for (const t of pack.tests) {
        const e = classifier.explain(t.text);
        const d2 = e.decision;
        const wantUrgent = t.urgent ?? false;
        if (d2.category === t.category && d2.urgent === wantUrgent) continue;
        failed++;
        const flag = (u: boolean) => (u ? ' (urgent)' : '');
        console.log(
          `${t.file}:${t.line}: expected ${t.category}${flag(wantUrgent)}, got ${d2.category}${flag(d2.urgent)}`,
        );
        console.log(`  text:  ${t.text}`);
        console.log(`  why:   ${why(e)}`);
      }
      const passed = pack.tests.length - failed;
      console.log(`${passed}/${pack.tests.length} passed${failed ? `, ${failed} failed` : ''}`);
      if (failed) process.exitCode = 1;
    });
}

/** One line saying what decided, for people. */
export function why(e: import('../../classify/classifier').Explanation): string {
  const d = e.decision;
  const parts: string[] = [];
  if (d.source === 'rule') parts.push(`rule ${d.rule} (${e.rules[0]?.matched.join(' + ')})`);
  else if (d.source === 'model') parts.push(`model ${d.confidence.toFixed(2)}`);
  else parts.push(`no rule matched and the model was unsure`);
  if (e.model.length)
    parts.push(`model top: ${e.model.map((m) => `${m.category} ${m.p.toFixed(2)}`).join(', ')}`);
  parts.push(
    e.urgent.length
      ? `urgent: ${e.urgent.map((u) => `${u.id} (${u.matched.join(' + ')})`).join(', ')}`
      : 'urgent: none',
  );
  return parts.join('; ');
}
