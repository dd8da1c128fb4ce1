// A loaded rule pack: everything in the rules folder, validated and compiled. Only ever
// built whole (see load.ts): code holding a RulePack can trust every part of it.
import type { SignalRoute } from './routes';
import type { Conditions } from './conditions';
import type { Problem } from './problem';
import type { YamlSource } from './yaml-source';

export interface Category {
  id: string;
  names: { ar: string; en: string };
  description?: string;
}

export interface CategoryRule {
  id: string;
  category: string;
  priority: number;
  conditions: Conditions;
}

export interface UrgentSignal {
  id: string;
  description?: string;
  /** What it flags: danger to life (default), bribery, self-harm or a threat. */
  route: SignalRoute;
  conditions: Conditions;
}

export interface TrainingSet {
  category: string;
  examples: string[];
  /** Texts of the examples marked `urgent: true` (the urgency model's positives). */
  urgent: string[];
  /** Path as reported in problems. */
  file: string;
}

export interface TestCase {
  text: string;
  category: string;
  urgent?: boolean;
  file: string;
  line: number;
}

export interface RulePack {
  /** The folder, as given to the loader. */
  dir: string;
  categories: Category[];
  /** Category rules in the order they are tried: priority high → low, then file order. */
  rules: CategoryRule[];
  urgent: UrgentSignal[];
  training: TrainingSet[];
  tests: TestCase[];
  /** Raw validated data of every registered file kind by schema name (folder kinds: a list). */
  files: Record<string, unknown>;
  /** Parsed sources by reported path, for checks that need positions. */
  sources: Record<string, YamlSource>;
  /** sha256 of every file's path and content: changes whenever any file does. */
  hash: string;
}

/** A cross-file check run on a pack that otherwise loaded (e.g. "every category has a template"). */
export type PackCheck = (pack: RulePack) => Problem[];

export interface LoadResult {
  /** Present only when there are no problems. */
  pack?: RulePack;
  problems: Problem[];
}

/** The category every pack needs: where tweets nothing fits go. */
export const FALLBACK_CATEGORY = 'other';
