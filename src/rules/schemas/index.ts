// Every kind of file in a rule pack, with its schema. To add one: write its schema in
// ./<name>.ts and add an entry below (see the top of ../yaml-source.ts); the loader, the
// generated schema/*.schema.json and the docs reference all follow from this list.
import { categoriesSchema } from './categories';
import type { JsonSchema } from './common';
import type { PackCheck } from '../pack';
import { testsSchema } from './tests';
import { trainingSchema } from './training';
import { urgentSchema } from './urgent';

export type { JsonSchema } from './common';

export interface RuleFileSpec {
  /** Schema name: schema/<name>.schema.json, and the key of pack.files. */
  name: string;
  /** The file in the rules folder ('categories.yml'), or every `.yml` in a subfolder ('training/*.yml'). */
  files: string;
  /** Must the pack have it? (A folder pattern then needs at least one file.) */
  required: boolean;
  schema: JsonSchema;
  /** Cross-file checks for this kind, run once the whole pack has loaded (data in pack.files[name]). */
  check?: PackCheck;
}

export const ruleFiles: RuleFileSpec[] = [
  { name: 'categories', files: 'categories.yml', required: true, schema: categoriesSchema },
  { name: 'urgent', files: 'urgent.yml', required: true, schema: urgentSchema },
  { name: 'training', files: 'training/*.yml', required: true, schema: trainingSchema },
  { name: 'tests', files: 'tests.yml', required: false, schema: testsSchema },
];
