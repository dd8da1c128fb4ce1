// `mujib try "text"`: one tweet through the full classifier, explained for a person — what
// the rules saw, which rules matched, what the model thought, and the decision.
import type { Command } from 'commander';
import path from 'node:path';
import { loadEnvConfig } from '../../app/setup';
import { log } from '../../log';
import { classifierFor } from '../../policy/classifier';
import type { Explanation } from '../../classify/classifier';
import { decisionJson } from './classify';
import { loadOrReport, rulesDirFrom } from './rules';

export function explainForPeople(text: string, e: Explanation): string {
  const d = e.decision;
  const out = [
    `Tweet:      ${text}`,
    `Language:   ${d.lang}`,
    `Words:      ${e.tokens.join(' ')}`,
    `Stems:      ${e.stems.join(' ')}`,
  ];
  out.push(`Rules:      ${e.rules.length ? '' : 'none matched'}`);
  e.rules.forEach((r, i) =>
    out.push(
      `  ${i === 0 ? '→' : ' '} ${r.id} (${r.category}, priority ${r.priority}): ${r.matched.join(' + ')}`,
    ),
  );
  out.push(
    `Urgent:     ${e.urgent.length ? e.urgent.map((u) => `${u.id}${u.route && u.route !== 'emergency' ? ` [${u.route}]` : ''} (${u.matched.join(' + ')})`).join(', ') : 'no'}`,
  );
  // The second source of urgency: the learned model, against escalation.yml's threshold.
  if (e.urgencyModel)
    out.push(
      `Urgency model: P(urgent) ${e.urgencyModel.p.toFixed(2)} ${e.urgencyModel.p >= e.urgencyModel.threshold ? '≥' : '<'} ${e.urgencyModel.threshold}${e.urgencyModel.p >= e.urgencyModel.threshold ? ' — flags it' : ''}`,
    );
  if (d.route)
    out.push(`Route:      ${d.route}${d.crisis ? ` (${d.crisis})` : ''} — ${d.urgency?.reason ?? ''}`);
  out.push(
    `Model:      ${e.model.length ? e.model.map((m) => `${m.category} ${m.p.toFixed(2)}`).join(' · ') : 'not used'}`,
  );
  const how =
    d.source === 'rule'
      ? `rule ${d.rule}`
      : d.source === 'model'
        ? `model, confidence ${d.confidence.toFixed(2)}`
        : 'nothing confident enough: a person triages it';
  out.push(`Decision:   ${d.category} (${how})${d.urgent ? ' — URGENT' : ''}`);
  return out.join('\n');
}

export function registerTry(program: Command): void {
  program
    .command('try')
    .description('classify one tweet and explain why (normalised words, matched rules, model top 3)')
    .argument('<text...>', 'the tweet (quote it)')
    .option('--rules <dir>', 'rules folder (default: RULES_DIR or ./rules)')
    .option('--json', 'the decision as one JSON line')
    .option('--no-model', 'rules only, without the trained model')
    .action(async (words: string[], opts: { rules?: string; json?: boolean; model: boolean }) => {
      const text = words.join(' ').trim();
      if (!text) throw Object.assign(new Error('give the tweet to try, in quotes'), { name: 'UserError' });
      const cfg = loadEnvConfig();
      const pack = loadOrReport(rulesDirFrom(opts.rules));
      if (!pack) return;
      const { classifier } = await classifierFor(pack, {
        dataDir: path.resolve(cfg.MUJIB_DATA_DIR),
        useModel: opts.model,
        log,
      });
      const e = classifier.explain(text);
      console.log(opts.json ? decisionJson(e.decision) : explainForPeople(text, e));
    });
}
