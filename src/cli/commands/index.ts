// Every `mujib` command, in the order --help lists them. One file per command (or group).
import type { Command } from 'commander';
import { registerDb } from './db';
import { registerConfig } from './config';
import { registerStart } from './start';
import { registerSimulate } from './simulate';

export function registerCommands(program: Command): void {
  registerStart(program);
  registerSimulate(program);
  registerConfig(program);
  registerDb(program);
}
