// The one list of environment variables Mujib reads. Validation, .env.example and the
// README's configuration table all follow it (test/config.test.ts keeps them in step).
import { isIP } from 'node:net';
import cron from 'node-cron';

export type Parsed = string | number | boolean | string[] | undefined;

export interface Variable<T extends Parsed = Parsed> {
  name: string;
  description: string;
  /** Default as written in .env (undefined: no default, the variable is optional or required). */
  default?: string;
  example: string;
  required?: boolean;
  secret?: boolean;
  parse: (raw: string) => T;
}

class BadValue extends Error {}

const int =
  (min: number, max: number) =>
  (raw: string): number => {
    if (!/^-?\d+$/.test(raw.trim())) throw new BadValue(`must be a whole number (got "${raw}")`);
    const n = Number(raw);
    if (n < min || n > max) throw new BadValue(`must be between ${min} and ${max} (got ${n})`);
    return n;
  };

const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string): T => {
    if (!(values as string[]).includes(raw))
      throw new BadValue(`must be one of ${values.join(', ')} (got "${raw}")`);
    return raw as T;
  };

const text = (raw: string): string => raw;

const url = (raw: string): string => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new BadValue('must be an absolute URL such as https://api.x.com');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new BadValue('must start with http:// or https://');
  return raw.replace(/\/+$/, '');
};

const mongoUri = (raw: string): string => {
  if (!/^mongodb(\+srv)?:\/\/\S+$/.test(raw))
    throw new BadValue('must start with mongodb:// or mongodb+srv://');
  return raw;
};

const cronExpr = (raw: string): string => {
  if (!cron.validate(raw)) throw new BadValue(`is not a valid cron expression (got "${raw}")`);
  return raw;
};

const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((s) => s.trim().replace(/^@/, '').toLowerCase())
    .filter(Boolean);

const bool = (raw: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new BadValue(`must be true or false (got "${raw}")`);
};

const smtpUrl = (raw: string): string => {
  if (!/^smtps?:\/\/\S+$/.test(raw)) throw new BadValue('must start with smtp:// or smtps://');
  return raw;
};

export { BadValue };

