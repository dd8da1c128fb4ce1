// Urgency is its own decision, with two sources that both count: the staff signals of
// rules/urgent.yml and the learned urgency model (src/classify/urgency-model.ts). Either can
// flag a danger to life; only signals open the integrity and crisis routes, whose replies are
// not the emergency one. Pure: the classifier hands in what matched and the model's guess.
import type { Decision, UrgencyWhy } from './types';
import type { Crisis, Route, SignalRoute } from '../rules/routes';

export interface UrgencyInput {
  signals: { id: string; route: SignalRoute; matched: string[] }[];
  /** P(urgent) from the urgency model; absent without a model. */
  modelP?: number;
  /** escalation.yml urgency.modelThreshold. */
  threshold: number;
}

export type UrgencyVerdict = Pick<Decision, 'urgent' | 'urgentTerm' | 'urgency' | 'crisis' | 'route'>;

// A tweet that is both goes where the person needs it most: self-harm first (a caring reply
// with the crisis line), then threats, then bribery (never the 911 reply), then danger.
const ORDER: SignalRoute[] = ['self_harm', 'threat', 'integrity', 'emergency'];

export function judgeUrgency(input: UrgencyInput): UrgencyVerdict {
  const { signals, modelP, threshold } = input;
  const model = modelP === undefined ? undefined : { p: modelP, threshold, flagged: modelP >= threshold };
  const kinds = new Set(signals.map((s) => s.route));
  if (model?.flagged) kinds.add('emergency');
  const top = ORDER.find((k) => kinds.has(k));
  if (!top) {
    const urgency: UrgencyWhy = { signals, ...(model ? { model } : {}), reason: 'not urgent' };
    return model ? { urgent: false, urgency } : { urgent: false };
  }
  const parts = signals.map((s) => `signal ${s.id} (${s.matched.join(' + ')})`);
  if (model) parts.push(`model ${model.p.toFixed(2)} ${model.flagged ? '≥' : '<'} ${threshold}`);
  const crisis: Crisis | undefined = top === 'self_harm' || top === 'threat' ? top : undefined;
  const route: Route = crisis ? 'crisis' : (top as Route);
  const reason = `${crisis ?? route}: ${parts.join('; ')}`;
  const urgency: UrgencyWhy = { signals, ...(model ? { model } : {}), reason };
  return { urgent: true, urgentTerm: reason, urgency, route, ...(crisis ? { crisis } : {}) };
}
