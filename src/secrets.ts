import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Access tokens stay out of MongoDB and out of Temporal: activities read them here, per shop, from
 * the environment (SHOPSYNC_TOKEN_<DOMAIN>, e.g. SHOPSYNC_TOKEN_DEMO_MYSHOPIFY_COM) or from a secrets
 * file, a JSON object of domain → token, read at each use so a rotated token needs no restart.
 */
export interface TokenSource {
  tokenFor(shop: string): string;
}

export class MissingTokenError extends Error {}

export function tokenEnvName(shop: string): string {
  return `SHOPSYNC_TOKEN_${shop.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

const SecretsFileSchema = z.record(z.string(), z.string().min(1));

export class EnvAndFileTokenSource implements TokenSource {
  constructor(private readonly secretsFile?: string, private readonly env: NodeJS.ProcessEnv = process.env) {}

  tokenFor(shop: string): string {
    const fromEnv = this.env[tokenEnvName(shop)];
    if (fromEnv) return fromEnv;
    const fromFile = this.fileTokens()[shop];
    if (fromFile) return fromFile;
    throw new MissingTokenError(
      `No access token for ${shop}: set ${tokenEnvName(shop)}` +
        (this.secretsFile ? ` or add "${shop}" to ${this.secretsFile}` : ' or set SHOPSYNC_SECRETS_FILE'),
    );
  }

  private fileTokens(): Record<string, string> {
    if (!this.secretsFile || !existsSync(this.secretsFile)) return {};
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(this.secretsFile, 'utf8'));
    } catch {
      throw new MissingTokenError(`${this.secretsFile} is not valid JSON`);
    }
    const parsed = SecretsFileSchema.safeParse(content);
    if (!parsed.success) throw new MissingTokenError(`${this.secretsFile} must be a JSON object of shop domain to token`);
    return parsed.data;
  }
}