export const variables = {
  NODE_ENV: {
    name: 'NODE_ENV',
    description: 'production switches logs to JSON lines; anything else keeps readable lines in a terminal.',
    default: 'development',
    example: 'production',
    parse: oneOf('development', 'production', 'test'),
  },
  LOG_LEVEL: {
    name: 'LOG_LEVEL',
    description: 'Lowest level written to the log.',
    default: 'info',
    example: 'debug',
    parse: oneOf('error', 'warn', 'info', 'debug'),
  },
  LOG_FORMAT: {
    name: 'LOG_FORMAT',
    description: 'auto: JSON lines in production or when not a terminal, coloured lines otherwise.',
    default: 'auto',
    example: 'json',
    parse: oneOf('auto', 'json', 'pretty'),
  },
  MONGODB_URI: {
    name: 'MONGODB_URI',
    description:
      'MongoDB connection string. Unset: Mujib builds and starts an embedded FerretDB (needs Go) in MUJIB_DATA_DIR.',
    example: 'mongodb://mujib:secret@db.example.gov.sa:27017/mujib',
    secret: true,
    parse: mongoUri,
  },
  MUJIB_DATA_DIR: {
    name: 'MUJIB_DATA_DIR',
    description: 'Folder for the embedded database, its cached server binary and the trained model.',
    default: '.mujib',
    example: '/var/lib/mujib',
    parse: text,
  },
  X_API_KEY: {
    name: 'X_API_KEY',
    description:
      'OAuth 1.0a consumer (app) key. With the three below: runs against X. None set: built-in sandbox.',
    example: 'xvz1evFS4wEEPTGEFPHBog',
    secret: true,
    parse: text,
  },
  X_API_SECRET: {
    name: 'X_API_SECRET',
    description: 'OAuth 1.0a consumer (app) secret.',
    example: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    secret: true,
    parse: text,
  },
  X_ACCESS_TOKEN: {
    name: 'X_ACCESS_TOKEN',
    description: "OAuth 1.0a access token of the agency's account.",
    example: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    secret: true,
    parse: text,
  },
  X_ACCESS_SECRET: {
    name: 'X_ACCESS_SECRET',
    description: 'OAuth 1.0a access token secret.',
    example: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    secret: true,
    parse: text,
  },
  X_OAUTH2_USER_TOKEN: {
    name: 'X_OAUTH2_USER_TOKEN',
    description:
      'OAuth 2.0 user-context access token (scopes tweet.read tweet.write users.read); instead of OAuth 1.0a.',
    example: 'bWVudGlvbnMtdG9rZW4tZXhhbXBsZQ',
    secret: true,
    parse: text,
  },
  X_OAUTH2_CLIENT_ID: {
    name: 'X_OAUTH2_CLIENT_ID',
    description:
      'OAuth 2.0 app client id: tokens are refreshed by themselves (offline.access) and kept encrypted in the database. Get them with `mujib x auth`.',
    example: 'M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ',
    parse: text,
  },
  X_OAUTH2_CLIENT_SECRET: {
    name: 'X_OAUTH2_CLIENT_SECRET',
    description: 'OAuth 2.0 client secret (confidential apps only; public apps leave it unset).',
    example: 'kd8Sb0-vVvG5Ncv2Qw1eK9cXn3pZr7Yt',
    secret: true,
    parse: text,
  },
  X_OAUTH2_REFRESH_TOKEN: {
    name: 'X_OAUTH2_REFRESH_TOKEN',
    description:
      'A first OAuth 2.0 refresh token, used once when the database holds none (X rotates it on every refresh).',
    example: 'bWRWa3gzdnk3WHRGU1o0bmRRcTJ5VUxWX1lZTjB6RmZLMTpjaQ',
    secret: true,
    parse: text,
  },
  X_OAUTH2_REDIRECT_URI: {
    name: 'X_OAUTH2_REDIRECT_URI',
    description:
      'Callback URL registered in the X app, for `mujib x auth` (X redirects there with the code).',
    default: 'http://127.0.0.1:8723/callback',
    example: 'https://mujib.example.gov.sa/x/callback',
    parse: url,
  },
  X_OAUTH2_AUTHORIZE_URL: {
    name: 'X_OAUTH2_AUTHORIZE_URL',
    description: "X's consent page for `mujib x auth`.",
    default: 'https://x.com/i/oauth2/authorize',
    example: 'https://x.com/i/oauth2/authorize',
    parse: url,
  },
  MUJIB_SECRET_KEY: {
    name: 'MUJIB_SECRET_KEY',
    description:
      'Key that encrypts OAuth tokens in the database (AES-256-GCM): 32 bytes as hex or base64 (`openssl rand -hex 32`). Required with X_OAUTH2_CLIENT_ID.',
    example: '3f1c0a5e9b7d2c4e6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a',
    secret: true,
    parse: text,
  },
  X_API_BASE_URL: {
    name: 'X_API_BASE_URL',
    description: 'Origin every X API call goes to (point it at an emulator or proxy).',
    default: 'https://api.x.com',
    example: 'http://127.0.0.1:4010',
    parse: url,
  },
  POLL_SCHEDULE: {
    name: 'POLL_SCHEDULE',
    description:
      'node-cron schedule (with seconds) for polling mentions. X allows 300 mention reads per 15 min.',
    default: '*/15 * * * * *',
    example: '*/30 * * * * *',
    parse: cronExpr,
  },
  LOOKBACK_HOURS: {
    name: 'LOOKBACK_HOURS',
    description:
      'On first start or after a long outage, mentions older than this are stored but not answered.',
    default: '24',
    example: '72',
    parse: int(1, 24 * 30),
  },
  RULES_DIR: {
    name: 'RULES_DIR',
    description: 'Folder of the YAML rule pack staff edit (categories, templates, agency settings).',
    default: 'rules',
    example: '/etc/mujib/rules',
    parse: text,
  },
  IGNORE_ACCOUNTS: {
    name: 'IGNORE_ACCOUNTS',
    description:
      'Comma-separated @handles whose mentions are stored but never answered (added to rules/agency.yml).',
    default: '',
    example: 'spam_bot,other_agency',
    parse: list,
  },
  TICKET_PREFIX: {
    name: 'TICKET_PREFIX',
    description: 'Letters at the start of every ticket reference (AM-2611-0042).',
    default: 'AM',
    example: 'RM',
    parse: (raw: string) => {
      if (!/^[A-Z]{1,4}$/.test(raw)) throw new BadValue(`must be 1-4 capital Latin letters (got "${raw}")`);
      return raw;
    },
  },
  HEALTH_PORT: {
    name: 'HEALTH_PORT',
    description: 'Port of the /healthz and /metrics (Prometheus) endpoint; 0 turns it off.',
    default: '9464',
    example: '9100',
    parse: int(0, 65535),
  },
  HEALTH_HOST: {
    name: 'HEALTH_HOST',
    description: 'Address the health endpoint listens on (keep it private).',
    default: '127.0.0.1',
    example: '0.0.0.0',
    parse: text,
  },
  LEASE_SECONDS: {
    name: 'LEASE_SECONDS',
    description:
      'With several Mujib instances on one database, one holds this lease and works; the others take over within two periods of it dying.',
    default: '20',
    example: '30',
    parse: int(3, 600),
  },
  STALE_REPLY_HOURS: {
    name: 'STALE_REPLY_HOURS',
    description:
      'Acknowledgements still unposted after this long (e.g. a long X outage) are not posted late; they stay on their tickets.',
    default: '12',
    example: '48',
    parse: int(1, 24 * 30),
  },
  SANDBOX_FEED: {
    name: 'SANDBOX_FEED',
    description: 'In the built-in sandbox, keep injecting sample citizen tweets over time.',
    default: 'true',
    example: 'false',
    parse: bool,
  },
  CONSOLE_PORT: {
    name: 'CONSOLE_PORT',
    description: 'Port of the staff console (web). 0 picks a free one; `mujib console --port` overrides it.',
    default: '8080',
    example: '3000',
    parse: int(0, 65535),
  },
  CONSOLE_HOST: {
    name: 'CONSOLE_HOST',
    description:
      'Address the staff console listens on. Keep 127.0.0.1 and put a TLS proxy in front to reach it from other machines.',
    default: '127.0.0.1',
    example: '0.0.0.0',
    parse: text,
  },
  CONSOLE_SECURE_COOKIES: {
    name: 'CONSOLE_SECURE_COOKIES',
    description: 'Mark console cookies Secure (set true when a proxy serves the console over https).',
    default: 'false',
    example: 'true',
    parse: bool,
  },
  CONSOLE_TRUST_PROXY: {
    name: 'CONSOLE_TRUST_PROXY',
    description:
      "Comma-separated addresses of the proxy in front of the console. Only requests from these have their X-Forwarded-For believed, so the sign-in limit counts each browser's address, not the proxy's.",
    example: '127.0.0.1',
    parse: (raw: string): string[] => {
      const ips = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = ips.find((ip) => !isIP(ip));
      if (bad !== undefined) throw new BadValue(`must list IP addresses (got "${bad}")`);
      return ips;
    },
  },
  CONSOLE_PUBLIC_URL: {
    name: 'CONSOLE_PUBLIC_URL',
    description:
      'The console as staff reach it (behind the proxy): links in notifications point here. Unset: http://CONSOLE_HOST:CONSOLE_PORT.',
    example: 'https://mujib.agency.gov.sa',
    parse: url,
  },
  NOTIFY_WEBHOOK_URL: {
    name: 'NOTIFY_WEBHOOK_URL',
    description:
      'A catch-all webhook told of every notification event (urgent, crisis, escalated, SLA breach, channel stopped), besides those in rules/notifications.yml. Slack, Teams or any HTTP endpoint.',
    example: 'https://hooks.slack.com/services/T000/B000/XXXX',
    secret: true,
    parse: url,
  },
  NOTIFY_WEBHOOK_SECRET: {
    name: 'NOTIFY_WEBHOOK_SECRET',
    description:
      'Key of the X-Mujib-Signature-256 header (HMAC-SHA256 of the body) sent to NOTIFY_WEBHOOK_URL, so the receiver can check the call came from Mujib.',
    example: 'a-long-random-string',
    secret: true,
    parse: text,
  },
  SMTP_URL: {
    name: 'SMTP_URL',
    description:
      'Mail server for e-mail notifications (smtp:// or smtps://, user and password in the URL). Unset: e-mail recipients in rules/notifications.yml are skipped with a warning.',
    example: 'smtps://mujib%40agency.gov.sa:secret@mail.agency.gov.sa:465',
    secret: true,
    parse: smtpUrl,
  },
  NOTIFY_EMAIL_FROM: {
    name: 'NOTIFY_EMAIL_FROM',
    description: 'Sender address of notification e-mails.',
    default: 'mujib@localhost',
    example: 'Mujib <mujib@agency.gov.sa>',
    parse: text,
  },
} satisfies Record<string, Variable>;

export type VariableName = keyof typeof variables;
