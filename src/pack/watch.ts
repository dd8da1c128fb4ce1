// Hot reload of the rules folder. Every change is debounced, then the whole pack is loaded
// again: a valid pack is handed over whole (onReload), an invalid one is reported with every
// problem (onInvalid) and the caller keeps its last good pack — never half-applied.
//
// fs.watch with `recursive` on Linux is emulated in JS on Node 20 and has missed events for
// new subfolders; plain watchers on the folder and each subfolder (training/) are reliable,
// and a rename-into-place save (how editors write) shows up as an event on the folder.
import fs from 'node:fs';
import path from 'node:path';
import { loadRulePack, type LoadOptions } from './load';
import type { RulePack } from '../rules/pack';
import { formatProblem, type Problem } from '../rules/problem';

export interface WatchOptions {
  onReload(pack: RulePack): void;
  onInvalid(problems: Problem[]): void;
  /** A callback above threw (reported, never thrown out of the timer). */
  onError?(e: Error): void;
  /** Quiet time after the last change before reloading (editors write in bursts). Default 300. */
  debounceMs?: number;
  load?: LoadOptions;
}

export interface RulesWatcher {
  close(): void;
}

export function watchRules(dir: string, opts: WatchOptions): RulesWatcher {
  const debounceMs = opts.debounceMs ?? 300;
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // What was last applied or reported: the same state is not announced twice.
  const first = loadRulePack(dir, opts.load);
  let lastState = first.pack
    ? `ok:${first.pack.hash}`
    : `bad:${first.problems.map(formatProblem).join('\n')}`;

  // Runs on a timer: nothing may escape it (an exception here would end the process).
  const reload = () => {
    timer = undefined;
    if (closed) return;
    let result: { pack?: RulePack; problems: Problem[] };
    try {
      watchSubfolders();
      result = loadRulePack(dir, opts.load);
    } catch (e) {
      // A loader bug, not a staff mistake: still only a report, the last good rules stay.
      result = {
        problems: [
          { file: dir, line: 1, col: 1, message: `the rules could not be loaded: ${(e as Error).message}` },
        ],
      };
    }
    const { pack, problems } = result;
    const state = pack ? `ok:${pack.hash}` : `bad:${problems.map(formatProblem).join('\n')}`;
    if (state === lastState) return;
    lastState = state;
    try {
      if (pack) opts.onReload(pack);
      else opts.onInvalid(problems);
    } catch (e) {
      opts.onError?.(e as Error);
    }
  };
  const changed = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  };
  const watch = (d: string) => {
    if (watchers.has(d)) return;
    try {
      const w = fs.watch(d, { persistent: false }, changed);
      w.on('error', () => {
        // The folder went away (deleted or renamed): forget it; the next event re-scans.
        w.close();
        watchers.delete(d);
        changed();
      });
      watchers.set(d, w);
    } catch {
      // Not there (yet): picked up on the next scan.
    }
  };
  const watchSubfolders = () => {
    try {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }))
        if (e.isDirectory() && !e.name.startsWith('.')) watch(path.join(dir, e.name));
    } catch {
      // The rules folder itself is gone: loadRulePack reports it.
    }
  };
  watch(dir);
  watchSubfolders();

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
