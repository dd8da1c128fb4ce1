// The one error for a rule pack that cannot be used: thrown by the builder and the runtime
// alike, printed by the CLI as its message alone (it is something staff can act on).
import { formatProblem, type Problem } from '../rules/problem';

export class RulesInvalidError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the rules:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'RulesInvalidError';
  }
}
