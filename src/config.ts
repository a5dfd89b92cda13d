import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { aes256KeyProblem, codecKeyCandidate } from './temporal/codec-keys';

/** One folder up, from src/config.ts as from the compiled worker build/worker.js that bundles it. */
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

/** The environment variable behind each setting, for the messages that name them. */
export const ENV_NAMES: Record<keyof AppConfig, string> = {
  temporalAddress: 'TEMPORAL_ADDRESS', temporalNamespace: 'TEMPORAL_NAMESPACE', taskQueue: 'SHOPSYNC_TASK_QUEUE',
  temporalWebUi: 'TEMPORAL_UI_URL', mongoUri: 'MONGODB_URI', mongoDatabase: 'MONGODB_DATABASE',
  shopifyApiOrigin: 'SHOPIFY_API_ORIGIN', secretsFile: 'SHOPSYNC_SECRETS_FILE',
  lockCheckSeconds: 'SHOPSYNC_LOCK_CHECK_SECONDS', lockResendSeconds: 'SHOPSYNC_LOCK_RESEND_SECONDS',
  lockMaxWaitSeconds: 'SHOPSYNC_LOCK_MAX_WAIT_SECONDS', lockTaskQueue: 'SHOPSYNC_LOCK_TASK_QUEUE',
  lockHistoryLimit: 'SHOPSYNC_LOCK_HISTORY_LIMIT', workflowBundlePath: 'SHOPSYNC_WORKFLOW_BUNDLE',
  servicePort: 'SHOPSYNC_SERVICE_PORT', serviceHost: 'SHOPSYNC_SERVICE_HOST',
  serviceToken: 'SHOPSYNC_SERVICE_TOKEN', serviceBasicAuth: 'SHOPSYNC_SERVICE_BASIC_AUTH',
  logLevel: 'SHOPSYNC_LOG_LEVEL', logFormat: 'SHOPSYNC_LOG_FORMAT',
  temporalTls: 'TEMPORAL_TLS', temporalTlsCaPath: 'TEMPORAL_TLS_CA_PATH', temporalTlsCertPath: 'TEMPORAL_TLS_CERT_PATH',
  temporalTlsKeyPath: 'TEMPORAL_TLS_KEY_PATH', temporalTlsServerName: 'TEMPORAL_TLS_SERVER_NAME', temporalApiKey: 'TEMPORAL_API_KEY',
  metricsPort: 'SHOPSYNC_METRICS_PORT', metricsHost: 'SHOPSYNC_METRICS_HOST',
  codecKeyId: 'SHOPSYNC_CODEC_KEY_ID', codecKey: 'SHOPSYNC_CODEC_KEY', codecOldKeys: 'SHOPSYNC_CODEC_OLD_KEYS',
  codecCorsOrigins: 'SHOPSYNC_CODEC_CORS_ORIGINS',
};

/** The settings that only make sense over TLS, and so turn it on. */
const TLS_SETTINGS = ['temporalTlsCaPath', 'temporalTlsCertPath', 'temporalTlsKeyPath', 'temporalTlsServerName', 'temporalApiKey'] as const;

