// Tickets whose classification staff corrected (triage), as candidate training examples.
// Read for `mujib training export`: staff review them into rules/training/ by hand.
import type { Store } from '../store/store';
import { mentionText, ticketsWithActionSince } from '../store/tickets';
import { TRIAGE_ACTION } from './triage';

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
export async function correctedTickets(store: Store, since: Date, until = new Date()): Promise<Correction[]> {
  const tickets = await ticketsWithActionSince(store, TRIAGE_ACTION, since);
  const out: Correction[] = [];
  for (const t of tickets) {
    const fixes = t.history.filter((h) => h.action === TRIAGE_ACTION && h.at >= since && h.at < until);
    const last = fixes.at(-1);
    if (!last) continue;
    const first = t.history.find((h) => h.action === TRIAGE_ACTION && /category \S+ → /.test(h.detail ?? ''));
    const originalCategory = /category (\S+) → /.exec(first?.detail ?? '')?.[1] ?? t.category;
    const text = await mentionText(store, t.mentionId);
    if (!text?.trim()) continue;
    out.push({
      ref: t._id,
      text,
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
