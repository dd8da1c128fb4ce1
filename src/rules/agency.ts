// Loads rules/agency.yml into the shape the SLA clock and the replies use: hours as minute
// intervals, holidays as inclusive date ranges, handles without '@'.
import path from 'node:path';
import { parseYamlFile, validateWithSchema, type Problem, type YamlSource } from './yaml-source';
import type { Category, PackCheck, RulePack } from './pack';
import { hint, sortProblems } from './problem';
import { agencySchema } from './schemas/agency';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../sla/zone';
import type { InLangs, ReplyLang } from '../text/lang';
import type { Interval, WorkingCalendar } from '../sla/types';

export interface Agency extends WorkingCalendar {
  handle: string;
  displayName: InLangs<string>;
  defaultLanguage: ReplyLang;
  /** Which reply language answers each detected language (issue 13); see chooseReplyLang.
   *  The policy completes it with the languages the templates are written in. */
  replyLanguages: Record<string, ReplyLang>;
  /** What agency.yml itself says (replyLanguages), before defaults. */
  replyLanguagesGiven: Record<string, ReplyLang>;
  /** Lower-case handles without '@'. */
  ignoreAccounts: string[];
  afterHours: { useAfterHoursTemplates: boolean };
}

/** Arabizi readers read Arabic; Urdu, Persian, Pashto, Hindi, Bengali and Tagalog speakers in
 *  Saudi cities mostly read English better than Arabic (issue 13). */
export const DEFAULT_REPLY_LANGUAGES: Record<string, ReplyLang> = {
  ar: 'ar',
  en: 'en',
  arabizi: 'ar',
  ur: 'en',
  fa: 'en',
  ps: 'en',
  hi: 'en',
  bn: 'en',
  tl: 'en',
};

/** Pure: the full mapping — the defaults, then every language the templates are written in
 *  answering in itself (a pack with Urdu templates answers Urdu in Urdu), then what the agency
 *  wrote in agency.yml, which always wins. */
export function replyLanguagesFor(
  given: Record<string, ReplyLang>,
  writtenIn: readonly ReplyLang[],
): Record<string, ReplyLang> {
  const own = Object.fromEntries(writtenIn.filter((l) => l !== 'ar' && l !== 'en').map((l) => [l, l]));
  return { ...DEFAULT_REPLY_LANGUAGES, ...own, ...given };
}

export class RuleFileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
    this.name = 'RuleFileError';
  }
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

interface AgencyYaml {
  handle: string;
  displayName: InLangs<string>;
  timeZone?: string;
  defaultLanguage?: ReplyLang;
  replyLanguages?: Record<string, ReplyLang>;
  workingHours: Partial<Record<(typeof WEEKDAYS)[number], string[]>>;
  specialHours?: { name: string; from: string; to: string; hours: string[] }[];
  holidays?: { name: string; date?: string; from?: string; to?: string; approximate?: boolean }[];
  sla: { defaultHours: number; urgentHours?: number; categories?: Record<string, number> };
  ignoreAccounts?: string[];
  afterHours?: { useAfterHoursTemplates?: boolean };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function parseRange(text: string): Interval {
  const [a, b] = text.split('-') as [string, string];
  return [minutes(a), minutes(b)];
}

/** Problems + agency from an already-parsed source (schema-checked here). */
export function compileAgency(
  src: YamlSource,
  categories?: readonly Category[],
): { agency?: Agency; problems: Problem[] } {
  const problems = [...src.problems, ...validateWithSchema(src, agencySchema)];
  if (problems.length) return { problems };
  const y = src.data as AgencyYaml;

  const tz = y.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(tz))
    problems.push(src.problemAt(['timeZone'], `unknown time zone '${tz}' (e.g. Asia/Riyadh)`));

