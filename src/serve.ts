import { ShopSyncClient } from './client';
import { loadConfig } from './config';
import { EnvAndFileTokenSource, type WebhookSecretSource } from './secrets';
import { assertSafeBinding } from './service/access';
import { codecCorsOrigins } from './service/codec-endpoint';
import { createHttpService, listen } from './service/http-service';
import { WebhookTriggers } from './service/webhook-triggers';
import { WebhookVerifier } from './service/webhook-verifier';
import { payloadCodecFor } from './temporal/payload-codec';

const DEFAULT_PORT = 8787;

/** Deliveries older than this are forgotten: Shopify retries one for 4 hours at most. */
const DELIVERY_MEMORY_MS = 24 * 3600_000;

/** `npm run serve`: the HTTP service (webhooks, status page, JSON API, codec endpoint), a process of its own beside the worker. */
export async function startService(
  config = loadConfig(),
  options: { secrets?: WebhookSecretSource; log?: (line: string) => void } = {},
) {
  const log = options.log ?? ((line: string) => console.log(line));
  const host = config.serviceHost ?? '127.0.0.1';
  const credentials = { token: config.serviceToken, basicAuth: config.serviceBasicAuth };
  assertSafeBinding(host, credentials);
  const codec = payloadCodecFor(config);
  const client = await ShopSyncClient.connect(config);
  const server = createHttpService({
    webhooks: {
      shops: client.shops,
      deliveries: client.erpStore.webhookDeliveries,
      secrets: options.secrets ?? new EnvAndFileTokenSource(config.secretsFile),
      verifier: new WebhookVerifier(),
      triggers: new WebhookTriggers(client),
      log,
    },
    status: client,
    credentials,
    codec: { codec, corsOrigins: codecCorsOrigins(config) },
    log,
  });
  // Server-sent event streams stay open: closing the service ends them instead of waiting for the pages.
  const closeStreams = () => server.closeAllConnections();
  let url: string;
  try {
    url = await listen(server, config.servicePort ?? DEFAULT_PORT, host);
  } catch (error) {
    await client.close();
    throw error;
  }
  const prune = setInterval(() => void client.erpStore.webhookDeliveries.prune(new Date(Date.now() - DELIVERY_MEMORY_MS)).catch(() => undefined), 3600_000);
  prune.unref();
  return {
    url,
    /** Where the Web UI and `temporal --codec-endpoint` decode payloads; undefined when no codec is configured. */
    codecUrl: codec ? `${url}/codec` : undefined,
    close: async () => {
      clearInterval(prune);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      closeStreams();
      await closed;
      await client.close();
    },
  };
}

if (require.main === module) {
  startService()
    .then(({ url, codecUrl, close }) => {
      console.log(`Service listening on ${url}: status page ${url}/, JSON API ${url}/api/shops, webhooks POST ${url}/webhooks${codecUrl ? `, codec endpoint ${codecUrl}` : ''}`);
      const stop = () => void close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
