// One real Mujib process (`mujib start`) under the chaos harness: spawned from the current
// sources, killed with SIGKILL at random, restarted.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildEnv {
  mongoUri: string;
  xBaseUrl: string;
  xToken: string;
  dataDir: string;
  logFile: string;
}

export class BotProcess {
  private proc?: ChildProcess;
  starts = 0;
  kills = 0;

  constructor(
    readonly name: string,
    private readonly env: ChildEnv,
  ) {}

  get running(): boolean {
    return Boolean(this.proc && this.proc.exitCode === null && this.proc.signalCode === null);
  }

  start(): void {
    const out = fs.openSync(this.env.logFile, 'a');
    this.proc = spawn(
      process.execPath,
      [
        '-r',
        path.join(ROOT, 'scripts', 'ts-register.js'),
        path.join(ROOT, 'src', 'cli', 'main.ts'),
        'start',
        '--no-feed',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', out, out],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          MONGODB_URI: this.env.mongoUri,
          X_API_BASE_URL: this.env.xBaseUrl,
          X_OAUTH2_USER_TOKEN: this.env.xToken,
          MUJIB_DATA_DIR: this.env.dataDir,
          RULES_DIR: path.join(ROOT, 'rules'),
          POLL_SCHEDULE: '* * * * * *',
          LEASE_SECONDS: '3',
          HEALTH_PORT: '0',
          CONSOLE_PORT: '0',
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'info',
          NODE_ENV: 'production',
        },
      },
    );
    fs.closeSync(out);
    this.starts++;
  }

  /** SIGKILL: no cleanup, no lease release, whatever was in flight is cut. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || !this.running) return;
    const gone = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill('SIGKILL');
    await gone;
    this.kills++;
  }

  /** SIGTERM and wait for the orderly stop. */
  async stop(): Promise<number | null> {
    const p = this.proc;
    if (!p || !this.running) return p?.exitCode ?? null;
    const gone = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
    p.kill('SIGTERM');
    return gone;
  }
}
