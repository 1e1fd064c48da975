// A tiny HTTP server on 127.0.0.1 (port 0) that records each request and answers with a scripted reply.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the reply for the next requests (defaults to 200 `{"ok":true}`). */
  respond(reply: Reply | ((request: RecordedRequest) => Reply)): void;
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  let replyWith: (request: RecordedRequest) => Reply = () => ({ status: 200, body: '{"ok":true}' });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = replyWith(recorded);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(reply) {
      replyWith = typeof reply === 'function' ? reply : () => reply;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