  const checkHours = (list: string[], at: (string | number)[]): Interval[] => {
    const out = list.map(parseRange);
    out.forEach(([a, b], i) => {
      if (b <= a) problems.push(src.problemAt([...at, i], `'${list[i]}' ends before it starts`));
    });
    const sorted = [...out].sort((p, q) => p[0] - q[0]);
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]![0] < sorted[i - 1]![1])
        problems.push(src.problemAt(at, 'working periods of one day overlap'));
    return sorted;
  };

  const week = WEEKDAYS.map((d) => checkHours(y.workingHours[d] ?? [], ['workingHours', d]));
  if (week.every((w) => w.length === 0))
    problems.push(
      src.problemAt(['workingHours'], 'no working hours on any day: SLA deadlines could never be met'),
    );

  const range = (r: { from?: string; to?: string; date?: string }, at: (string | number)[]) => {
    const from = r.date ?? r.from;
    const to = r.date ?? r.to;
    if (r.date && (r.from || r.to)) problems.push(src.problemAt(at, 'give either date or from/to, not both'));
    if (!from || !to) problems.push(src.problemAt(at, 'a holiday needs a date, or both from and to'));
    else if (to < from)
      problems.push(src.problemAt([...at, 'to'], `'to' (${to}) is before 'from' (${from})`));
    return { from: from ?? '', to: to ?? '' };
  };

  const specialHours = (y.specialHours ?? []).map((s, i) => ({
    name: s.name,
    ...range(s, ['specialHours', i]),
    hours: checkHours(s.hours, ['specialHours', i, 'hours']),
  }));
  const holidays = (y.holidays ?? []).map((h, i) => ({
    name: h.name,
    ...range(h, ['holidays', i]),
    approximate: h.approximate ?? false,
  }));

  if (categories) {
    const ids = categories.map((c) => c.id);
    for (const c of Object.keys(y.sla.categories ?? {}))
      if (!ids.includes(c)) {
        const msg = `unknown category '${c}'${hint(c, ids)}; categories.yml defines: ${ids.join(', ')}`;
        problems.push(src.problemAt(['sla', 'categories', c], msg, { key: true }));
      }
  }

  if (problems.length) return { problems: sortProblems(problems) };
  return {
    problems,
    agency: {
      handle: y.handle.replace(/^@/, ''),
      displayName: y.displayName,
      timeZone: tz,
      defaultLanguage: y.defaultLanguage ?? 'ar',
      replyLanguages: replyLanguagesFor(y.replyLanguages ?? {}, []),
      replyLanguagesGiven: y.replyLanguages ?? {},
      week,
      specialHours,
      holidays,
      sla: {
        defaultHours: y.sla.defaultHours,
        urgentHours: y.sla.urgentHours ?? 4,
        categories: y.sla.categories ?? {},
      },
      ignoreAccounts: (y.ignoreAccounts ?? []).map((h) => h.replace(/^@/, '').toLowerCase()),
      afterHours: { useAfterHoursTemplates: y.afterHours?.useAfterHoursTemplates ?? true },
    },
  };
}

export const AGENCY_FILE = 'agency.yml';

/** Reads <dir>/agency.yml alone; throws RuleFileError listing every problem with file:line:col. */
export function loadAgency(dir: string, opts: { categories?: readonly Category[] } = {}): Agency {
  const { agency, problems } = compileAgency(parseYamlFile(path.join(dir, AGENCY_FILE)), opts.categories);
  if (!agency) throw new RuleFileError(problems);
  return agency;
}

/** Cross-file check for loadRulePack: SLA category ids must exist in categories.yml. */
export const agencyCheck: PackCheck = (pack) => {
  const src = pack.sources[path.join(pack.dir, AGENCY_FILE)];
  return src ? compileAgency(src, pack.categories).problems : [];
};

export function agencyFromPack(pack: RulePack): Agency {
  const src = pack.sources[path.join(pack.dir, AGENCY_FILE)];
  if (!src)
    throw new RuleFileError([
      { file: path.join(pack.dir, AGENCY_FILE), line: 1, col: 1, message: 'missing' },
    ]);
  const { agency, problems } = compileAgency(src, pack.categories);
  if (!agency) throw new RuleFileError(problems);
  return agency;
}
