// What the pipeline reads from the rule pack besides the classifier: agency settings,
// the escalation policy and the reply templates. Rebuilt whole on every valid reload.
import type { RulePack } from '../rules/pack';
import { agencyFromPack, replyLanguagesFor, type Agency } from '../rules/agency';
import { escalationFromPack, type EscalationPolicy } from '../rules/escalation';
import { templateLanguages, templatesFromPack } from '../pack/templates';
import type { Templates } from '../reply';
import { followUpsFromPack } from '../pack/followups';
import type { FollowUpVocabulary } from '../followup/vocabulary';
import { notificationsFromPack, type NotificationRules } from '../pack/notifications';
import { outcomeRulesFromPack, type OutcomeRules } from '../outcome/rules';

export interface Policy {
  agency: Agency;
  escalation: EscalationPolicy;
  templates: Templates;
  /** Lower-case handles (no @) never answered. */
  ignoreAccounts: string[];
  /** What replies in a ticket's thread want (rules/followups.yml). */
  followUps: FollowUpVocabulary;
  /** Who staff-side notifications go to (rules/notifications.yml). */
  notifications: NotificationRules;
  /** Spam, chatter, insults, sarcasm and other agencies (rules/outcomes.yml, agencies.yml). */
  outcomes: OutcomeRules;
}

/** The agency and its reply templates, with the reply languages completed by the languages
 *  the templates are written in (everything that replies reads the agency from here). */
export function repliesFromPack(pack: RulePack): { agency: Agency; templates: Templates } {
  const templates = templatesFromPack(pack);
  const fromYaml = agencyFromPack(pack);
  return {
    agency: {
      ...fromYaml,
      replyLanguages: replyLanguagesFor(fromYaml.replyLanguagesGiven, templateLanguages(templates)),
    },
    templates,
  };
}

export function policyFromPack(pack: RulePack): Policy {
  const { agency, templates } = repliesFromPack(pack);
  return {
    agency,
    escalation: escalationFromPack(pack),
    templates,
    ignoreAccounts: agency.ignoreAccounts,
    followUps: followUpsFromPack(pack),
    notifications: notificationsFromPack(pack),
    outcomes: outcomeRulesFromPack(pack),
  };
}
