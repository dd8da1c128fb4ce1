// Every `mujib` command, in the order --help lists them. One file per command (or group).
import type { Command } from 'commander';
import { registerDb } from './db';
import { registerSandbox } from './sandbox';
import { registerX } from './x';
import { registerConfig } from './config';
import { registerStart } from './start';
import { registerSimulate } from './simulate';
import { registerRules } from './rules';
import { registerClassify } from './classify';
import { registerTry } from './try';
import { registerTrain } from './train';
import { registerEval } from './eval';
import { registerConsole } from './console';
import { registerStaff } from './staff';
import { registerQueue } from './queue';
import { registerTraining } from './training';
import { registerBackup } from './backup';
import { registerCitizen } from './citizen';

export function registerCommands(program: Command): void {
  registerStart(program);
  registerSimulate(program);
  registerRules(program);
  registerClassify(program);
  registerTry(program);
  registerTrain(program);
  registerEval(program);
  registerConsole(program);
  registerQueue(program);
  registerTraining(program);
  registerStaff(program);
  registerBackup(program);
  registerCitizen(program);
  registerConfig(program);
  registerDb(program);
  registerSandbox(program);
  registerX(program);
}
