// Last resort for real bugs: an exception nothing caught, or a promise rejection nobody
// handled. Staff mistakes (a bad rules file, a bad setting) never get here: they are reported
// where they happen and the bot carries on. Here the process logs what happened, stops the
// embedded database (so no server is left running on the data folder) and exits with 1.
import type { Logger } from '../log';

export function installCrashHandlers(log: Logger, cleanup: () => Promise<void>, timeoutMs = 10_000): void {
  let crashing = false;
  const crash = (kind: string, e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    log.error(
      `Stopping after an unexpected error (${kind}), a bug worth reporting: ${err.stack ?? err.message}`,
    );
    if (crashing) return;
    crashing = true;
    process.exitCode = 1;
    const timer = setTimeout(() => process.exit(1), timeoutMs);
    timer.unref();
    cleanup()
      .catch((c: Error) => log.error(`Cleanup after the error failed: ${c.message}`))
      .finally(() => process.exit(1));
  };
  process.on('uncaughtException', (e) => crash('uncaught exception', e));
  process.on('unhandledRejection', (e) => crash('unhandled promise rejection', e));
}
