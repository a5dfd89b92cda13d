import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Access tokens stay out of MongoDB and out of Temporal: activities read them here, per shop, from
 * the environment (SHOPSYNC_TOKEN_<DOMAIN>, e.g. SHOPSYNC_TOKEN_DEMO_MYSHOPIFY_COM) or from a secrets
 * file, a JSON object of domain → token (or → `{ "token": ..., "webhookSecret": ... }`), read at each
 * use so a rotated token needs no restart. The webhook secret is the app's client secret, which
 * Shopify signs webhook deliveries with (SHOPSYNC_WEBHOOK_SECRET_<DOMAIN>, or the file).
 */
export interface TokenSource {
  tokenFor(shop: string): string;
}

export interface WebhookSecretSource {
  /** The secret deliveries of this shop are signed with; undefined when none is configured. */
  webhookSecretFor(shop: string): string | undefined;
}

export class MissingTokenError extends Error {}

export function tokenEnvName(shop: string): string {
  return `SHOPSYNC_TOKEN_${shop.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function webhookSecretEnvName(shop: string): string {
  return `SHOPSYNC_WEBHOOK_SECRET_${shop.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * The secrets file's one reserved top-level entry: the payload codec's keys (src/temporal/codec-keys.ts),
 * never a shop (shop domains contain dots).
 */
export const CODEC_SECRETS_ENTRY = 'codec';

const ShopSecretsSchema = z.union([z.string().min(1), z.object({ token: z.string().min(1), webhookSecret: z.string().min(1).optional() }).strict()]);
const SecretsFileSchema = z.record(z.string(), ShopSecretsSchema);
type ShopSecrets = z.infer<typeof ShopSecretsSchema>;

export class EnvAndFileTokenSource implements TokenSource, WebhookSecretSource {
  constructor(private readonly secretsFile?: string, private readonly env: NodeJS.ProcessEnv = process.env) {}

  tokenFor(shop: string): string {
    const fromEnv = this.env[tokenEnvName(shop)];
    if (fromEnv) return fromEnv;
    const fromFile = this.fileSecrets()[shop];
    if (fromFile) return typeof fromFile === 'string' ? fromFile : fromFile.token;
    throw new MissingTokenError(
      `No access token for ${shop}: set ${tokenEnvName(shop)}` +
        (this.secretsFile ? ` or add "${shop}" to ${this.secretsFile}` : ' or set SHOPSYNC_SECRETS_FILE'),
    );
  }

  webhookSecretFor(shop: string): string | undefined {
    const fromEnv = this.env[webhookSecretEnvName(shop)];
    if (fromEnv) return fromEnv;
    const fromFile = this.fileSecrets()[shop];
    return typeof fromFile === 'object' ? fromFile.webhookSecret : undefined;
  }

  private fileSecrets(): Record<string, ShopSecrets> {
    if (!this.secretsFile || !existsSync(this.secretsFile)) return {};
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(this.secretsFile, 'utf8'));
    } catch {
      throw new MissingTokenError(`${this.secretsFile} is not valid JSON`);
    }
    const isObject = content !== null && typeof content === 'object' && !Array.isArray(content);
    const shops = isObject ? Object.fromEntries(Object.entries(content as Record<string, unknown>).filter(([entry]) => entry !== CODEC_SECRETS_ENTRY)) : content;
    const parsed = SecretsFileSchema.safeParse(shops);
    if (!parsed.success) throw new MissingTokenError(`${this.secretsFile} must be a JSON object of shop domain to token (or to { token, webhookSecret })`);
    return parsed.data;
  }
}
