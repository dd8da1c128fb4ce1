import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadConfig, ConfigError, xMode } from '../src/config';
import { renderEnvExample, renderConfigTable } from '../src/config/docs';
import { variables } from '../src/config/variables';

const root = path.resolve(__dirname, '..');

test('defaults give a runnable sandbox configuration', () => {
  const cfg = loadConfig({});
  expect(cfg.LOG_LEVEL).toBe('info');
  expect(cfg.MONGODB_URI).toBeUndefined();
  expect(cfg.X_API_BASE_URL).toBe('https://api.x.com');
  expect(cfg.LOOKBACK_HOURS).toBe(24);
  expect(cfg.IGNORE_ACCOUNTS).toEqual([]);
  expect(xMode(cfg)).toBe('sandbox');
});

test('values are parsed into their types', () => {
  const cfg = loadConfig({
    LOOKBACK_HOURS: '72',
    STALE_REPLY_HOURS: '48',
    IGNORE_ACCOUNTS: '@Spam_Bot, other ,',
    X_API_BASE_URL: 'http://127.0.0.1:4010/',
    X_OAUTH2_USER_TOKEN: 'tok-123456',
  });
  expect(cfg.LOOKBACK_HOURS).toBe(72);
  expect(cfg.STALE_REPLY_HOURS).toBe(48);
  expect(cfg.IGNORE_ACCOUNTS).toEqual(['spam_bot', 'other']);
  expect(cfg.X_API_BASE_URL).toBe('http://127.0.0.1:4010');
  expect(xMode(cfg)).toBe('oauth2');
});

test.each([
  [{ LOOKBACK_HOURS: 'soon' }, 'LOOKBACK_HOURS must be a whole number'],
  [{ LOOKBACK_HOURS: '0' }, 'LOOKBACK_HOURS must be between 1 and 720'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of error, warn, info, debug'],
  [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI must start with mongodb://'],
  [{ POLL_SCHEDULE: 'every minute' }, 'POLL_SCHEDULE is not a valid cron expression'],
  [{ X_API_BASE_URL: 'api.x.com' }, 'X_API_BASE_URL must be an absolute URL'],
  [{ X_API_KEY: 'k', X_API_SECRET: 's' }, 'X_ACCESS_TOKEN is missing: OAuth 1.0a needs all of'],
])('a bad value names the variable and the problem: %j', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

test('the error for a bad secret never shows the secret', () => {
  try {
    loadConfig({ MONGODB_URI: 'mysql://root:hunter2hunter2@db' });
    throw new Error('should have thrown');
  } catch (e) {
    expect((e as Error).message).not.toContain('hunter2');
  }
});

test('.env.example documents every variable and is up to date', () => {
  const file = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  expect(file).toBe(renderEnvExample());
  for (const name of Object.keys(variables)) expect(file).toContain(`${name}=`);
});

test('the README configuration table is up to date', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  expect(readme).toContain(renderConfigTable());
});

test('a bad value stops the CLI with one clear line and no stack trace', () => {
  const r = spawnSync(
    process.execPath,
    ['-r', require.resolve('../scripts/ts-register'), 'src/cli/main.ts', 'config'],
    {
      cwd: root,
      env: { ...process.env, LOOKBACK_HOURS: 'forever' },
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toEqual([
    'mujib: Configuration error: LOOKBACK_HOURS must be a whole number (got "forever")',
  ]);
});
