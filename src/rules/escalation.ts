// Loads rules/escalation.yml: which tickets are escalated to supervisors, their priority,
// and what the bot closes by itself. Missing keys take the documented defaults.
import path from 'node:path';
import type { Category, PackCheck, RulePack } from './pack';
import { hint, sortProblems, type Problem } from './problem';
import { escalationSchema } from './schemas/escalation';
import { parseYamlFile, parseYamlText, validateWithSchema, type YamlSource } from './yaml-source';
import { RuleFileError } from './agency';
import { compileRoutes, type Routes, type RoutesYaml, type UrgencySettings } from './routes';

export type Priority = 1 | 2 | 3 | 4;

export interface EscalationPolicy {
  alwaysEscalate: string[];
  urgentTerms: { ar: string[]; en: string[] };
  triage: { minConfidence: number };
  repeat: {
    tickets: number;
    withinDays: number;
    raisePriorityBy: number;
    attachWithinHours: number;
    sameProblem: { minSimilarity: number; placeWeight: number };
  };
  followUps: { statusReplyEveryHours: number; acknowledgeNewInfo: boolean };
  autoResolve: { praise: boolean; answeredInquiries: boolean; otherWithoutTriage: boolean };
  priorities: { default: Priority; categories: Record<string, Priority> };
  /** How urgency is decided and where top-priority tweets go (src/rules/routes.ts). */
  urgency: UrgencySettings;
  routes: Routes;
}

type Yaml = {
  alwaysEscalate?: string[];
  urgentTerms?: { ar?: string[]; en?: string[] };
  triage?: { minConfidence?: number };
  repeat?: Partial<Omit<EscalationPolicy['repeat'], 'sameProblem'>> & {
    sameProblem?: Partial<EscalationPolicy['repeat']['sameProblem']>;
  };
  followUps?: Partial<EscalationPolicy['followUps']>;
  autoResolve?: Partial<EscalationPolicy['autoResolve']>;
  priorities: { default: Priority; categories?: Record<string, Priority> };
} & RoutesYaml;

export const ESCALATION_FILE = 'escalation.yml';
/** triage.minConfidence when escalation.yml does not set it: the one default (issue 13). */
export const DEFAULT_MIN_CONFIDENCE = 0.55;

/** Schema check, defaults, and (given the pack's categories) unknown category ids. */
export function compileEscalation(
  src: YamlSource,
  categories?: readonly Category[],
): { policy?: EscalationPolicy; problems: Problem[] } {
  const problems = [...src.problems, ...validateWithSchema(src, escalationSchema)];
  if (problems.length) return { problems };
  const y = src.data as Yaml;
  if (categories) {
    const ids = categories.map((c) => c.id);
    const unknown = (id: string) =>
      `unknown category '${id}'${hint(id, ids)}; categories.yml defines: ${ids.join(', ')}`;
    (y.alwaysEscalate ?? []).forEach((id, i) => {
      if (!ids.includes(id)) problems.push(src.problemAt(['alwaysEscalate', i], unknown(id)));
    });
    for (const id of Object.keys(y.priorities.categories ?? {}))
      if (!ids.includes(id))
        problems.push(src.problemAt(['priorities', 'categories', id], unknown(id), { key: true }));
    const integrity = y.routes?.integrity?.category;
    if (integrity !== undefined && !ids.includes(integrity))
      problems.push(src.problemAt(['routes', 'integrity', 'category'], unknown(integrity)));
  }
  if (problems.length) return { problems: sortProblems(problems) };
  return {
    problems,
    policy: {
      alwaysEscalate: y.alwaysEscalate ?? [],
      urgentTerms: { ar: y.urgentTerms?.ar ?? [], en: y.urgentTerms?.en ?? [] },
      triage: { minConfidence: y.triage?.minConfidence ?? DEFAULT_MIN_CONFIDENCE },
      repeat: {
        tickets: y.repeat?.tickets ?? 3,
        withinDays: y.repeat?.withinDays ?? 7,
        raisePriorityBy: y.repeat?.raisePriorityBy ?? 1,
        attachWithinHours: y.repeat?.attachWithinHours ?? 72,
        sameProblem: {
          minSimilarity: y.repeat?.sameProblem?.minSimilarity ?? 0.35,
          placeWeight: y.repeat?.sameProblem?.placeWeight ?? 2,
        },
      },
      followUps: {
        statusReplyEveryHours: y.followUps?.statusReplyEveryHours ?? 12,
        acknowledgeNewInfo: y.followUps?.acknowledgeNewInfo ?? true,
      },
      autoResolve: {
        praise: y.autoResolve?.praise ?? true,
        answeredInquiries: y.autoResolve?.answeredInquiries ?? true,
        otherWithoutTriage: y.autoResolve?.otherWithoutTriage ?? true,
      },
      priorities: { default: y.priorities.default, categories: y.priorities.categories ?? {} },
      ...compileRoutes(y),
    },
  };
}

/** Reads <dir>/escalation.yml alone (no category cross-check); throws RuleFileError. */
export function loadEscalation(
  dir: string,
  opts: { categories?: readonly Category[] } = {},
): EscalationPolicy {
  const { policy, problems } = compileEscalation(
    parseYamlFile(path.join(dir, ESCALATION_FILE)),
    opts.categories,
  );
  if (!policy) throw new RuleFileError(problems);
  return policy;
}

/** Cross-file check for loadRulePack: category ids must exist in categories.yml. */
export const escalationCheck: PackCheck = (pack) => {
  const src = pack.sources[path.join(pack.dir, ESCALATION_FILE)];
  return src ? compileEscalation(src, pack.categories).problems : [];
};

/** The policy of a loaded pack (defaults when the pack has no escalation.yml). */
export function escalationFromPack(pack: RulePack): EscalationPolicy {
  const src = pack.sources[path.join(pack.dir, ESCALATION_FILE)];
  const { policy, problems } = compileEscalation(src ?? parseEmpty(), pack.categories);
  if (!policy) throw new RuleFileError(problems);
  return policy;
}

// An absent file means every default; only `priorities.default` has none, so supply it.
function parseEmpty(): YamlSource {
  return parseYamlText('priorities:\n  default: 3\n', ESCALATION_FILE);
}
