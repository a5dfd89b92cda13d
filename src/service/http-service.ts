import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveWebhook, type WebhookReceiverDeps } from './webhook-receiver';

/**
 * The project's one HTTP service (`npm run serve`): Shopify's webhook endpoint today (`POST /webhooks`),
 * and `GET /health`. Each request gets a JSON answer; an unexpected failure is a 500 Shopify retries.
 */
export function createHttpService(deps: WebhookReceiverDeps): Server {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://service.local');
    const answer = async () => {
      if (request.method === 'POST' && url.pathname === '/webhooks') return receiveWebhook(deps, request, response);
      if (request.method === 'GET' && url.pathname === '/health') return { status: 200, body: { ok: true } };
      return { status: 404, body: { error: 'not found' } };
    };
    answer()
      .catch((error: unknown) => {
        deps.log(`${request.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        return { status: 500, body: { error: 'internal error' } };
      })
      .then(({ status, body }) => {
        if (response.headersSent) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
  });
}

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}
