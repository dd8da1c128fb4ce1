// The rules the running bot uses: loaded whole, swapped whole. A valid edit in rules/ takes
// effect within seconds; an invalid one is logged with path:line:col and the last good rules
// stay in force (never half-applied). The model retrains when the training files change.
import type { Logger } from '../log';
import { loadRulePack } from '../pack/load';
import type { RulePack } from '../rules/pack';
import { formatProblem, type Problem } from '../rules/problem';
import { RulesInvalidError } from './errors';
import { watchRules } from '../pack/watch';
import type { ExplainingClassifier } from '../classify/classifier';
import { classifierFor } from './classifier';
import { policyFromPack, type Policy } from './policy';

export interface ActiveRules {
  pack: RulePack;
  classifier: ExplainingClassifier;
  policy: Policy;
  modelRetrained: boolean;
}

/** Whether the rules on disk are the ones in force: shown in /healthz and as a console banner. */
export interface RulesStatus {
  ok: boolean;
  /** When the rules on disk stopped being usable (the last good rules are in force since). */
  invalidSince?: Date;
  /** Every problem as `file:line:col: message`, when not ok. */
  problems: string[];
}

export interface RulesRuntime {
  current(): ActiveRules;
  status(): RulesStatus;
  close(): void;
}

const MAX_SHOWN_PROBLEMS = 20;

export async function buildRules(pack: RulePack, dataDir: string, log: Logger): Promise<ActiveRules> {
  const policy = policyFromPack(pack);
  // One builder for the bot, the CLI, simulate and the console (issue 13): same model, same
  // urgency model, same triage threshold (escalation.yml triage.minConfidence).
  const { classifier, model } = await classifierFor(pack, {
    dataDir,
    log,
    onProgress: (done: number, total: number) => log.info(`Training the model: ${done}/${total} examples`),
  });
  return { pack, classifier, policy, modelRetrained: model?.retrained ?? false };
}

export async function loadRules(dir: string, dataDir: string, log: Logger): Promise<ActiveRules> {
  const { pack, problems } = loadRulePack(dir);
  if (!pack) throw new RulesInvalidError(problems);
  return buildRules(pack, dataDir, log);
}

export async function startRulesRuntime(
  dir: string,
  dataDir: string,
  log: Logger,
  opts: { watch?: boolean; debounceMs?: number } = {},
): Promise<RulesRuntime> {
  let active = await loadRules(dir, dataDir, log);
  let generation = 0;
  let status: RulesStatus = { ok: true, problems: [] };
  const failed = (problems: string[]) => {
    status = {
      ok: false,
      invalidSince: status.invalidSince ?? new Date(),
      problems: problems.slice(0, MAX_SHOWN_PROBLEMS),
    };
  };
  const watcher =
    opts.watch === false
      ? undefined
      : watchRules(dir, {
          debounceMs: opts.debounceMs ?? 500,
          onReload: (pack: RulePack) => {
            const mine = ++generation;
            buildRules(pack, dataDir, log)
              .then((next) => {
                // A slower, older reload must not overwrite a newer one.
                if (mine !== generation) return;
                active = next;
                status = { ok: true, problems: [] };
                log.info(
                  `Rules reloaded from ${dir} (${pack.rules.length} rules${next.modelRetrained ? ', model retrained' : ''})`,
                );
              })
              .catch((e: Error) => {
                if (mine !== generation) return;
                failed([`${dir}: ${e.message}`]);
                log.error(`Rules reload failed, keeping the last good rules: ${e.message}`);
              });
          },
          onInvalid: (problems: Problem[]) => {
            ++generation; // a build still running for an earlier edit must not apply now
            failed(problems.map(formatProblem));
            log.error(
              `Rules in ${dir} are invalid; keeping the last good rules:\n${problems.map(formatProblem).join('\n')}`,
            );
          },
          onError: (e: Error) => log.error(`Rules reload failed, keeping the last good rules: ${e.message}`),
        });
  return { current: () => active, status: () => status, close: () => watcher?.close() };
}
