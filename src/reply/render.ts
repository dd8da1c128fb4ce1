// Renders the reply for a ticket. Only the variables below ever reach the text: the
// citizen's tweet is never echoed, and no account is ever @-mentioned (the reply is threaded
// with in_reply_to, so X shows the citizen's handle itself).
import type { Agency } from '../rules/agency';
import { formatDue } from './due';
import type { TextRule } from '../channel/text-rule';
import { DEFAULT_TEXT_RULE } from './length';
import { cleanName } from './name';
import type { Bilingual, Templates } from './types';
import { inLang, writtenIn, type ReplyLang } from '../text/lang';
import { fill, type Vars } from './variables';
import { RenderError } from './errors';
import { DEFAULT_TIME_ZONE } from '../sla/zone';

export type RenderKind = 'ack' | 'answer' | 'resolved';

export interface RenderOptions {
  templates: Templates;
  kind: RenderKind;
  category: string;
  lang: ReplyLang;
  afterHours?: boolean;
  /** The urgent acknowledgement instead of the category's (kind 'ack'). */
  urgent?: boolean;
  /** A top-priority reply of its own: integrity, self_harm, threat (kind 'ack'). */
  route?: 'integrity' | 'self_harm' | 'threat';
  /** {{crisisLine}}: escalation.yml routes.crisis.selfHarm.crisisLine. */
  crisisLine?: string;
  /** The answer id for kind 'answer' (see chooseAnswer). */
  answer?: string;
  vars: { name?: string; ticket: string; due?: Date | string; agency?: string; category?: string };
  /** Supplies {{agency}} and the time zone of {{due}} when they are not given as text. */
  agency?: Pick<Agency, 'displayName' | 'timeZone'>;
  /** The channel's length rule (default X's: 280 weighted characters). */
  text?: TextRule;
}

/** The template text a render would use (before variables). */
export function pickTemplate(o: Omit<RenderOptions, 'vars' | 'agency'>): Bilingual {
  const t = o.templates;
  if (o.kind === 'resolved') return t.resolved;
  const cat = t.categories[o.category] ?? t.categories.other;
  if (!cat) throw new RenderError(`no templates for category '${o.category}' (nor 'other')`);
  if (o.kind === 'answer') {
    const answer = o.answer ? cat.answers[o.answer] : undefined;
    if (!answer) throw new RenderError(`no answer '${o.answer ?? ''}' in the templates of '${o.category}'`);
    return answer.text;
  }
  // Each has a fallback so a pack without them still answers: never the 911 reply for a bribe.
  if (o.route === 'integrity') return t.integrity ?? cat.ack;
  if (o.route === 'self_harm') return t.crisis?.selfHarm ?? t.urgent;
  if (o.route === 'threat') return t.crisis?.threat ?? t.categories.other?.ack ?? cat.ack;
  if (o.urgent) return t.urgent;
  return (o.afterHours && cat.afterHours) || cat.ack;
}

export function renderReply(o: RenderOptions): string {
  const texts = pickTemplate(o);
  // Written in the resident's language when the pack has it, else English; the variables follow.
  const lang = writtenIn(texts, o.lang);
  const template = inLang(texts, lang);
  const due =
    o.vars.due instanceof Date
      ? formatDue(o.vars.due, lang, o.agency?.timeZone ?? DEFAULT_TIME_ZONE)
      : (o.vars.due ?? '');
  const names = o.templates.categoryNames[o.category];
  const vars: Vars = {
    ticket: o.vars.ticket,
    due,
    category: o.vars.category ?? (names ? inLang(names, lang) : o.category),
    agency: o.vars.agency ?? (o.agency ? inLang(o.agency.displayName, lang) : ''),
    ...(o.crisisLine ? { crisisLine: o.crisisLine } : {}),
  };
  // The name is the only citizen-supplied text: shorten it (and at worst drop it) rather than
  // exceed the channel's limit. The shipped templates are checked at load to fit with the longest cleaned name.
  const rule = o.text ?? DEFAULT_TEXT_RULE;
  const name = [...cleanName(o.vars.name, rule)];
  for (let keep = name.length; keep >= 0; keep = keep > 10 ? keep - 5 : keep - 1) {
    const text = fill(template, { ...vars, name: keep < name.length ? cut(name, keep) : name.join('') });
    if (rule.length(text) <= rule.max) return text;
  }
  throw new RenderError(
    `reply over ${rule.max} characters even without the name (${o.kind} ${o.category} ${o.lang})`,
  );
}

const cut = (chars: string[], n: number) => (n === 0 ? '' : `${chars.slice(0, n).join('').trim()}…`);
