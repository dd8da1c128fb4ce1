// rules/escalation.yml: the shipped policy, its defaults, and mistakes refused with positions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleFileError } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-escalation-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cats = ['roads', 'staff_conduct', 'other'].map((id) => ({ id, names: { ar: id, en: id } }));

function load(yaml: string) {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  fs.writeFileSync(path.join(dir, 'escalation.yml'), yaml);
  try {
    return { policy: loadEscalation(dir, { categories: cats }), problems: [] as string[] };
  } catch (e) {
    if (!(e instanceof RuleFileError)) throw e;
    return { problems: e.problems.map((p) => `${p.line}:${p.col}: ${p.message}`) };
  }
}

test('the shipped policy', () => {
  const p = loadEscalation('rules');
  expect(p.alwaysEscalate).toEqual(['staff_conduct', 'public_health']);
  expect(p.triage.minConfidence).toBe(0.55);
  expect(p.repeat).toEqual({
    tickets: 3,
    withinDays: 7,
    raisePriorityBy: 1,
    attachWithinHours: 72,
    sameProblem: { minSimilarity: 0.35, placeWeight: 2 },
  });
  expect(p.followUps).toEqual({ statusReplyEveryHours: 12, acknowledgeNewInfo: true });
  expect(p.autoResolve).toEqual({ praise: true, answeredInquiries: true, otherWithoutTriage: true });
  expect(Object.keys(p.priorities.categories)).toHaveLength(13);
});

test('only priorities.default is required; everything else has a default', () => {
  const { policy } = load('priorities:\n  default: 3\n');
  expect(policy).toEqual({
    alwaysEscalate: [],
    urgentTerms: { ar: [], en: [] },
    triage: { minConfidence: 0.55 },
    repeat: {
      tickets: 3,
      withinDays: 7,
      raisePriorityBy: 1,
      attachWithinHours: 72,
      sameProblem: { minSimilarity: 0.35, placeWeight: 2 },
    },
    followUps: { statusReplyEveryHours: 12, acknowledgeNewInfo: true },
    autoResolve: { praise: true, answeredInquiries: true, otherWithoutTriage: true },
    priorities: { default: 3, categories: {} },
    urgency: { useModel: true, modelThreshold: 0.8 },
    routes: {
      emergency: { team: 'emergencies' },
      integrity: { team: 'integrity', category: 'staff_conduct' },
      crisis: { team: 'crisis', selfHarm: { crisisLine: '937' }, threat: { reply: 'neutral' } },
    },
  });
});

test('routes: a crisis line that is not a phone number, or an unknown threat reply, is refused at its line', () => {
  const { problems } = load(`routes:
  crisis:
    selfHarm:
      crisisLine: www.example.com
    threat:
      reply: apologise
priorities:
  default: 3
`);
  expect(problems).toHaveLength(2);
  expect(problems[0]).toMatch(/^4:19: /);
  expect(problems[1]).toMatch(/^6:14: .*neutral.*none/);
  const cross = load(`routes:\n  integrity:\n    category: staf_conduct\npriorities:\n  default: 3\n`);
  expect(cross.problems).toEqual([
    "3:15: unknown category 'staf_conduct' (did you mean 'staff_conduct'?); categories.yml defines: roads, staff_conduct, other",
  ]);
});

test('bad values and unknown categories point at the line and column', () => {
  const { problems } = load(`alwaysEscalate: [staff_conduct, staf_conduct]
triage:
  minConfidence: 1.5
priorities:
  default: 3
  categories:
    roads: 5
    rods: 2
`);
  expect(problems).toEqual(["3:18: 'minConfidence' must be <= 1", "7:12: 'roads' must be <= 4"]);
  const cross = load(`alwaysEscalate: [staff_conduct, staf_conduct]
priorities:
  default: 3
  categories:
    rods: 2
`);
  expect(cross.problems).toEqual([
    "1:33: unknown category 'staf_conduct' (did you mean 'staff_conduct'?); categories.yml defines: roads, staff_conduct, other",
    "5:5: unknown category 'rods' (did you mean 'roads'?); categories.yml defines: roads, staff_conduct, other",
  ]);
});
