// Every kind of file in a rule pack, with its schema. To add one: write its schema in
// ./<name>.ts and add an entry below (see the top of ../yaml-source.ts); the loader, the
// generated schema/*.schema.json and the docs reference all follow from this list.
import { categoriesSchema } from '../rules/schemas/categories';
import type { JsonSchema } from '../rules/schemas/common';
import type { PackCheck } from '../rules/pack';
import { testsSchema } from '../rules/schemas/tests';
import { trainingSchema } from '../rules/schemas/training';
import { urgentSchema } from '../rules/schemas/urgent';
import { agencySchema } from '../rules/schemas/agency';
import { escalationSchema } from '../rules/schemas/escalation';
import { templatesSchema } from '../rules/schemas/templates';
import { agencyCheck } from '../rules/agency';
import { escalationCheck } from '../rules/escalation';
import { templatesCheck } from './templates';
import { followUpsSchema } from '../rules/schemas/followups';
import { followUpsCheck } from './followups';
import { notificationsSchema } from '../rules/schemas/notifications';
import { notificationsCheck } from './notifications';
import { privacySchema } from '../rules/schemas/privacy';
import { outcomesSchema } from '../rules/schemas/outcomes';
import { agenciesSchema } from '../rules/schemas/agencies';
import { outcomesCheck } from '../outcome/rules';
import { outcomeTrainingSchema } from '../rules/schemas/outcome-training';
import { outcomeTrainingCheck } from '../outcome/training';

export type { JsonSchema } from '../rules/schemas/common';

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
  // Not everything is a complaint (issue 13): spam, chatter, insults, sarcasm; other agencies.
  { name: 'outcomes', files: 'outcomes.yml', required: false, schema: outcomesSchema, check: outcomesCheck },
  { name: 'agencies', files: 'agencies.yml', required: false, schema: agenciesSchema },
  // Spam and chatter examples for the learned score (src/classify/outcome-model.ts).
  {
    name: 'learned',
    files: 'outcome-training/*.yml',
    required: false,
    schema: outcomeTrainingSchema,
    check: outcomeTrainingCheck,
  },
  { name: 'categories', files: 'categories.yml', required: true, schema: categoriesSchema },
  { name: 'urgent', files: 'urgent.yml', required: true, schema: urgentSchema },
  { name: 'training', files: 'training/*.yml', required: true, schema: trainingSchema },
  { name: 'tests', files: 'tests.yml', required: false, schema: testsSchema },
  {
    name: 'templates',
    files: 'templates.yml',
    required: true,
    schema: templatesSchema,
    check: templatesCheck,
  },
  { name: 'agency', files: 'agency.yml', required: true, schema: agencySchema, check: agencyCheck },
  {
    name: 'escalation',
    files: 'escalation.yml',
    required: true,
    schema: escalationSchema,
    check: escalationCheck,
  },
  {
    name: 'followups',
    files: 'followups.yml',
    required: false,
    schema: followUpsSchema,
    check: followUpsCheck,
  },
  {
    name: 'notifications',
    files: 'notifications.yml',
    required: false,
    schema: notificationsSchema,
    check: notificationsCheck,
  },
  // Retention of citizens' personal data (issue 17).
  { name: 'privacy', files: 'privacy.yml', required: false, schema: privacySchema },
];
