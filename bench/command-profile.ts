// Where the database time goes: every command the driver sends, grouped by command,
// collection and the shape of its filter, with count and total/mean time.
import type { Connection } from 'mongoose';

interface Row {
  n: number;
  ms: number;
}

type Doc = Record<string, unknown>;

/** The filter's keys (with their operators), values dropped: `{_id}`, `{_id:$regex}`, `{status,$or}`. */
function shape(filter: unknown): string {
  if (!filter || typeof filter !== 'object') return '';
  const keys = Object.entries(filter as Doc).map(([k, v]) => {
    const ops =
      v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? Object.keys(v as Doc) : [];
    return ops.length && ops.every((o) => o.startsWith('$')) ? `${k}:${ops.join(':')}` : k;
  });
  return `{${keys.join(',')}}`;
}

function describe(cmd: Doc, name: string): string {
  const coll = String(cmd[name] ?? '');
  switch (name) {
    case 'find':
    case 'count':
    case 'delete':
      return `${name} ${coll} ${shape(cmd.filter ?? cmd.query ?? (cmd.deletes as Doc[] | undefined)?.[0]?.q)}`;
    case 'update':
      return `update ${coll} ${shape((cmd.updates as Doc[] | undefined)?.[0]?.q)}`;
    case 'findAndModify':
      return `findAndModify ${coll} ${shape(cmd.query)}`;
    case 'aggregate':
      return `aggregate ${coll}`;
    default:
      return `${name} ${coll}`;
  }
}

export function profileCommands(conn: Connection): () => string {
  const started = new Map<number, string>();
  const rows = new Map<string, Row>();
  const client = conn.getClient();
  client.on('commandStarted', (e) => started.set(e.requestId, describe(e.command as Doc, e.commandName)));
  const done = (e: { requestId: number; duration: number }) => {
    const key = started.get(e.requestId) ?? '?';
    started.delete(e.requestId);
    const row = rows.get(key) ?? { n: 0, ms: 0 };
    row.n++;
    row.ms += e.duration;
    rows.set(key, row);
  };
  client.on('commandSucceeded', done);
  client.on('commandFailed', done);
  return () =>
    [...rows.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25)
      .map(
        ([k, r]) =>
          `${(r.ms / 1000).toFixed(1).padStart(8)} s ${String(r.n).padStart(7)}× ${(r.ms / r.n).toFixed(2).padStart(8)} ms  ${k}`,
      )
      .join('\n');
}
