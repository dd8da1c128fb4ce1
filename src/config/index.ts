// One typed, validated configuration object, read once from the environment (and .env).
import { variables, BadValue, type Variable } from './variables';
import { registerSecret } from '../log/redact';

type Vars = typeof variables;
type ValueOf<K extends keyof Vars> = ReturnType<Vars[K]['parse']>;
export type Config = {
  [K in keyof Vars]: Vars[K] extends { default: string } | { required: true }
    ? ValueOf<K>
    : ValueOf<K> | undefined;
};

/** A configuration problem: one line naming the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const v of Object.values(variables) as Variable[]) {
    const raw = env[v.name];
    const given = raw !== undefined && raw.trim() !== '';
    if (given && v.secret) registerSecret(raw);
    if (!given && v.required)
      throw new ConfigError(v.name, `is required (${v.description}) e.g. ${v.example}`);
    const source = given ? raw.trim() : v.default;
    if (source === undefined) {
      out[v.name] = undefined;
      continue;
    }
    try {
      out[v.name] = v.parse(source);
    } catch (e) {
      if (e instanceof BadValue) throw new ConfigError(v.name, e.message);
      throw e;
    }
  }
  const cfg = out as Config;
  checkXCredentials(cfg);
  return cfg;
}

const OAUTH1 = ['X_API_KEY', 'X_API_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET'] as const;

/** Either all four OAuth 1.0a values, or an OAuth 2 user token, or none (sandbox). */
function checkXCredentials(cfg: Config): void {
  const set = OAUTH1.filter((k) => cfg[k] !== undefined);
  if (set.length > 0 && set.length < OAUTH1.length) {
    const missing = OAUTH1.filter((k) => cfg[k] === undefined);
    throw new ConfigError(
      missing[0]!,
      `is missing: OAuth 1.0a needs all of ${OAUTH1.join(', ')} (or none of them)`,
    );
  }
  // Refreshable OAuth 2.0 tokens are stored encrypted: no key, no tokens at rest.
  if (cfg.X_OAUTH2_CLIENT_ID && !cfg.MUJIB_SECRET_KEY)
    throw new ConfigError(
      'MUJIB_SECRET_KEY',
      'is required with X_OAUTH2_CLIENT_ID (it encrypts the stored tokens)',
    );
}

export type XMode = 'oauth1' | 'oauth2' | 'sandbox';

export function xMode(cfg: Config): XMode {
  if (cfg.X_API_KEY) return 'oauth1';
  if (cfg.X_OAUTH2_USER_TOKEN || cfg.X_OAUTH2_CLIENT_ID) return 'oauth2';
  return 'sandbox';
}
