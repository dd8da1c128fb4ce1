// `mujib sandbox`: the local X API emulator on its own, for the demo and manual poking;
// `mujib sandbox inject` tweets at it from another terminal, as a citizen would.
import type { Command } from 'commander';
import { SANDBOX_TOKEN, connectEmulator, startEmulator, type Emulator } from '../../x/emulator';

const DEFAULT_PORT = 4010;
const DEFAULT_URL = `http://127.0.0.1:${DEFAULT_PORT}`;

async function startOnPort(port: number, token: string, quiet: boolean): Promise<Emulator> {
  const onRequest = quiet
    ? undefined
    : (r: { method: string; path: string; status: number | string }) =>
        console.error(`${new Date().toISOString().slice(11, 19)} ${r.method} ${r.path} → ${r.status}`);
  try {
    return await startEmulator({ port, token, onRequest });
  } catch (e) {
    // The default port taken (another sandbox?): any free one will do, the URL is printed.
    if ((e as { code?: string }).code !== 'EADDRINUSE' || port !== DEFAULT_PORT) throw e;
    return startEmulator({ port: 0, token, onRequest });
  }
}

function defaultUrl(): string {
  const env = process.env.X_API_BASE_URL;
  return env && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(env) ? env : DEFAULT_URL;
}

export function registerSandbox(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description('a local X API emulator to run Mujib against (no X account needed)');

  sandbox
    .command('start', { isDefault: true })
    .description('run the emulator and print its URL, token and agency account')
    .option('--port <port>', `port on 127.0.0.1 (default ${DEFAULT_PORT}, or a free one if taken)`, Number)
    .option('--token <token>', 'bearer token it accepts', SANDBOX_TOKEN)
    .option('--quiet', 'do not print each request')
    .action(async (o: { port?: number; token: string; quiet?: boolean }) => {
      const emu = await startOnPort(o.port ?? DEFAULT_PORT, o.token, !!o.quiet);
      const a = emu.agency;
      console.log(`X API emulator running at ${emu.url}   (Ctrl-C to stop)
  token:   ${emu.token}
  agency:  @${a.username}  id ${a.id}  (${a.name})

Point Mujib at it (.env, with no X_* credentials set):
  X_API_BASE_URL=${emu.url}

Tweet at the agency as a citizen, from another terminal:
  mujib sandbox inject "الشارع فيه حفرة كبيرة قدام المدرسة" --author citizen1 --url ${emu.url}

Or read the mentions as the bot does:
  curl -H "Authorization: Bearer ${emu.token}" "${emu.url}/2/users/${a.id}/mentions?expansions=author_id&tweet.fields=created_at,author_id"`);
      await new Promise<void>((resolve) => {
        const stop = () => void emu.stop().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  sandbox
    .command('inject <text>')
    .description('post a mention to a running emulator (prints the new tweet id)')
    .requiredOption('--author <username>', "the citizen's handle (created on first use)")
    .option('--name <display name>', "the citizen's display name")
    .option('--reply-to <tweetId>', 'reply inside that tweet’s thread')
    .option('--retweet', 'a retweet of a mention with this text (the bot must skip it)')
    .option('--url <url>', 'emulator URL (default: X_API_BASE_URL when local, else ' + DEFAULT_URL + ')')
    .option('--token <token>', 'emulator token', SANDBOX_TOKEN)
    .action(
      async (
        text: string,
        o: {
          author: string;
          name?: string;
          replyTo?: string;
          retweet?: boolean;
          url?: string;
          token: string;
        },
      ) => {
        const remote = connectEmulator(o.url ?? defaultUrl(), o.token);
        const t = await remote.injectMention({
          text,
          author: o.author,
          authorName: o.name,
          inReplyToId: o.replyTo,
          isRetweet: o.retweet,
        });
        console.log(`${t.id}  @${t.authorUsername}: ${t.text}`);
      },
    );
}
