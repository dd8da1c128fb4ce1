// Languages (issue 13): bench/devset/residents-s5-lang.jsonl (Urdu in both scripts, Persian, Pashto,
// Hindi in both scripts, Bengali, Tagalog, Arabizi, English with digits, mixes) through the
// shipped rules + model and decide(), as the bot runs them: the reply language, the category
// and urgency. `node -r ./scripts/ts-register.js bench/lang-report.ts [--holdout] [--misses]`;
// the held-out third is scored only with --holdout and its misses are never listed.
import path from 'node:path';
import { readDevSet, type DevCase } from '../src/classify/devset';
import type { ActiveRules } from '../src/policy/runtime';
import { judge, withShippedRules } from './judge';

const repoRoot = path.resolve(__dirname, '..');
const FILE = path.join(repoRoot, 'bench', 'devset', 'residents-s5-lang.jsonl');

const cases = (): DevCase[] => readDevSet(path.dirname(FILE)).filter((c) => c.file === FILE);

function score(rules: ActiveRules, cs: DevCase[], listMisses: boolean) {
  let lang = 0,
    cat = 0,
    urgentRight = 0,
    urgentTotal = 0,
    falseUrgent = 0;
  const misses: string[] = [];
  for (const c of cs) {
    const { decision: d, outcome, urgent, replyLang } = judge(rules, c.text);
    const langOk = replyLang === c.replyLang;
    const catOk = outcome === (c.outcome ?? 'complaint') && d.category === c.category;
    if (langOk) lang++;
    if (catOk) cat++;
    if (c.urgent) {
      urgentTotal++;
      if (urgent) urgentRight++;
    } else if (urgent) falseUrgent++;
    if (listMisses && (!langOk || !catOk || urgent !== c.urgent))
      misses.push(
        `:${c.line} want ${c.outcome ?? 'complaint'}/${c.category}${c.urgent ? ' URGENT' : ''}/${c.replyLang} got ${outcome}/${d.category}${urgent ? ' URGENT' : ''}/${replyLang} (${d.lang}): ${c.text}`,
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
  await withShippedRules('lang', (rules) => {
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
  });
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
