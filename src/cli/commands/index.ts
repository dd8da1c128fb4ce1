// Every `mujib` command, in the order --help lists them. One file per command (or group).
import type { Command } from 'commander';
import { registerDb } from './db';
import { registerConfig } from './config';

export function registerCommands(program: Command): void {
  registerConfig(program);
  registerDb(program);
}
