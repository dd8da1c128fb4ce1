// winston logger: JSON lines in production (or when piped), readable coloured lines in a
// terminal. Every message and field passes through redact() on the way out.
import winston from 'winston';
import { redact, redactDeep } from './redact';

const redactFormat = winston.format((info) => {
  // logger.error(err): winston passes the Error itself, whose message is not enumerable.
  if (info instanceof Error) {
    const { message, stack } = info;
    info = Object.assign({}, info, { message, stack });
  }
  const out = info as winston.Logform.TransformableInfo & Record<string, unknown>;
  if (typeof out.message === 'string') out.message = redact(out.message);
  else out.message = redactDeep(out.message);
  for (const key of Object.keys(out)) {
    if (key === 'level' || key === 'message') continue;
    out[key] = redactDeep(out[key]);
  }
  return out;
});

export type LogFormat = 'auto' | 'json' | 'pretty';

export interface LogOptions {
  level?: string;
  format?: LogFormat;
  production?: boolean;
  stream?: NodeJS.WritableStream;
}

function pretty(): winston.Logform.Format {
  return winston.format.combine(
    winston.format.colorize(),
    winston.format.timestamp({ format: 'HH:mm:ss' }),
    winston.format.printf((info) => {
      const { level, message, timestamp, ...rest } = info as Record<string, unknown>;
      const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
      return `${String(timestamp)} ${String(level)} ${String(message)}${extra}`;
    }),
  );
}

export function createLogger(opts: LogOptions = {}): winston.Logger {
  const stream = opts.stream ?? process.stderr;
  const tty = Boolean((stream as NodeJS.WriteStream).isTTY);
  const json = opts.format === 'json' || (opts.format !== 'pretty' && (opts.production || !tty));
  return winston.createLogger({
    level: opts.level ?? 'info',
    format: winston.format.combine(
      redactFormat(),
      json ? winston.format.combine(winston.format.timestamp(), winston.format.json()) : pretty(),
    ),
    transports: [new winston.transports.Stream({ stream })],
  });
}

/** The process-wide logger; configureLogger() replaces its settings once config is read. */
export const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });

export function configureLogger(opts: LogOptions): void {
  const fresh = createLogger(opts);
  log.configure({ level: fresh.level, format: fresh.format, transports: fresh.transports });
}

export type Logger = winston.Logger;
