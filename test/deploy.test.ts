// The deployment files, tested as far as this machine can without Docker or systemd running:
// the image starts the real start command, every file the Dockerfile and compose file use
// exists (and is not kept out of the build context), the build stage has what tsc compiles,
// the image's HEALTHCHECK really fails when /healthz does, compose wires the replica set, the
// lease and the proxy together, the systemd unit runs the real command, and every metric the
// alert rules use is in /metrics.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../src/config';
import { variables } from '../src/config/variables';
import { startHealthServer } from '../src/health/server';
import { startTestBot, useBotHarness } from './support/bot';

const ROOT = path.resolve(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};
const START = pkg.scripts.start!.split(' '); // node dist/cli/main.js start

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions (continuation lines joined, comments dropped), numbered by stage. */
function dockerfile(): Instruction[] {
  const text = read('Dockerfile').replace(/\\\n/g, ' ');
  const out: Instruction[] = [];
  let stage = -1;
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    if (m[1] === 'FROM') stage++;
    out.push({ op: m[1]!, args: m[2]!.trim(), stage });
  }
  return out;
}
const ins = dockerfile();
const finalStage = Math.max(...ins.map((i) => i.stage));
const final = ins.filter((i) => i.stage === finalStage);
const json = (i: Instruction | undefined) => JSON.parse(i!.args) as string[];
const envOf = (list: Instruction[]) =>
  Object.fromEntries(
    list
      .filter((i) => i.op === 'ENV')
      .flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
  );

describe('Dockerfile', () => {
  test('the image runs the real start command as a non-root user, on the official node:20 image', () => {
    const entry = [
      ...json(final.find((i) => i.op === 'ENTRYPOINT')),
      ...json(final.find((i) => i.op === 'CMD')),
    ];
    expect(entry).toEqual(START);
    expect(pkg.bin.mujib).toBe(START[1]);
    expect(ins.filter((i) => i.op === 'FROM').map((i) => i.args.split(' ')[0])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^node:20(-|$)/)]),
    );
    expect(ins.filter((i) => i.op === 'FROM').every((i) => /^node:20/.test(i.args))).toBe(true);
    const user = final.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    // Multi-stage: the final stage takes the compiled code from the build stage.
    expect(finalStage).toBeGreaterThanOrEqual(1);
    expect(final.some((i) => i.op === 'COPY' && i.args.startsWith('--from=build /app/dist'))).toBe(true);
  });

  test('every path it copies exists and is inside the build context, not dropped by .dockerignore', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    const copies = ins.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'));
    expect(copies.length).toBeGreaterThan(2);
    for (const c of copies) {
      const parts = c.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      for (const src of parts.slice(0, -1)) {
        expect(fs.existsSync(path.join(ROOT, src))).toBe(true);
        expect(ignored).not.toContain(src.replace(/\/$/, '').split('/')[0]);
      }
    }
    // The files the running code reads beside dist/: its package.json and the shipped rules.
    const copied = copies.flatMap((c) => c.args.split(/\s+/).slice(0, -1));
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'rules']));
  });

  test('the build stage holds every source file tsc compiles', () => {
    const build = ins
      .filter((i) => i.stage === 0 && i.op === 'COPY')
      .flatMap((c) => c.args.split(/\s+/).slice(0, -1));
    const tsc = require.resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--listFilesOnly'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const files = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => path.relative(ROOT, f))
      .filter((f) => !f.startsWith('node_modules'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files)
      expect(build.some((c) => f === c || f.startsWith(c.replace(/\/?$/, '/')))).toBe(true);
  }, 60_000);

  test('its settings are valid Mujib configuration', () => {
    const env = envOf(final);
    for (const name of Object.keys(env)) expect(Object.keys(variables)).toContain(name);
    const cfg = loadConfig({ ...env, MONGODB_URI: 'mongodb://db:27017/mujib' });
    expect(cfg.HEALTH_PORT).toBe(9464);
  });
});

describe('HEALTHCHECK against the real health endpoint', () => {
  const h = useBotHarness('deploy');
  test('passes while the channel works and fails when the database is unreachable', async () => {
    h.rt = await startTestBot(h.emu, h.dbName);
    await h.rt.bot.tick();
    const server = await startHealthServer(h.rt.ctx, { port: 0 });
    try {
      const port = new URL(server.url).port;
      const args = json({
        op: '',
        stage: 0,
        args: final.find((i) => i.op === 'HEALTHCHECK')!.args.replace(/^.*CMD\s+/, ''),
      });
      expect(args[0]).toBe('node');
      // Asynchronously: the health server answers from this very process.
      const run = () =>
        new Promise<number | null>((resolve) =>
          spawn(
            process.execPath,
            args.slice(1).map((a) => a.replace('9464', port)),
            { stdio: 'ignore' },
          ).on('exit', resolve),
        );
      expect(await run()).toBe(0);
      h.rt.ctx.health.database = 'failing';
      expect(await run()).toBe(1);
      const body = (await (await fetch(`${server.url}/healthz`)).json()) as {
        status: string;
        problems: { code: string }[];
      };
      expect(body.status).toBe('failing');
      expect(body.problems.map((p) => p.code)).toEqual(['database']);
    } finally {
      await server.stop();
    }
  });
});

/** Compose's own ${VAR:-default} / ${VAR:?error} / ${VAR} substitution, with every required value set. */
const interpolate = (env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      v.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, _name, op, arg) =>
        op === '-' ? arg : op === '?' ? 'secret' : '',
      ),
    ]),
  );

