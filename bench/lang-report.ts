// Languages (issue 13): bench/devset/residents-s5-lang.jsonl (Urdu in both scripts, Persian, Pashto,
// Hindi in both scripts, Bengali, Tagalog, Arabizi, English with digits, mixes) through the
// shipped rules + model and decide(), as the bot runs them: the reply language, the category
// and urgency. `node -r ./scripts/ts-register.js bench/lang-report.ts [--holdout] [--misses]`;
// the held-out third is scored only with --holdout and its misses are never listed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDevSet } from '../src/classify/devset';
import { buildRules, type ActiveRules } from '../src/policy/runtime';
import { loadRulePack } from '../src/pack/load';
import { decide } from '../src/decide';
import { chooseReplyLang } from '../src/reply';
import { createLogger } from '../src/log';

const repoRoot = path.resolve(__dirname, '..');
const NOW = new Date('2026-12-02T07:30:00Z');
const FILE = path.join(repoRoot, 'bench', 'devset', 'residents-s5-lang.jsonl');

interface Case {
  text: string;
  category: string;
  urgent: boolean;
  outcome: string;
  replyLang: string | null;
  holdout: boolean;
  line: number;
}

function cases(): Case[] {
  const lines = fs.readFileSync(FILE, 'utf8').split(/\r?\n/);
  return readDevSet(path.dirname(FILE))
    .filter((c) => c.file === FILE)
    .map((c) => {
      const o = JSON.parse(lines[c.line - 1]!) as { replyLang?: unknown };
      return {
        ...c,
        outcome: c.outcome ?? 'complaint',
        replyLang: typeof o.replyLang === 'string' ? o.replyLang : null,
      };
    });
}

function score(rules: ActiveRules, cs: Case[], listMisses: boolean) {
  let lang = 0,
    cat = 0,
    urgentRight = 0,
    urgentTotal = 0,
    falseUrgent = 0;
  const misses: string[] = [];
  for (const c of cs) {
    const d = rules.classifier.classify(c.text);
    const plan = decide(d, {
      agency: rules.policy.agency,
      escalation: rules.policy.escalation,
      now: NOW,
      recentTicketsByAuthor: 0,
      abuseReply: !!rules.policy.outcomes.abuse.reply,
    });
    const replies = !!plan.reply || !!plan.notice;
    const replyLang = replies ? chooseReplyLang(d.lang, rules.policy.agency) : null;
    const outcome = plan.outcome ?? d.outcome ?? 'complaint';
    const urgent = (plan.route ?? (d.urgent ? 'emergency' : undefined)) === 'emergency';
    const langOk = replyLang === c.replyLang;
    const catOk = outcome === c.outcome && d.category === c.category;
    if (langOk) lang++;
    if (catOk) cat++;
    if (c.urgent) {
      urgentTotal++;
      if (urgent) urgentRight++;
    } else if (urgent) falseUrgent++;
    if (listMisses && (!langOk || !catOk || urgent !== c.urgent))
      misses.push(
        `:${c.line} want ${c.outcome}/${c.category}${c.urgent ? ' URGENT' : ''}/${c.replyLang} got ${outcome}/${d.category}${urgent ? ' URGENT' : ''}/${replyLang} (${d.lang}): ${c.text}`,
      );
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  return [
    `  reply language ${pct(lang, cs.length)} (${lang}/${cs.length}) · category ${pct(cat, cs.length)} (${cat}/${cs.length}) · urgent recall ${urgentRight}/${urgentTotal} · ordinary flagged urgent ${falseUrgent}`,
    ...misses.map((m) => `    miss ${m}`),
  ].join('\n');
}

async function main() {
  const holdout = process.argv.includes('--holdout');
  const misses = process.argv.includes('--misses');
  const { pack, problems } = loadRulePack(path.join(repoRoot, 'rules'));
  if (!pack) throw new Error(`rules invalid: ${problems.map((p) => p.message).join('; ')}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-lang-'));
  try {
    const rules = await buildRules(pack, dataDir, createLogger({ level: 'error' }));
    const all = cases();
    console.log(
      `Languages (s5-lang), tuning part:\n${score(
        rules,
        all.filter((c) => !c.holdout),
        misses,
      )}`,
    );
    if (holdout)
      console.log(
        `Languages (s5-lang), HELD OUT third:\n${score(
          rules,
          all.filter((c) => c.holdout),
          false,
        )}`,
      );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
