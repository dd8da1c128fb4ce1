// What the pipeline reads from the rule pack besides the classifier: agency settings,
// the escalation policy and the reply templates. Rebuilt whole on every valid reload.
import type { RulePack } from '../rules/pack';
import { agencyFromPack, type Agency } from '../rules/agency';
import { escalationFromPack, type EscalationPolicy } from '../rules/escalation';
import { templatesFromPack } from '../pack/templates';
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

export function policyFromPack(pack: RulePack): Policy {
  const agency = agencyFromPack(pack);
  return {
    agency,
    escalation: escalationFromPack(pack),
    templates: templatesFromPack(pack),
    ignoreAccounts: agency.ignoreAccounts,
    followUps: followUpsFromPack(pack),
    notifications: notificationsFromPack(pack),
    outcomes: outcomeRulesFromPack(pack),
  };
}
