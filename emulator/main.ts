import { parseArgs } from 'node:util';
import { ensureShopifySchema } from '../scripts/tools/shopify-schema';
import { startEmulator } from './server';

/** Runs the emulator alone: `npm run emulator -- --port 4100 [--state-file .data/emulator-state.json]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      'state-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run emulator -- [--port 4100] [--host 127.0.0.1] [--state-file FILE]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  const emulator = await startEmulator({ host: values.host, port, schemaPath: await ensureShopifySchema(), stateFile: values['state-file'] });
  console.log(`Shopify Admin API emulator on ${emulator.url} (GraphQL: POST /admin/api/<version>/graphql.json, admin: /emulator/shops)`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