describe('docker-compose.yml', () => {
  const compose = YAML.parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, Record<string, unknown>>;
  };
  const s = compose.services;

  test('two Mujib instances from this Dockerfile, on a MongoDB replica set, with the rules as a volume', () => {
    const bots = Object.entries(s).filter(([, v]) => v.build === '.');
    expect(bots.map(([k]) => k)).toEqual(['mujib-1', 'mujib-2']);
    expect(fs.existsSync(path.join(ROOT, 'Dockerfile'))).toBe(true);
    const replSet = (s.mongo!.command as string[])[(s.mongo!.command as string[]).indexOf('--replSet') + 1];
    expect(String(s.mongo!.image)).toMatch(/^mongo:\d/);
    for (const [, bot] of bots) {
      // No command of their own: the image's entry command (tested above) runs.
      expect(bot.command).toBeUndefined();
      expect(bot.entrypoint).toBeUndefined();
      const env = interpolate(bot.environment as Record<string, string>);
      const uri = env.MONGODB_URI!;
      expect(new URL(uri).searchParams.get('replicaSet')).toBe(replSet);
      expect(loadConfig({ ...env, MONGODB_URI: uri }).MONGODB_URI).toBe(uri);
      expect(bot.volumes).toContain('./rules:/etc/mujib/rules:ro');
      expect(env.CONSOLE_SECURE_COOKIES).toBe('true');
    }
    // The bot's user is created with exactly the role the README asks for.
    expect(read('deploy/compose/mongo-init.js')).toMatch(/role: 'readWrite', db: 'mujib'/);
    expect(read('deploy/compose/mongo-init.js')).toContain(`_id: '${replSet}'`);
  });

  test('every file it mounts exists; the TLS proxy forwards to both consoles on their port', () => {
    for (const svc of Object.values(s))
      for (const v of (svc.volumes as string[] | undefined) ?? []) {
        const src = v.split(':')[0]!;
        if (src.startsWith('.')) expect(fs.existsSync(path.join(ROOT, src))).toBe(true);
      }
    expect(String(s.caddy!.image)).toMatch(/^caddy:2/);
    const caddyfile = read('deploy/compose/Caddyfile');
    const port = envOf(final).CONSOLE_PORT;
    expect(caddyfile).toContain(`mujib-1:${port}`);
    expect(caddyfile).toContain(`mujib-2:${port}`);
    expect(s.caddy!.ports).toEqual(expect.arrayContaining(['443:443']));
    // Only the proxy is published: the consoles, health endpoints and MongoDB stay inside.
    for (const [name, svc] of Object.entries(s)) if (name !== 'caddy') expect(svc.ports).toBeUndefined();
  });
});

describe('systemd unit', () => {
  const unit = read('deploy/mujib.service');
  const value = (key: string) =>
    unit
      .split('\n')
      .filter((l) => l.startsWith(`${key}=`))
      .map((l) => l.slice(key.length + 1));

  test('ExecStart is the real start command, as an unprivileged user, with valid settings', () => {
    const [exec] = value('ExecStart');
    const argv = exec!.split(' ');
    const dir = value('WorkingDirectory')[0]!;
    expect(path.basename(argv[0]!)).toBe(START[0]);
    expect(argv.slice(1)).toEqual([path.join(dir, START[1]!), ...START.slice(2)]);
    expect(value('User')[0]).not.toBe('root');
    const env = Object.fromEntries(value('Environment').map((e) => e.split('=') as [string, string]));
    for (const name of Object.keys(env)) expect(Object.keys(variables)).toContain(name);
    expect(() => loadConfig(env)).not.toThrow();
    // Writable data folder matches MUJIB_DATA_DIR.
    expect(value('ReadWritePaths')).toContain(env.MUJIB_DATA_DIR);
  });

  const verify = spawnSync('systemd-analyze', ['--version']).status === 0 ? test : test.skip;
  verify('systemd-analyze verify accepts it (with node where ExecStart says)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-unit-'));
    const copy = path.join(tmp, 'mujib.service');
    fs.writeFileSync(copy, unit.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
    const r = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8', cwd: tmp });
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(r.stderr.split('\n').filter((l) => l.includes('mujib.service'))).toEqual([]);
  });
});

describe('Prometheus alert rules', () => {
  const h = useBotHarness('alerts');
  test('are valid rule groups and every metric they use is in /metrics', async () => {
    const rules = YAML.parse(read('deploy/prometheus/mujib-alerts.yml')) as {
      groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string } }[] }[];
    };
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.length).toBeGreaterThanOrEqual(5);
    h.rt = await startTestBot(h.emu, h.dbName);
    await h.rt.bot.tick();
    const server = await startHealthServer(h.rt.ctx, { port: 0 });
    try {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const exported = new Set(
        text
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .map((l) => l.split(/[{ ]/)[0]),
      );
      for (const r of all) {
        expect(['critical', 'warning']).toContain(r.labels.severity);
        const used = [...r.expr.matchAll(/\b(mujib_\w+)/g)].map((m) => m[1]!);
        for (const metric of used)
          expect({ alert: r.alert, metric, exported: exported.has(metric) }).toEqual({
            alert: r.alert,
            metric,
            exported: true,
          });
        // Label values the rules match on are ones the metric really carries.
        // (job and instance are Prometheus' own labels.)
        for (const m of r.expr.matchAll(/(mujib_\w+)\{(\w+)="([^"]+)"\}/g))
          if (!['job', 'instance'].includes(m[2]!)) expect(text).toContain(`${m[1]}{${m[2]}="${m[3]}"}`);
      }
      // Each problem /healthz can report has an alert.
      for (const problem of ['database', 'credentials', 'out-of-budget', 'poll-stale', 'posting-failing'])
        expect(all.some((r) => r.expr.includes(`problem="${problem}"`))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
