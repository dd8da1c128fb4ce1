import { PassThrough } from 'node:stream';
import { createLogger } from '../src/log';
import { loadConfig } from '../src/config';
import { redact, clearSecrets } from '../src/log/redact';
import { newHealth } from '../src/health/state';
import type { BotContext } from '../src/bot/context';
import { startHealthServer } from '../src/health/server';

function capture(opts: Parameters<typeof createLogger>[0] = {}) {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d: Buffer) => (out += d.toString()));
  const logger = createLogger({ format: 'json', level: 'debug', stream, ...opts });
  return { logger, text: () => out };
}

afterEach(() => clearSecrets());

const SECRETS = {
  X_API_KEY: 'appKeyAAAA1111',
  X_API_SECRET: 'appSecretBBBB2222',
  X_ACCESS_TOKEN: '12345-accessTokenCCCC3333',
  X_ACCESS_SECRET: 'accessSecretDDDD4444',
  MONGODB_URI: 'mongodb://mujib:P%40ssw0rd-EEEE@db.internal:27017/mujib',
};

test('secrets from the configuration never reach a log line, wherever they appear', () => {
  loadConfig(SECRETS);
  const { logger, text } = capture();
  logger.info(`connecting with ${SECRETS.MONGODB_URI}`);
  logger.warn('token in meta', { token: SECRETS.X_ACCESS_TOKEN, nested: { deep: [SECRETS.X_API_SECRET] } });
  logger.error('request failed', {
    err: new Error(`401 for key ${SECRETS.X_API_KEY} / ${SECRETS.X_ACCESS_SECRET}`),
  });
  logger.error(new Error(`decoded password P@ssw0rd-EEEE leaked`));
  const out = text();
  expect(out.split('\n').filter(Boolean)).toHaveLength(4);
  for (const s of [...Object.values(SECRETS), 'P@ssw0rd-EEEE', 'P%40ssw0rd-EEEE'])
    expect(out).not.toContain(s);
  expect(out).toContain('mongodb://mujib:***@db.internal:27017/mujib');
  expect(out).toContain('401 for key ***');
});

test('patterns catch secrets that were never registered', () => {
  expect(redact('Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid')).toBe(
    'Authorization: Bearer ***',
  );
  expect(redact('mongodb+srv://admin:topsecret@cluster0.example.net/db')).toBe(
    'mongodb+srv://admin:***@cluster0.example.net/db',
  );
  expect(redact('OAuth oauth_consumer_key="xvz1evFS4w", oauth_signature="tnnArxj06c"')).toBe(
    'OAuth oauth_consumer_key="***", oauth_signature="***"',
  );
  expect(redact('حفرة في الشارع، رقم البلاغ AM-2611-0042')).toBe('حفرة في الشارع، رقم البلاغ AM-2611-0042');
});

test('production logs are JSON lines with level and timestamp', () => {
  const { logger, text } = capture({ format: 'auto', production: true });
  logger.info('تم الرد على البلاغ', { ticket: 'AM-2611-0001' });
  const line = JSON.parse(text().trim());
  expect(line).toMatchObject({ level: 'info', message: 'تم الرد على البلاغ', ticket: 'AM-2611-0001' });
  expect(new Date(line.timestamp).getTime()).not.toBeNaN();
});

test('pretty format is readable and coloured; level filters', () => {
  const { logger, text } = capture({ format: 'pretty', level: 'info' });
  logger.debug('hidden');
  logger.info('posted reply', { ticket: 'AM-2611-0002' });
  const out = text();
  expect(out).not.toContain('hidden');
  expect(out).toMatch(/\d\d:\d\d:\d\d .*info.* posted reply {"ticket":"AM-2611-0002"}/);
  expect(out).toContain('\u001b['); // ANSI colour
});

describe('issue 15, finding 6: secrets in other shapes', () => {
  test('a connection-string password with an unencoded @ is masked whole', () => {
    const uri = 'mongodb://mujib:p@ss:w@rd!42@db.internal:27017,db2.internal:27017/mujib?replicaSet=rs0';
    loadConfig({ MONGODB_URI: uri });
    const { logger, text } = capture();
    logger.error(`could not connect to ${uri}`);
    logger.warn('driver said', { err: new Error(`auth failed for p@ss:w@rd!42`) });
    const out = text();
    for (const leak of ['p@ss', 'ss:w@rd', 'w@rd!42', 'rd!42', encodeURIComponent('p@ss:w@rd!42')])
      expect(out).not.toContain(leak);
    expect(out).toContain('mongodb://mujib:***@db.internal:27017,db2.internal:27017/mujib?replicaSet=rs0');
    // The pattern alone (nothing registered) also takes the password up to the host's '@'.
    clearSecrets();
    expect(redact(`x ${uri} y`)).toBe(
      'x mongodb://mujib:***@db.internal:27017,db2.internal:27017/mujib?replicaSet=rs0 y',
    );
  });

  test('percent-encoded and base64 forms of a registered secret are masked', () => {
    const token = 'AAAA+bbbb/CCCC=dddd&eeee زمن';
    loadConfig({ X_OAUTH2_USER_TOKEN: token });
    const echoes = [
      `upstream 401: invalid ${encodeURIComponent(token)}`,
      `upstream 401: invalid ${encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`,
      `form body q=${new URLSearchParams({ t: token }).toString().slice(2)}`,
      `basic ${Buffer.from(`user:${token}`).toString('base64')}`,
      `b64 ${Buffer.from(token).toString('base64')} / url ${Buffer.from(`ab${token}`).toString('base64url')}`,
    ];
    for (const e of echoes) {
      const out = redact(e);
      expect(out).toContain('***');
      expect(out).not.toContain(encodeURIComponent(token).slice(0, 12));
      for (const k of [0, 1, 2]) {
        const b64 = Buffer.concat([Buffer.alloc(k, 0x61), Buffer.from(token)]).toString('base64');
        expect(out).not.toContain(b64.slice(4, 20));
      }
    }
  });

  test('/healthz lastError never shows a token an upstream echoed back', async () => {
    const token = 'tok_ZZZZ/1234+yyyy';
    loadConfig({ X_OAUTH2_USER_TOKEN: token });
    const ctx = { health: newHealth(), now: () => new Date() } as unknown as BotContext; // /healthz reads health and the clock
    ctx.health.lastError = `X said: bad token ${encodeURIComponent(token)} (${Buffer.from(token).toString('base64')})`;
    const srv = await startHealthServer(ctx, { port: 0 });
    try {
      const body = await (await fetch(`${srv.url}/healthz`, { headers: { connection: 'close' } })).text();
      expect(body).toContain('X said: bad token ***');
      expect(body).not.toContain(encodeURIComponent(token));
      expect(body).not.toContain(Buffer.from(token).toString('base64').slice(0, 16));
    } finally {
      await srv.stop();
    }
  });
});
