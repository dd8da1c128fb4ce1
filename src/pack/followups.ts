// Loads rules/followups.yml (optional: without it, the shipped lists apply) into the
// compiled vocabulary the follow-up reader uses. An entry with no word is a problem at its
// line and column.
import path from 'node:path';
import type { PackCheck, RulePack } from '../rules/pack';
import { sortProblems, type Problem } from '../rules/problem';
import { followUpsSchema } from '../rules/schemas/followups';
import { parseYamlFile, validateWithSchema, type YamlPath, type YamlSource } from '../rules/yaml-source';
import { RuleFileError } from '../rules/agency';
import { compileEntry, type FollowUpVocabulary, type VocabList } from '../followup/vocabulary';

export const FOLLOWUPS_FILE = 'followups.yml';
const SHIPPED = path.resolve(__dirname, '..', '..', 'rules', FOLLOWUPS_FILE);

type Lists = { ar?: string[]; en?: string[] };
type Yaml = {
  notFixed?: { phrases?: Lists; still?: Lists; negations?: Lists; fixed?: Lists };
  status?: { phrases?: Lists; questions?: Lists; progress?: Lists };
  thanks?: { phrases?: Lists; maxOtherWords?: number };
};

export function compileFollowUps(src: YamlSource): { vocabulary?: FollowUpVocabulary; problems: Problem[] } {
  const problems = [...src.problems, ...validateWithSchema(src, followUpsSchema)];
  if (problems.length) return { problems };
  const y = (src.data ?? {}) as Yaml;
  const list = (l: Lists | undefined, at: YamlPath): VocabList => {
    const out: VocabList = [];
    for (const lang of ['ar', 'en'] as const)
      (l?.[lang] ?? []).forEach((s, i) => {
        const e = compileEntry(s);
        if (typeof e === 'string') problems.push(src.problemAt([...at, lang, i], e));
        else out.push(e);
      });
    return out;
  };
  const vocabulary: FollowUpVocabulary = {
    notFixed: {
      phrases: list(y.notFixed?.phrases, ['notFixed', 'phrases']),
      still: list(y.notFixed?.still, ['notFixed', 'still']),
      negations: list(y.notFixed?.negations, ['notFixed', 'negations']),
      fixed: list(y.notFixed?.fixed, ['notFixed', 'fixed']),
    },
    status: {
      phrases: list(y.status?.phrases, ['status', 'phrases']),
      questions: list(y.status?.questions, ['status', 'questions']),
      progress: list(y.status?.progress, ['status', 'progress']),
    },
    thanks: {
      phrases: list(y.thanks?.phrases, ['thanks', 'phrases']),
      maxOtherWords: y.thanks?.maxOtherWords ?? 3,
    },
  };
  if (problems.length) return { problems: sortProblems(problems) };
  return { vocabulary, problems };
}

/** Reads <dir>/followups.yml; throws RuleFileError. */
export function loadFollowUps(dir: string): FollowUpVocabulary {
  const { vocabulary, problems } = compileFollowUps(parseYamlFile(path.join(dir, FOLLOWUPS_FILE)));
  if (!vocabulary) throw new RuleFileError(problems);
  return vocabulary;
}

export const followUpsCheck: PackCheck = (pack) => {
  const src = pack.sources[path.join(pack.dir, FOLLOWUPS_FILE)];
  return src ? compileFollowUps(src).problems : [];
};

let shipped: FollowUpVocabulary | undefined;

/** The pack's vocabulary; a pack without followups.yml gets the shipped lists. */
export function followUpsFromPack(pack: RulePack): FollowUpVocabulary {
  const src = pack.sources[path.join(pack.dir, FOLLOWUPS_FILE)];
  if (src) {
    const { vocabulary, problems } = compileFollowUps(src);
    if (!vocabulary) throw new RuleFileError(problems);
    return vocabulary;
  }
  return (shipped ??= loadFollowUps(path.dirname(SHIPPED)));
}
