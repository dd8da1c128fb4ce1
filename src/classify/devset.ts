// The development set (bench/devset/*.jsonl): citizen tweets with what should happen to them,
// written apart from the training examples and never trained on. One JSON object per line:
// {"text", "category", "urgent", "crisis": null|"self_harm"|"threat", "route"?, "outcome"?,
// "replyLang"?, "set", "holdout"?}. Every *.jsonl of the folder is read; unknown fields are
// kept out of the way, so other teams can add files with fields of their own.
import fs from 'node:fs';
import path from 'node:path';

export type Crisis = 'self_harm' | 'threat';
export type Route = 'emergency' | 'integrity' | 'crisis';

export interface DevCase {
  text: string;
  category: string;
  urgent: boolean;
  crisis: Crisis | null;
  route?: Route;
  outcome?: string;
  /** The language the reply should be in; null when the tweet should get none (or not said). */
  replyLang: string | null;
  set: string;
  /** Kept back as the final check: looked at only at the end of a piece of work. */
  holdout: boolean;
  file: string;
  line: number;
}

export function readDevSet(dir: string): DevCase[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const out: DevCase[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    fs.readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((raw, i) => {
        if (!raw.trim()) return;
        let o: Record<string, unknown>;
        try {
          o = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          throw new Error(`${file}:${i + 1}: not JSON`);
        }
        if (typeof o.text !== 'string' || typeof o.category !== 'string')
          throw new Error(`${file}:${i + 1}: needs a string "text" and "category"`);
        const crisis = o.crisis === 'self_harm' || o.crisis === 'threat' ? o.crisis : null;
        const route =
          o.route === 'emergency' || o.route === 'integrity' || o.route === 'crisis' ? o.route : undefined;
        out.push({
          text: o.text,
          category: o.category,
          urgent: o.urgent === true,
          crisis,
          ...(route ? { route } : {}),
          ...(typeof o.outcome === 'string' ? { outcome: o.outcome } : {}),
          replyLang: typeof o.replyLang === 'string' ? o.replyLang : null,
          set: typeof o.set === 'string' ? o.set : f.replace(/\.jsonl$/, ''),
          holdout: o.holdout === true,
          file,
          line: i + 1,
        });
      });
  }
  return out;
}

/** What the product did with one case (classifier + decide). */
export interface DevOutcome {
  category: string;
  /** Flagged danger to life (the emergency route). */
  urgent: boolean;
  crisis?: Crisis;
  route?: Route;
  priority: number;
  /** The reply template decide() chose ('none' when no reply). */
  template: string;
  /** Whether the plan carries a deadline days away (never for crisis). */
  dueInHours?: number;
  /** Which urgency sources flagged a danger to life. */
  bySignal?: boolean;
  byModel?: boolean;
}

export interface DevScore {
  cases: number;
  urgent: { recall: number; precision: number; found: number; of: number; flagged: number };
  /** Ordinary complaints (no danger, no route) flagged urgent. */
  falseUrgent: { rate: number; flagged: number; of: number };
  crisis: { recall: number; found: number; of: number; falseAlarms: number };
  integrity: { recall: number; found: number; of: number; falseAlarms: number };
  /** Crisis and integrity cases at priority 1 with their own reply. */
  topPriority: { found: number; of: number };
  category: { accuracy: number; correct: number; of: number; perClass: Record<string, [number, number]> };
  misses: { case: DevCase; got: DevOutcome; why: string }[];
  /** Each urgency source alone: dangers found, ordinary complaints flagged. */
  sources: { signals: { found: number; falseUrgent: number }; model: { found: number; falseUrgent: number } };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Only cases that are complaints count for category accuracy (others' outcomes aside). */
const isComplaint = (c: DevCase) => c.outcome === undefined || c.outcome === 'complaint';

export function scoreDevSet(cases: readonly DevCase[], run: (text: string) => DevOutcome): DevScore {
  const s: DevScore = {
    cases: cases.length,
    urgent: { recall: 0, precision: 0, found: 0, of: 0, flagged: 0 },
    falseUrgent: { rate: 0, flagged: 0, of: 0 },
    crisis: { recall: 0, found: 0, of: 0, falseAlarms: 0 },
    integrity: { recall: 0, found: 0, of: 0, falseAlarms: 0 },
    topPriority: { found: 0, of: 0 },
    category: { accuracy: 0, correct: 0, of: 0, perClass: {} },
    misses: [],
    sources: { signals: { found: 0, falseUrgent: 0 }, model: { found: 0, falseUrgent: 0 } },
  };
  let truePositive = 0;
  for (const c of cases) {
    const got = run(c.text);
    const miss = (why: string) => s.misses.push({ case: c, got, why });
    if (c.urgent) {
      s.urgent.of++;
      if (got.urgent) s.urgent.found++;
      else miss('danger not flagged urgent');
    }
    if (got.urgent) {
      s.urgent.flagged++;
      if (c.urgent) truePositive++;
    }
    const ordinary = !c.urgent && !c.route && !c.crisis;
    if (c.urgent) {
      if (got.bySignal) s.sources.signals.found++;
      if (got.byModel) s.sources.model.found++;
    }
    if (ordinary && isComplaint(c)) {
      if (got.bySignal) s.sources.signals.falseUrgent++;
      if (got.byModel) s.sources.model.falseUrgent++;
      s.falseUrgent.of++;
      if (got.urgent) {
        s.falseUrgent.flagged++;
        miss('ordinary complaint flagged urgent');
      }
    }
    if (c.crisis) {
      s.crisis.of++;
      if (got.crisis === c.crisis) s.crisis.found++;
      else miss(`crisis ${c.crisis} seen as ${got.crisis ?? 'none'}`);
    } else if (got.crisis) {
      s.crisis.falseAlarms++;
      miss(`false crisis ${got.crisis}`);
    }
    if (c.route === 'integrity') {
      s.integrity.of++;
      if (got.route === 'integrity') s.integrity.found++;
      else miss(`integrity seen as ${got.route ?? 'routine'}`);
    } else if (got.route === 'integrity') {
      s.integrity.falseAlarms++;
      miss('false integrity');
    }
    if (c.crisis || c.route === 'integrity') {
      s.topPriority.of++;
      const own =
        got.template.startsWith('crisis.') || got.template === 'integrity' || got.template === 'none';
      if (got.priority === 1 && own && (got.dueInHours === undefined || got.dueInHours <= 24))
        s.topPriority.found++;
    }
    // A crisis is its own outcome: the topic it mentions is secondary.
    if (isComplaint(c) && !c.crisis) {
      s.category.of++;
      const pc = (s.category.perClass[c.category] ??= [0, 0]);
      pc[1]++;
      if (got.category === c.category) {
        s.category.correct++;
        pc[0]++;
      } else miss(`category ${got.category}, expected ${c.category}`);
    }
  }
  s.urgent.recall = ratio(s.urgent.found, s.urgent.of);
  s.urgent.precision = ratio(truePositive, s.urgent.flagged);
  s.falseUrgent.rate = s.falseUrgent.of ? s.falseUrgent.flagged / s.falseUrgent.of : 0;
  s.crisis.recall = ratio(s.crisis.found, s.crisis.of);
  s.integrity.recall = ratio(s.integrity.found, s.integrity.of);
  s.category.accuracy = ratio(s.category.correct, s.category.of);
  return s;
}
