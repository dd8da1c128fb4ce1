// Replies to a citizen's follow-up on an existing ticket: a repeat attached to it, a status
// request, a reopen, new details. Each names the ticket and carries the follow-up's number on
// it ({{followup}}), so two such replies on one ticket never have the same text (X refuses
// duplicates with a 403).
import type { Agency } from '../rules/agency';
import { formatDue } from './due';
import type { TextRule } from '../channel/text-rule';
import { DEFAULT_TEXT_RULE } from './length';
import { cleanName } from './name';
import { RenderError } from './errors';
import type { Bilingual, FollowUpTemplates, Templates } from './types';
import { inLang, writtenIn, type ReplyLang } from '../text/lang';
import { fill } from './variables';

export type FollowUpReply =
  'repeat' | 'statusOpen' | 'statusClaimed' | 'statusLate' | 'statusResolved' | 'reopened' | 'update';

/** Which replies may say {{due}} (the others speak of a closed ticket). */
export const FOLLOW_UP_HAS_DUE: Record<string, boolean> = {
  repeat: true,
  'status.open': true,
  'status.claimed': true,
  'status.late': true,
  'status.resolved': false,
  reopened: true,
  update: true,
};

export function followUpTemplate(t: FollowUpTemplates, kind: FollowUpReply): Bilingual {
  switch (kind) {
    case 'statusOpen':
      return t.status.open;
    case 'statusClaimed':
      return t.status.claimed;
    case 'statusLate':
      return t.status.late;
    case 'statusResolved':
      return t.status.resolved;
    default:
      return t[kind];
  }
}

export function renderFollowUp(o: {
  templates: Templates;
  kind: FollowUpReply;
  lang: ReplyLang;
  vars: { name?: string; ticket: string; followup: number; due?: Date; category: string };
  agency: Pick<Agency, 'displayName' | 'timeZone'>;
  /** The channel's length rule (default X's). */
  text?: TextRule;
}): string {
  const rule = o.text ?? DEFAULT_TEXT_RULE;
  const set = o.templates.followUps;
  if (!set) throw new RenderError('templates.yml has no followUps replies');
  const texts = followUpTemplate(set, o.kind);
  // Written in the resident's language when the pack has it, else English; the variables follow.
  const lang = writtenIn(texts, o.lang);
  const template = inLang(texts, lang);
  const names = o.templates.categoryNames[o.vars.category];
  const vars = {
    ticket: o.vars.ticket,
    followup: String(o.vars.followup),
    due: o.vars.due ? formatDue(o.vars.due, lang, o.agency.timeZone) : '',
    category: names ? inLang(names, lang) : o.vars.category,
    agency: inLang(o.agency.displayName, lang),
  };
  const name = [...cleanName(o.vars.name, rule)];
  for (let keep = name.length; keep >= 0; keep = keep > 10 ? keep - 5 : keep - 1) {
    const shown =
      keep < name.length ? (keep === 0 ? '' : `${name.slice(0, keep).join('').trim()}…`) : name.join('');
    const text = fill(template, { ...vars, name: shown });
    if (rule.length(text) <= rule.max) return text;
  }
  throw new RenderError(`follow-up reply ${o.kind} (${o.lang}) over ${rule.max} characters`);
}
