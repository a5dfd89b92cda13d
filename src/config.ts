import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const PROJECT_ROOT = resolve(__dirname, '..');
/** Written by `npm start` while the local stack runs, so the CLI and scripts find its servers. */
export const STACK_FILE = join(PROJECT_ROOT, '.data', 'stack.json');

export const StackFileSchema = z.object({
  temporalAddress: z.string().min(1),
  temporalNamespace: z.string().min(1),
  temporalWebUi: z.string().optional(),
  mongoUri: z.string().min(1),
  emulatorUrl: z.string().min(1),
  secretsFile: z.string().optional(),
  /** The HTTP service (`npm run serve`: webhooks), when the demo runs one. */
  serviceUrl: z.string().optional(),
  /** The status page of that service. */
  statusUrl: z.string().optional(),
});
export type StackFile = z.infer<typeof StackFileSchema>;

export const AppConfigSchema = z.object({
  temporalAddress: z.string().min(1),
  temporalNamespace: z.string().min(1),
  taskQueue: z.string().min(1),
  temporalWebUi: z.url().optional(),
  mongoUri: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI'),
  mongoDatabase: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a plain database name'),
  /** Where Admin API requests go instead of https://<shop>; set for the emulator, unset for real Shopify. */
  shopifyApiOrigin: z.url().optional(),
  secretsFile: z.string().optional(),
  /** How often a shop lock asks Temporal whether its holder is still open: the bound on noticing a closed holder. */
  lockCheckSeconds: z.coerce.number().int().min(1).max(300),
  /** How often a run waiting for a lock sends its request again. */
  lockResendSeconds: z.coerce.number().int().min(1).max(3600),
  /** How long a run waits for its shop's lock before it fails, naming the holder. */
  lockMaxWaitSeconds: z.coerce.number().int().min(1).max(30 * 86_400),
  lockTaskQueue: z.string().min(1),
  lockHistoryLimit: z.coerce.number().int().min(20).max(40_000),
  /** Where `npm run serve` listens (127.0.0.1:8787 by default); port 0 picks a free port. */
  servicePort: z.coerce.number().int().min(0).max(65_535).optional(),
  serviceHost: z.string().min(1).optional(),
  /** A bearer token the status page and JSON API require (also accepted as the basic-auth password); required to bind beyond loopback. */
  serviceToken: z.string().min(16, 'must be at least 16 characters').optional(),
  /** `user:password` for basic auth on the status page and JSON API; an alternative to serviceToken. */
  serviceBasicAuth: z.string().regex(/^[^:]+:.{8,}$/, 'must be user:password, the password at least 8 characters').optional(),
  /** What the worker and the service log (INFO by default), and how: text lines for people, JSON lines for log shippers. */
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).optional(),
  logFormat: z.enum(['text', 'json']).optional(),
  /** A workflow bundle built ahead of time (`npm run build`); unset = build/workflow-bundle.js, rebuilt when the sources change. */
  workflowBundlePath: z.string().min(1).optional(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

export class ConfigError extends Error {}

function readStackFile(path: string): StackFile | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = StackFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Configuration from the environment; what is not set there comes from the running local stack
 * (.data/stack.json), then from defaults. Fails with one message naming every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stackFile = env.SHOPSYNC_STACK_FILE ?? STACK_FILE): AppConfig {
  const stack = readStackFile(stackFile);
  const candidate = {
    temporalAddress: env.TEMPORAL_ADDRESS ?? stack?.temporalAddress ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? stack?.temporalNamespace ?? 'default',
    taskQueue: env.SHOPSYNC_TASK_QUEUE ?? 'shopify-sync',
    temporalWebUi: env.TEMPORAL_UI_URL ?? stack?.temporalWebUi,
    mongoUri: env.MONGODB_URI ?? stack?.mongoUri ?? 'mongodb://127.0.0.1:27017/',
    mongoDatabase: env.MONGODB_DATABASE ?? 'shopsync',
    shopifyApiOrigin: env.SHOPIFY_API_ORIGIN ?? stack?.emulatorUrl,
    secretsFile: env.SHOPSYNC_SECRETS_FILE ?? stack?.secretsFile,
    lockCheckSeconds: env.SHOPSYNC_LOCK_CHECK_SECONDS ?? 10,
    lockResendSeconds: env.SHOPSYNC_LOCK_RESEND_SECONDS ?? 60,
    lockMaxWaitSeconds: env.SHOPSYNC_LOCK_MAX_WAIT_SECONDS ?? 6 * 3600,
    lockTaskQueue: env.SHOPSYNC_LOCK_TASK_QUEUE ?? env.SHOPSYNC_TASK_QUEUE ?? 'shopify-sync',
    lockHistoryLimit: env.SHOPSYNC_LOCK_HISTORY_LIMIT ?? 2000,
    workflowBundlePath: env.SHOPSYNC_WORKFLOW_BUNDLE,
    servicePort: env.SHOPSYNC_SERVICE_PORT,
    serviceHost: env.SHOPSYNC_SERVICE_HOST,
    serviceToken: env.SHOPSYNC_SERVICE_TOKEN || undefined,
    serviceBasicAuth: env.SHOPSYNC_SERVICE_BASIC_AUTH || undefined,
    logLevel: env.SHOPSYNC_LOG_LEVEL?.toUpperCase() || undefined,
    logFormat: env.SHOPSYNC_LOG_FORMAT?.toLowerCase() || undefined,
  };
  const parsed = AppConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    const variables: Record<string, string> = {
      temporalAddress: 'TEMPORAL_ADDRESS', temporalNamespace: 'TEMPORAL_NAMESPACE', taskQueue: 'SHOPSYNC_TASK_QUEUE',
      temporalWebUi: 'TEMPORAL_UI_URL', mongoUri: 'MONGODB_URI', mongoDatabase: 'MONGODB_DATABASE',
      shopifyApiOrigin: 'SHOPIFY_API_ORIGIN', secretsFile: 'SHOPSYNC_SECRETS_FILE',
      lockCheckSeconds: 'SHOPSYNC_LOCK_CHECK_SECONDS', lockResendSeconds: 'SHOPSYNC_LOCK_RESEND_SECONDS',
      lockMaxWaitSeconds: 'SHOPSYNC_LOCK_MAX_WAIT_SECONDS', lockTaskQueue: 'SHOPSYNC_LOCK_TASK_QUEUE',
      lockHistoryLimit: 'SHOPSYNC_LOCK_HISTORY_LIMIT', workflowBundlePath: 'SHOPSYNC_WORKFLOW_BUNDLE',
      servicePort: 'SHOPSYNC_SERVICE_PORT', serviceHost: 'SHOPSYNC_SERVICE_HOST',
      serviceToken: 'SHOPSYNC_SERVICE_TOKEN', serviceBasicAuth: 'SHOPSYNC_SERVICE_BASIC_AUTH',
      logLevel: 'SHOPSYNC_LOG_LEVEL', logFormat: 'SHOPSYNC_LOG_FORMAT',
    };
    const problems = parsed.error.issues.map((issue) => `${variables[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
