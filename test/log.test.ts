import { PassThrough } from 'node:stream';
import { createLogger } from '../src/log';
import { loadConfig } from '../src/config';
import { redact, clearSecrets } from '../src/log/redact';

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
