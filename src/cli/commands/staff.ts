// `mujib staff add|list|remove|passwd`: the accounts that may sign in to the staff console.
// Passwords are typed twice without echo on a terminal, or read from stdin when piped
// (`echo "$PW" | mujib staff add sara`); they never appear in arguments or logs.
import type { Command } from 'commander';
import { loadEnvConfig, openConfiguredDatabase } from '../../app/setup';
import { UserError } from '../errors';
import { removeStaff, setStaffPassword, StaffError } from '../../console/auth/staff';
import { addStaffWithRole, isRole, setRole, staffWithRoles, type Role } from '../../console/auth/roles';
import type { Store } from '../../store/store';

/** Reads one line from a terminal with echo off (Ctrl-C aborts). */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UserError('cancelled', 130));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const pw = await readStdin();
    if (!pw) throw new UserError('no password on stdin (pipe one line, or run on a terminal to be asked)');
    return pw;
  }
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new UserError('the two passwords differ; nothing changed');
  return first;
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const cfg = loadEnvConfig();
  const db = await openConfiguredDatabase(cfg, { quietBuild: true });
  try {
    return await fn(db.store);
  } catch (e) {
    if (e instanceof StaffError) throw new UserError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

export function registerStaff(program: Command): void {
  const staff = program.command('staff').description('manage who can sign in to the staff console');

  staff
    .command('add <name>')
    .description('add a staff member (asks for the password twice, or reads one line from stdin)')
    .option(
      '--role ROLE',
      'agent (works tickets) or supervisor (also manages staff, reads the audit); default agent, the first account supervisor',
    )
    .action(async (name: string, opts: { role?: string }) => {
      if (opts.role !== undefined && !isRole(opts.role)) throw new UserError('--role is agent or supervisor');
      const password = await readNewPassword();
      const added = await withStore((m) =>
        addStaffWithRole(m, name, password, opts.role as Role | undefined),
      );
      console.log(`Added ${added.name} (${added.role}). They can sign in to the console now.`);
    });

  staff
    .command('role <name> <role>')
    .description('make a staff member an agent or a supervisor')
    .action(async (name: string, role: string) => {
      if (!isRole(role)) throw new UserError('the role is agent or supervisor');
      await withStore((m) => setRole(m, name, role));
      console.log(`${name} is now ${role === 'agent' ? 'an agent' : 'a supervisor'}.`);
    });

  staff
    .command('passwd <name>')
    .description("set a staff member's password (signs them out everywhere)")
    .action(async (name: string) => {
      const password = await readNewPassword();
      await withStore((m) => setStaffPassword(m, name, password));
      console.log(`Password of ${name} changed; their open sessions are ended.`);
    });

  staff
    .command('list')
    .description('list staff accounts')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const list = await withStore((m) => staffWithRoles(m));
      if (opts.json) return console.log(JSON.stringify(list, null, 2));
      if (!list.length) return console.log('No staff accounts yet. Add one: mujib staff add NAME');
      for (const s of list)
        console.log(
          `${s.name.padEnd(24)} ${s.role.padEnd(10)} added ${s.createdAt.toISOString().slice(0, 10)}  last sign-in ${s.lastSignInAt ? s.lastSignInAt.toISOString().replace(/\.\d+Z$/, 'Z') : 'never'}`,
        );
    });

  staff
    .command('remove <name>')
    .description('remove a staff account and end its sessions (their ticket history stays)')
    .action(async (name: string) => {
      const removed = await withStore((m) => removeStaff(m, name));
      if (!removed) throw new UserError(`no staff member named "${name}"`);
      console.log(`Removed ${name}.`);
    });
}
