import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

/**
 * A real HTTP receiver for the webhook tests, in Node, on 127.0.0.1 and a free port: the dispatcher in workerd
 * POSTs to it over real TCP, exactly as to a partner's server. Each test uses its own path (`/hook/<name>`).
 *   POST /hook/<name>            records the request; answers 503 while the path's failure count lasts, else 204
 *   POST /control/<name>/fail?n  the next n requests to /hook/<name> fail
 *   GET  /control/<name>         what /hook/<name> received: [{ headers, body, status }]
 */

interface Received {
  headers: Record<string, string>;
  body: string;
  status: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webhookReceiverUrl: string;
  }
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export default async function setup(project: TestProject) {
  const received = new Map<string, Received[]>();
  const failures = new Map<string, number>();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, area, name, action] = url.pathname.split('/');
    const body = await readBody(request);
    if (area === 'hook' && name && request.method === 'POST') {
      const failing = failures.get(name) ?? 0;
      const status = failing > 0 ? 503 : 204;
      if (failing > 0) failures.set(name, failing - 1);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      received.set(name, [...(received.get(name) ?? []), { headers, body, status }]);
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 503 ? 'receiver told to fail' : '');
      return;
    }
    if (area === 'control' && name && action === 'fail' && request.method === 'POST') {
      failures.set(name, Number(url.searchParams.get('n') ?? '1'));
      response.writeHead(204).end();
      return;
    }
    if (area === 'control' && name && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received.get(name) ?? []));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('webhookReceiverUrl', `http://127.0.0.1:${port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
