// `mujib classify`: tweets on stdin (one per line: plain text, or JSON with "text"), one
// decision per line on stdout. Nothing else goes to stdout, so it can be piped.
import type { Command } from 'commander';
import path from 'node:path';
import readline from 'node:readline';
import { loadEnvConfig } from '../../app/setup';
import { log } from '../../log';
import { classifierFor } from '../../policy/classifier';
import type { Decision } from '../../classify/types';
import { loadOrReport, rulesDirFrom } from './rules';

/** The text of one input line: JSON lines give their "text" (and keep their "id"). */
export function parseInputLine(line: string): { text: string; id?: unknown } | undefined {
  const s = line.trim();
  if (!s) return undefined;
  if (s.startsWith('{')) {
    try {
      const o = JSON.parse(s) as { text?: unknown; id?: unknown };
      if (typeof o.text === 'string') return { text: o.text, ...(o.id !== undefined ? { id: o.id } : {}) };
    } catch {
      // not JSON after all: a tweet that starts with "{"
    }
  }
  return { text: s };
}

export function decisionJson(d: Decision, id?: unknown): string {
  return JSON.stringify({
    ...(id !== undefined ? { id } : {}),
    lang: d.lang,
    category: d.category,
    confidence: Number(d.confidence.toFixed(4)),
    source: d.source,
    ...(d.rule ? { rule: d.rule } : {}),
    urgent: d.urgent,
    ...(d.urgentTerm ? { urgentTerm: d.urgentTerm } : {}),
    // Urgency's two sources (issue 11): the staff signals that matched and the learned model.
    ...(d.route ? { route: d.route } : {}),
    ...(d.crisis ? { crisis: d.crisis } : {}),
    ...(d.urgency
      ? {
          urgency: {
            signals: d.urgency.signals.map((s) => s.id),
            ...(d.urgency.model
              ? { model: { p: Number(d.urgency.model.p.toFixed(4)), threshold: d.urgency.model.threshold } }
              : {}),
            reason: d.urgency.reason,
          },
        }
      : {}),
    needsTriage: d.needsTriage,
  });
}

export function decisionLine(d: Decision, text: string): string {
  const why = d.source === 'rule' ? `rule:${d.rule}` : d.source;
  return [d.category, d.confidence.toFixed(2), why, d.urgent ? 'URGENT' : '-', text].join('\t');
}

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description(
      'classify tweets from stdin, one per line (text or JSON lines with "text"); one decision per line',
    )
    .option('--rules <dir>', 'rules folder (default: RULES_DIR or ./rules)')
    .option('--json', 'JSON lines out: lang, category, confidence, source, rule, urgent')
    .option('--no-model', 'rules only, without the trained model')
    .action(async (opts: { rules?: string; json?: boolean; model: boolean }) => {
      const cfg = loadEnvConfig();
      const dir = rulesDirFrom(opts.rules);
      const pack = loadOrReport(dir);
      if (!pack) return;
      if (process.stdin.isTTY) console.error('reading tweets from stdin, one per line (Ctrl-D to end)');
      const { classifier } = await classifierFor(pack, {
        dataDir: path.resolve(cfg.MUJIB_DATA_DIR),
        useModel: opts.model,
        log,
      });
      const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        const input = parseInputLine(line);
        if (!input) continue;
        const d = classifier.classify(input.text);
        process.stdout.write((opts.json ? decisionJson(d, input.id) : decisionLine(d, input.text)) + '\n');
      }
    });
}
