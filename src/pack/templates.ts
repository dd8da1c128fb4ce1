// Loads rules/templates.yml and proves every reply is sendable before the bot starts:
// known {{variables}} only, {{ticket}} in each (X rejects duplicate text), no @-mentions,
// both languages for every category of the pack, and a worst-case rendering (the longest
// name cleanName lets through, longest ticket and date) within the channel's length rule (X's
// 280 weighted characters unless told another; every rule given must hold). Problems point at
// the template's line and column.
import path from 'node:path';
import type { Category, PackCheck, RulePack } from '../rules/pack';
import { hint, sortProblems, type Problem } from '../rules/problem';
import { templatesSchema } from '../rules/schemas/templates';
import { parseYamlFile, validateWithSchema, type YamlPath, type YamlSource } from '../rules/yaml-source';
import { RuleFileError } from '../rules/agency';
import { longestDue } from '../reply/due';
import { MAX_NAME } from '../reply/name';
import type { TextRule } from '../channel/text-rule';
import { DEFAULT_TEXT_RULE } from '../reply/length';
import { fill, scanVariables } from '../reply/variables';
import type { Bilingual, Templates } from '../reply/types';
import { inLang, type InLangs, type ReplyLang } from '../text/lang';
import { FOLLOW_UP_HAS_DUE } from '../reply/follow-up';
import { type FollowUpTemplates } from '../reply/types';

export const TEMPLATES_FILE = 'templates.yml';

/** The languages a text is written in, with the text. */
const langTexts = (b: Bilingual): [ReplyLang, string][] =>
  Object.entries(b).filter((e): e is [string, string] => typeof e[1] === 'string');

/** The languages every acknowledgement can be written in: those of the urgent template and of
 *  every category's ack (ar and en always). Residents detected in one of these are answered in it. */
export function templateLanguages(t: Pick<Templates, 'urgent' | 'categories'>): string[] {
  const acks = [t.urgent, ...Object.values(t.categories).map((c) => c.ack)];
  return Object.keys(t.urgent).filter((l) => acks.every((b) => typeof b[l] === 'string'));
}

/** Longest values the variables can take, for the worst-case length check. */
export const WORST_NAME = 'ن'.repeat(MAX_NAME); // names are cut to MAX_NAME letters before use
export const WORST_TICKET = 'ABCD-2612-123456'; // 4-letter prefix, a million tickets a month

type Yaml = {
  urgent: Bilingual;
  integrity?: Bilingual;
  crisis?: { selfHarm?: Bilingual; threat?: Bilingual };
  resolved: Bilingual;
  followUps?: FollowUpTemplates;
  categories: Record<
    string,
    {
      ack: Bilingual;
      afterHours?: Bilingual;
      answers?: Record<string, { keywords: InLangs<string[]>; text: Bilingual }>;
    }
  >;
};

export interface TemplateContext {
  /** The pack's categories: coverage is checked and their names fill {{category}}. */
  categories?: readonly Category[];
  /** The agency's display name for {{agency}} (worst case: 40 characters when unknown). */
  agencyName?: Bilingual;
  /** The length rules of the channels the replies go to (default X's); each must hold. */
  textRules?: readonly TextRule[];
}

