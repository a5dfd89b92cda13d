import type { IncomingMessage, ServerResponse } from 'node:http';
import { FieldError } from './http-io';
import type { StatusClient } from './status-api';

/** A page follows the shops it shows (the overview shows ten at most). */
const MAX_SHOPS = 20;

/** How often the service looks for changes on behalf of an open page. */
export const EVENTS_CHECK_MS = 3000;

/** What a finishing run changes, cheaply read: the cue counts, the lock's holder and queue. */
async function snapshot(client: StatusClient, shops: string[]): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    shops.map(async (shop) => {
      const [status, lock] = await Promise.all([client.getShopStatus(shop, { limit: 0 }), client.lockState(shop)]);
      const counts = Object.fromEntries(Object.entries(status.cues).map(([key, cue]) => [key, cue.count]));
      return [shop, { counts, lock: lock?.holder ? { task: lock.holder.task, workflowId: lock.holder.workflowId } : null, waiting: lock?.queue.length ?? 0 }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * `GET /events?shop=D[&shop=E...]`: server-sent events. The service checks every few seconds and sends a
 * `change` event with the new counts only when something changed; the page then updates itself.
 * Stops when the page goes away.
 */
export async function statusEvents(client: StatusClient, request: IncomingMessage, response: ServerResponse, url: URL, log: (line: string) => void): Promise<void> {
  const asked = url.searchParams.getAll('shop');
  if (asked.length === 0 || asked.length > MAX_SHOPS) throw new FieldError('shop', `give 1 to ${MAX_SHOPS} shops: /events?shop=<domain>&shop=...`);
  const shops = await Promise.all(asked.map(async (shop) => (await client.shops.get(shop)).settings.domain));
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write('retry: 5000\n\n');
  let last = '';
  let stopped = false;
  const check = async (): Promise<void> => {
    try {
      const state = await snapshot(client, shops);
      const text = JSON.stringify(state);
      if (text !== last && !stopped) {
        response.write(`event: ${last ? 'change' : 'state'}\ndata: ${text}\n\n`);
        last = text;
      } else if (!stopped) {
        response.write(': still here\n\n');
      }
    } catch (error) {
      log(`status events: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await check();
  const timer = setInterval(() => void check(), EVENTS_CHECK_MS);
  request.on('close', () => {
    stopped = true;
    clearInterval(timer);
  });
}
