import { ShopSyncClient } from './client';
import { loadConfig } from './config';
import { EnvAndFileTokenSource, type WebhookSecretSource } from './secrets';
import { createHttpService, listen } from './service/http-service';
import { WebhookTriggers } from './service/webhook-triggers';
import { WebhookVerifier } from './service/webhook-verifier';

const DEFAULT_PORT = 8787;

/** Deliveries older than this are forgotten: Shopify retries one for 4 hours at most. */
const DELIVERY_MEMORY_MS = 24 * 3600_000;

/** `npm run serve`: the HTTP service (webhooks), a process of its own beside the worker. */
export async function startService(
  config = loadConfig(),
  options: { secrets?: WebhookSecretSource; log?: (line: string) => void } = {},
) {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = await ShopSyncClient.connect(config);
  const server = createHttpService({
    shops: client.shops,
    deliveries: client.erpStore.webhookDeliveries,
    secrets: options.secrets ?? new EnvAndFileTokenSource(config.secretsFile),
    verifier: new WebhookVerifier(),
    triggers: new WebhookTriggers(client),
    log,
  });
  const url = await listen(server, config.servicePort ?? DEFAULT_PORT, config.serviceHost ?? '127.0.0.1');
  const prune = setInterval(() => void client.erpStore.webhookDeliveries.prune(new Date(Date.now() - DELIVERY_MEMORY_MS)).catch(() => undefined), 3600_000);
  prune.unref();
  return {
    url,
    close: async () => {
      clearInterval(prune);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
    },
  };
}

if (require.main === module) {
  startService()
    .then(({ url, close }) => {
      console.log(`Service listening on ${url} (webhooks: POST ${url}/webhooks)`);
      const stop = () => void close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