export function compileTemplates(
  src: YamlSource,
  ctx: TemplateContext = {},
): { templates?: Templates; problems: Problem[] } {
  const problems = [...src.problems, ...validateWithSchema(src, templatesSchema)];
  if (problems.length) return { problems };
  const y = src.data as Yaml;
  const names: Record<string, Bilingual> = {};
  for (const c of ctx.categories ?? []) names[c.id] = c.names;
  // A language a name is not written in falls back to English, as the render does.
  const longestName = (lang: ReplyLang, id?: string) =>
    id && names[id]
      ? inLang(names[id], lang)
      : Object.values(names).reduce(
          (a, n) => (inLang(n, lang).length > a.length ? inLang(n, lang) : a),
          id ?? '',
        );

  const check = (text: string, at: YamlPath, lang: ReplyLang, o: { category?: string; due: boolean }) => {
    const { used, issues } = scanVariables(text);
    for (const i of issues) problems.push(src.problemAt(at, i.message));
    if (!used.has('ticket'))
      problems.push(
        src.problemAt(
          at,
          'missing {{ticket}}: every reply carries the ticket reference (it also keeps replies unique, X refuses duplicates)',
        ),
      );
    if (used.has('due') && !o.due)
      problems.push(
        src.problemAt(
          at,
          '{{due}} is not available here: this reply closes the ticket, there is no deadline',
        ),
      );
    const mention = /(^|[^\p{L}\p{N}_])[@＠]\w/u.exec(text);
    if (mention)
      problems.push(
        src.problemAt(
          at,
          "'@' would mention an account: replies never mention anyone (X threads the reply to the citizen)",
        ),
      );
    if (issues.length) return;
    const worst = fill(text, {
      name: WORST_NAME,
      ticket: WORST_TICKET,
      due: longestDue(lang),
      category: longestName(lang, o.category),
      agency: ctx.agencyName ? inLang(ctx.agencyName, lang) : 'ن'.repeat(40),
      followup: '9999',
      crisisLine: '9'.repeat(20),
    });
    for (const rule of ctx.textRules ?? [DEFAULT_TEXT_RULE]) {
      const weight = rule.length(worst);
      if (weight > rule.max)
        problems.push(
          src.problemAt(
            at,
            `too long: the worst case is ${weight} ${rule.unit}, ${rule.label} allows ${rule.max} (shorten by ${weight - rule.max}); it assumes a ${MAX_NAME}-character {{name}}, {{ticket}} ${WORST_TICKET} and {{due}} "${longestDue(lang)}"`,
          ),
        );
    }
  };
  // Every language the template is written in (ar and en always, others such as ur if given).
  const each = (b: Bilingual, at: YamlPath, o: { category?: string; due: boolean }) => {
    for (const [lang, text] of langTexts(b)) check(text, [...at, lang], lang, o);
  };

  each(y.urgent, ['urgent'], { due: true });
  if (y.integrity) each(y.integrity, ['integrity'], { due: true });
  if (y.crisis?.selfHarm) each(y.crisis.selfHarm, ['crisis', 'selfHarm'], { due: false });
  if (y.crisis?.threat) each(y.crisis.threat, ['crisis', 'threat'], { due: false });
  each(y.resolved, ['resolved'], { due: false });
  // Follow-up replies: several may go to one ticket, so {{followup}} keeps each one unique.
  const f = y.followUps;
  const followUps = f && { ...f, status: f.status };
  if (followUps)
    for (const [key, b] of [
      ['repeat', followUps.repeat],
      ['status.open', followUps.status.open],
      ['status.claimed', followUps.status.claimed],
      ['status.late', followUps.status.late],
      ['status.resolved', followUps.status.resolved],
      ['reopened', followUps.reopened],
      ['update', followUps.update],
    ] as const) {
      const at = ['followUps', ...key.split('.')];
      each(b, at, { due: FOLLOW_UP_HAS_DUE[key]! });
      for (const [lang, text] of langTexts(b))
        if (!scanVariables(text).used.has('followup'))
          problems.push(
            src.problemAt(
              [...at, lang],
              'missing {{followup}}: one ticket can get several follow-up replies, and X refuses two identical posts',
            ),
          );
    }
  const closesItself = (id: string) => id === 'praise';
  for (const [id, c] of Object.entries(y.categories)) {
    each(c.ack, ['categories', id, 'ack'], { category: id, due: !closesItself(id) });
    if (c.afterHours)
      each(c.afterHours, ['categories', id, 'afterHours'], { category: id, due: !closesItself(id) });
    for (const [aid, a] of Object.entries(c.answers ?? {}))
      each(a.text, ['categories', id, 'answers', aid, 'text'], { category: id, due: false });
  }

  if (ctx.categories) {
    const ids = ctx.categories.map((c) => c.id);
    for (const id of Object.keys(y.categories))
      if (!ids.includes(id))
        problems.push(
          src.problemAt(
            ['categories', id],
            `unknown category '${id}'${hint(id, ids)}; categories.yml defines: ${ids.join(', ')}`,
            { key: true },
          ),
        );
    for (const id of ids)
      if (!y.categories[id])
        problems.push(
          src.problemAt(['categories'], `missing templates for category '${id}' (ack in ar and en)`, {
            key: true,
          }),
        );
  }
  if (!y.categories.other)
    problems.push(
      src.problemAt(
        ['categories'],
        "missing templates for 'other': the generic acknowledgement when a person must triage",
        { key: true },
      ),
    );

  if (problems.length) return { problems: sortProblems(problems) };
  const categories: Templates['categories'] = {};
  for (const [id, c] of Object.entries(y.categories))
    categories[id] = {
      ack: c.ack,
      ...(c.afterHours ? { afterHours: c.afterHours } : {}),
      answers: c.answers ?? {},
    };
  return {
    problems,
    templates: {
      urgent: y.urgent,
      ...(y.integrity ? { integrity: y.integrity } : {}),
      ...(y.crisis ? { crisis: y.crisis } : {}),
      resolved: y.resolved,
      ...(y.followUps ? { followUps: y.followUps } : {}),
      categories,
      categoryNames: names,
    },
  };
}

