// The rules the running bot uses: loaded whole, swapped whole. A valid edit in rules/ takes
// effect within seconds; an invalid one is logged with path:line:col and the last good rules
// stay in force (never half-applied). The model retrains when the training files change.
import type { Logger } from '../log';
import { loadRulePack } from '../rules/load';
import type { RulePack } from '../rules/pack';
import { formatProblem, type Problem } from '../rules/problem';
import { watchRules } from '../rules/watch';
import { ensureModel } from '../classify/model-store';
import { createClassifier, type ExplainingClassifier } from '../classify/classifier';
import { policyFromPack, type Policy } from './policy';

export class RulesInvalidError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The rules are invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'UserError';
  }
}

export interface ActiveRules {
  pack: RulePack;
  classifier: ExplainingClassifier;
  policy: Policy;
  modelRetrained: boolean;
}

export interface RulesRuntime {
  current(): ActiveRules;
  close(): void;
}

export async function buildRules(pack: RulePack, dataDir: string, log: Logger): Promise<ActiveRules> {
  const policy = policyFromPack(pack);
  const { model, retrained } = await ensureModel({
    rulesDir: pack.dir,
    dataDir,
    log,
    onProgress: (done: number, total: number) => log.info(`Training the model: ${done}/${total} examples`),
  });
  const classifier = createClassifier({ pack, model, threshold: policy.escalation.triage.minConfidence });
  return { pack, classifier, policy, modelRetrained: retrained };
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
                log.info(
                  `Rules reloaded from ${dir} (${pack.rules.length} rules${next.modelRetrained ? ', model retrained' : ''})`,
                );
              })
              .catch((e: Error) =>
                log.error(`Rules reload failed, keeping the last good rules: ${e.message}`),
              );
          },
          onInvalid: (problems: Problem[]) => {
            log.error(
              `Rules in ${dir} are invalid; keeping the last good rules:\n${problems.map(formatProblem).join('\n')}`,
            );
          },
        });
  return { current: () => active, close: () => watcher?.close() };
}
