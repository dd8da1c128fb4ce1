// Receivers for notification tests: a local HTTP server that records webhook calls (and checks
// their signature), and an in-process SMTP server (smtp-server) that records every mail.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface WebhookCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  at: number;
}

export async function startWebhookSink(): Promise<{
  url: string;
  calls: WebhookCall[];
  status: number;
  stop(): Promise<void>;
}> {
  const sink = {
    url: '',
    calls: [] as WebhookCall[],
    status: 200,
    stop: (): Promise<void> => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (sink.status === 200)
        sink.calls.push({
          path: req.url ?? '/',
          headers: req.headers,
          raw,
          body: JSON.parse(raw) as Record<string, unknown>,
          at: Date.now(),
        });
      res.statusCode = sink.status;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sink.stop = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return sink;
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
  at: number;
}

export async function startSmtpSink(): Promise<{ url: string; mails: Mail[]; stop(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