const CodecKeyId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores (it is written beside every payload)');
/** A key's problem is said without the key. */
const Aes256Key = z.string().superRefine((text, context) => {
  const problem = aes256KeyProblem(text);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
const WebOrigin = z
  .string()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username;
    } catch {
      return false;
    }
  }, 'must be origins such as http://127.0.0.1:8233 (scheme, host and port only), separated by commas')
  .transform((text) => new URL(text).origin);

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
  /** TLS to Temporal; unset = on exactly when a TLS file, the server name or an API key is set. */
  temporalTls: z.boolean({ error: 'must be true or false' }).optional(),
  /** PEM files, read when a connection opens: the server's CA (unset: the system's roots), the client certificate and key for mTLS. */
  temporalTlsCaPath: z.string().min(1).optional(),
  temporalTlsCertPath: z.string().min(1).optional(),
  temporalTlsKeyPath: z.string().min(1).optional(),
  /** The name the server's certificate is checked against, when it differs from the address's host. */
  temporalTlsServerName: z.string().min(1).optional(),
  /** Temporal Cloud's API key: a secret, never logged and never passed on beyond the connection. */
  temporalApiKey: z.string().min(1).optional(),
  /** Where the worker serves the SDK's Prometheus metrics (`/metrics`); unset = no metrics. Host 127.0.0.1 by default. */
  metricsPort: z.coerce.number().int().min(0).max(65_535).optional(),
  metricsHost: z.string().refine((host) => isIP(host) !== 0, 'must be an IP address such as 127.0.0.1 or 0.0.0.0 (names are not resolved)').optional(),
  /** The payload codec (AES-256-GCM): the id written beside each encrypted payload, and the key; unset = payloads in clear. */
  codecKeyId: CodecKeyId.optional(),
  /** Base64 of 32 bytes: a secret, never logged and never in a message. */
  codecKey: Aes256Key.optional(),
  /** Keys retired by a rotation, by id: they only decrypt what they encrypted. */
  codecOldKeys: z
    .record(CodecKeyId, Aes256Key, {
      error: (issue) =>
        issue.code === 'invalid_type' ? 'must be key ids with their base64 keys: id1:base64,id2:base64 (in the secrets file, { "<id>": "<base64>" })'
        : issue.code === 'invalid_key' ? 'is not a key id: 1 to 64 letters, digits, dots, dashes or underscores'
        : undefined,
    })
    .optional(),
  /** Browser origins besides the Web UI's (TEMPORAL_UI_URL) that may call the service's codec endpoint. */
  codecCorsOrigins: z.array(WebOrigin).optional(),
}).superRefine((config, context) => {
  // Rules across variables; each message names the variables only, never a value (the API key is one).
  const { temporalTlsCertPath: cert, temporalTlsKeyPath: key } = config;
  if ((cert === undefined) !== (key === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [cert === undefined ? 'temporalTlsCertPath' : 'temporalTlsKeyPath'],
      message: `${ENV_NAMES.temporalTlsCertPath} and ${ENV_NAMES.temporalTlsKeyPath} go together: mTLS needs the client certificate and its key`,
    });
  }
  const needTls = TLS_SETTINGS.filter((field) => config[field] !== undefined).map((field) => ENV_NAMES[field]);
  if (config.temporalTls === false && needTls.length > 0) {
    context.addIssue({ code: 'custom', path: ['temporalTls'], message: `is false, but ${needTls.join(', ')} need${needTls.length === 1 ? 's' : ''} TLS` });
  }
  // The codec's messages name no source: its keys come from the environment or from the secrets file.
  if (config.codecKey !== undefined && config.codecKeyId === undefined) context.addIssue({ code: 'custom', path: ['codecKeyId'], message: 'is missing: payloads name the id of the key that encrypted them' });
  if (config.codecKeyId !== undefined && config.codecKey === undefined) context.addIssue({ code: 'custom', path: ['codecKey'], message: 'is missing: the key id needs its key' });
  if (config.codecOldKeys !== undefined && config.codecKey === undefined && config.codecKeyId === undefined) {
    context.addIssue({ code: 'custom', path: ['codecKey'], message: 'is missing: old keys only decrypt, the current key encrypts' });
  }
  if (config.codecKeyId !== undefined && config.codecOldKeys?.[config.codecKeyId] !== undefined) {
    context.addIssue({ code: 'custom', path: ['codecOldKeys', config.codecKeyId], message: 'is the current key id: an old key needs an id of its own' });
  }
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

/** Whether the connection to Temporal uses TLS: as set, or else when any setting that needs it is there. */
export function temporalTlsEnabled(config: Pick<AppConfig, 'temporalTls' | (typeof TLS_SETTINGS)[number]>): boolean {
  return config.temporalTls ?? TLS_SETTINGS.some((field) => config[field] !== undefined);
}

export class ConfigError extends Error {}

/** A yes/no variable: true/false (also 1/0, yes/no, on/off); anything else stays text for the schema to refuse. */
function flag(value: string | undefined): boolean | string | undefined {
  if (!value) return undefined;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  return value;
}

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
  const secretsFile = env.SHOPSYNC_SECRETS_FILE ?? stack?.secretsFile;
  const codec = codecKeyCandidate(env, secretsFile);
  const candidate = {
    temporalAddress: env.TEMPORAL_ADDRESS ?? stack?.temporalAddress ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? stack?.temporalNamespace ?? 'default',
    taskQueue: env.SHOPSYNC_TASK_QUEUE ?? 'shopify-sync',
    temporalWebUi: env.TEMPORAL_UI_URL ?? stack?.temporalWebUi,
    mongoUri: env.MONGODB_URI ?? stack?.mongoUri ?? 'mongodb://127.0.0.1:27017/',
    mongoDatabase: env.MONGODB_DATABASE ?? 'shopsync',
    shopifyApiOrigin: env.SHOPIFY_API_ORIGIN ?? stack?.emulatorUrl,
    secretsFile,
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
    temporalTls: flag(env.TEMPORAL_TLS),
    temporalTlsCaPath: env.TEMPORAL_TLS_CA_PATH || undefined,
    temporalTlsCertPath: env.TEMPORAL_TLS_CERT_PATH || undefined,
    temporalTlsKeyPath: env.TEMPORAL_TLS_KEY_PATH || undefined,
    temporalTlsServerName: env.TEMPORAL_TLS_SERVER_NAME || undefined,
    temporalApiKey: env.TEMPORAL_API_KEY || undefined,
    metricsPort: env.SHOPSYNC_METRICS_PORT || undefined,
    metricsHost: env.SHOPSYNC_METRICS_HOST || undefined,
    ...codec.values,
    codecCorsOrigins: env.SHOPSYNC_CODEC_CORS_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean),
  };
  const parsed = AppConfigSchema.safeParse(candidate);
  const names: Record<string, string> = { ...ENV_NAMES, ...codec.names };
  const problems = [
    ...codec.problems,
    ...(parsed.error?.issues ?? []).map((issue) => {
      const [setting, ...within] = issue.path.map(String);
      return `${names[setting as string] ?? issue.path.join('.')}${within.length ? ` "${within.join('.')}"` : ''}: ${issue.message}`;
    }),
  ];
  if (problems.length || !parsed.success) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return parsed.data;
}
