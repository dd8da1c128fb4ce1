// The types decide() and its parts share.
import type { Agency } from '../rules/agency';
import type { EscalationPolicy, Priority } from '../rules/escalation';
import type { Route } from '../rules/routes';
import type { Outcome } from '../outcome/types';

export interface DecideContext {
  agency: Agency;
  escalation: EscalationPolicy;
  now: Date;
  /** The citizen's tickets within escalation.repeat.withinDays, not counting this one. */
  recentTicketsByAuthor: number;
  /** For inquiries: the id of the template answer that matched the tweet (chooseAnswer). */
  answer?: string;
  /** outcomes.yml has a neutral reply to insult-only tweets. */
  abuseReply?: boolean;
}

export type ReplyKind = 'ack' | 'answer';

/** A top-priority reply of its own (templates.yml integrity, crisis.selfHarm, crisis.threat). */
export type ReplyRoute = 'integrity' | 'self_harm' | 'threat';

export interface DecideResult {
  action: 'acknowledge' | 'answer' | 'ignore';
  escalate: boolean;
  priority: Priority;
  /** Absent for tickets the bot closes itself and for ignored tweets. */
  dueAt?: Date;
  autoResolve: boolean;
  /** Top-priority route (emergency, integrity, crisis), when the tweet took one. */
  route?: Route;
  /** Template key, e.g. 'roads.afterHours', 'inquiry.answers.hours', 'urgent.ack'; 'none' when ignored. */
  template: string;
  reason: string;
  /** What kind of mention (decide/outcomes.ts); spam, chatter, abuse and referral open no ticket. */
  outcome?: Outcome;
  /** A reply without a ticket: a referral to another agency, or the neutral reply to insults. */
  notice?: { kind: 'referral' | 'abuse'; agency?: string };
  /** How to render the reply (renderReply's arguments); absent when ignored. */
  reply?: {
    kind: ReplyKind;
    /** The category whose template to use: 'other' (generic) when a human must triage. */
    category: string;
    afterHours: boolean;
    urgent: boolean;
    answer?: string;
    route?: ReplyRoute;
    /** For the self-harm reply: escalation.yml routes.crisis.selfHarm.crisisLine. */
    crisisLine?: string;
  };
}
