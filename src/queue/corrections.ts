// Tickets whose classification staff corrected (triage), as candidate training examples.
// Read for `mujib training export`: staff review them into rules/training/ by hand.
import type { Models } from '../store/models';
import { TRIAGE_ACTION } from './triage';
import type { Ticket } from './types';

export interface Correction {
  ref: string;
  text: string;
  /** The category the ticket ended with (after every correction). */
  category: string;
  /** What the bot had decided first. */
  originalCategory: string;
  urgent: boolean;
  by: string;
  at: Date;
  reason: string;
}

/** Corrections made at or after `since` (an offline export: it may read every ticket). */
export async function correctedTickets(
  models: Models,
  since: Date,
  until = new Date(),
): Promise<Correction[]> {
  const tickets = await models.Ticket.find(
    { 'history.action': TRIAGE_ACTION, updatedAt: { $gte: since } },
    { mentionId: 1, category: 1, urgent: 1, history: 1 },
  )
    .sort({ _id: 1 })
    .lean<Ticket[]>();
  const out: Correction[] = [];
  for (const t of tickets) {
    const fixes = t.history.filter((h) => h.action === TRIAGE_ACTION && h.at >= since && h.at < until);
    const last = fixes.at(-1);
    if (!last) continue;
    const first = t.history.find((h) => h.action === TRIAGE_ACTION && /category \S+ → /.test(h.detail ?? ''));
    const originalCategory = /category (\S+) → /.exec(first?.detail ?? '')?.[1] ?? t.category;
    const m = await models.Mention.findById(t.mentionId, { text: 1 }).lean();
    if (typeof m?.text !== 'string' || !m.text.trim()) continue;
    out.push({
      ref: t._id,
      text: m.text,
      category: t.category,
      originalCategory,
      urgent: Boolean(t.urgent),
      by: last.by,
      at: last.at,
      reason: /— (.*)$/s.exec(last.detail ?? '')?.[1] ?? '',
    });
  }
  return out;
}

/** YAML documents in the shape of rules/training/<category>.yml, one per category, commented. */
export function correctionsAsTrainingYaml(list: Correction[], exportedAt = new Date()): string {
  const q = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim());
  const byCat = new Map<string, Correction[]>();
  for (const c of list) byCat.set(c.category, [...(byCat.get(c.category) ?? []), c]);
  const docs = [...byCat.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cat, cs]) =>
      [
        `# Review, then add to rules/training/${cat}.yml (examples:)`,
        `category: ${cat}`,
        'examples:',
        ...cs.flatMap((c) => [
          `  # ${c.ref}: was ${c.originalCategory}; ${c.by}, ${c.at.toISOString().slice(0, 10)}${c.reason ? `: ${c.reason.replace(/\s+/g, ' ')}` : ''}`,
          `  - ${q(c.text)}`,
        ]),
      ].join('\n'),
    );
  const head = `# Staff corrections exported ${exportedAt.toISOString()} by \`mujib training export\` (${list.length}).\n# Nothing here is used until staff copy it into rules/training/.`;
  return `${[head, ...docs].join('\n---\n')}\n`;
}
