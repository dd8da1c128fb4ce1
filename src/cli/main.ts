#!/usr/bin/env node
// The `mujib` command. Each command lives in its own file under commands/ and registers
// itself here; errors reach the user as one clear (redacted) line, never a stack trace.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { redact } from '../log/redact';
import { registerCommands } from './commands';

// Commands throw UserError for one-line messages; re-exported for them.
export { UserError } from './errors';

export function buildProgram(): Command {
  const program = new Command('mujib')
    .description(
      'Mujib (مُجيب): answers citizens who tweet at a public agency, and queues what staff must handle.',
    )
    .version(packageVersion())
    .showHelpAfterError('(run "mujib --help" to see every command)');
  registerCommands(program);
  return program;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv = process.argv): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error & { exitCode?: number };
    const known = [
      'UserError',
      'ConfigError',
      'DatabaseError',
      'EmbeddedDbError',
      'RulesInvalidError',
    ].includes(err.name);
    console.error(`mujib: ${redact(known ? err.message : String(err.message ?? err))}`);
    if (!known && process.env.LOG_LEVEL === 'debug' && err.stack) console.error(redact(err.stack));
    process.exitCode = err.exitCode ?? (err.name === 'ConfigError' ? 2 : 1);
  }
}

if (require.main === module) void main();