/** Reads <dir>/templates.yml (with categories.yml and agency.yml beside it for names and
 *  coverage, when they parse); throws RuleFileError with every problem. */
export function loadTemplates(dir: string, ctx?: TemplateContext): Templates {
  const { templates, problems } = compileTemplates(
    parseYamlFile(path.join(dir, TEMPLATES_FILE)),
    ctx ?? siblings(dir),
  );
  if (!templates) throw new RuleFileError(problems);
  return templates;
}

function siblings(dir: string): TemplateContext {
  const cats = parseYamlFile(path.join(dir, 'categories.yml')).data as { categories?: Category[] } | null;
  const agency = parseYamlFile(path.join(dir, 'agency.yml')).data as { displayName?: Bilingual } | null;
  const categories = Array.isArray(cats?.categories)
    ? cats.categories.filter((c) => c?.id && c.names)
    : undefined;
  return {
    ...(categories?.length ? { categories } : {}),
    ...(agency?.displayName?.ar && agency.displayName.en ? { agencyName: agency.displayName } : {}),
  };
}

function packContext(pack: RulePack, textRules?: readonly TextRule[]): TemplateContext {
  const agency = pack.files.agency as { displayName?: Bilingual } | undefined;
  return {
    categories: pack.categories,
    ...(agency?.displayName ? { agencyName: agency.displayName } : {}),
    ...(textRules ? { textRules } : {}),
  };
}

/** Cross-file check for loadRulePack against the channels' length rules (default X's), and
 *  that agency.yml answers no language in one the templates are not written in. */
export function templatesCheckFor(textRules?: readonly TextRule[]): PackCheck {
  return (pack) => {
    const src = pack.sources[path.join(pack.dir, TEMPLATES_FILE)];
    if (!src) return [];
    const { templates, problems } = compileTemplates(src, packContext(pack, textRules));
    const agencySrc = pack.sources[path.join(pack.dir, 'agency.yml')];
    const given = (agencySrc?.data as { replyLanguages?: Record<string, unknown> } | null)?.replyLanguages;
    if (!templates || !agencySrc || !given || typeof given !== 'object') return problems;
    const written = templateLanguages(templates);
    for (const [detected, lang] of Object.entries(given))
      if (typeof lang === 'string' && !written.includes(lang))
        problems.push(
          agencySrc.problemAt(
            ['replyLanguages', detected],
            `'${lang}': templates.yml has no replies in it (written in: ${written.join(', ')}); add '${lang}:' to the urgent template and every category's ack, or answer ${detected} in one of those`,
          ),
        );
    return sortProblems(problems);
  };
}

/** Cross-file check for loadRulePack: templates for every category, lengths with real names. */
export const templatesCheck: PackCheck = templatesCheckFor();

export function templatesFromPack(pack: RulePack, textRules?: readonly TextRule[]): Templates {
  const file = path.join(pack.dir, TEMPLATES_FILE);
  const src = pack.sources[file];
  if (!src)
    throw new RuleFileError([{ file, line: 1, col: 1, message: 'missing: the pack needs templates.yml' }]);
  const { templates, problems } = compileTemplates(src, packContext(pack, textRules));
  if (!templates) throw new RuleFileError(problems);
  return templates;
}
