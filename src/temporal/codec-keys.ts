import { existsSync, readFileSync } from 'node:fs';
import type { AppConfig } from '../config';
import { CODEC_SECRETS_ENTRY } from '../secrets';

/** AES-256 takes a 32-byte key. */
export const CODEC_KEY_BYTES = 32;

/**
 * The payload codec's keys: the current one encrypts every new payload and is named in it by its id;
 * the old ones, kept after a rotation, still decrypt what they encrypted. The key itself never leaves
 * the process (not in payloads, messages or logs).
 */
export interface CodecKeys {
  keyId: string;
  key: Buffer;
  oldKeys: ReadonlyMap<string, Buffer>;
}

export type CodecKeySettings = Pick<AppConfig, 'codecKeyId' | 'codecKey' | 'codecOldKeys'>;
type CodecKeyField = keyof CodecKeySettings;

/** The bytes of a base64 key (standard or URL-safe alphabet); undefined when the text is not base64. */
export function keyBytes(text: string): Buffer | undefined {
  const trimmed = text.trim();
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
}

/** Whether a text is the base64 of exactly 32 bytes; what is wrong is said without the text. */
export function aes256KeyProblem(text: string): string | undefined {
  const bytes = keyBytes(text);
  if (!bytes) return 'must be base64 (for example the output of openssl rand -base64 32)';
  return bytes.length === CODEC_KEY_BYTES ? undefined : `must be the base64 of ${CODEC_KEY_BYTES} bytes (an AES-256 key), not of ${bytes.length}`;
}

/** `id1:base64,id2:base64` as id → key; undefined when an entry has no id (the text is never echoed). */
export function parseKeyList(text: string): Record<string, string> | undefined {
  const keys: Record<string, string> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    if (colon <= 0) return undefined;
    keys[entry.slice(0, colon).trim()] = entry.slice(colon + 1).trim();
  }
  return keys;
}

export interface CodecKeyCandidate {
  values: Partial<Record<CodecKeyField, unknown>>;
  /** What to call each setting in a message, when it did not come from its environment variable. */
  names: Partial<Record<CodecKeyField, string>>;
  /** Problems found before the values can be checked (the secrets file's entry is not an object, unknown fields). */
  problems: string[];
}

const FILE_FIELDS: Record<string, CodecKeyField> = { keyId: 'codecKeyId', key: 'codecKey', oldKeys: 'codecOldKeys' };

/**
 * Where the codec's keys come from: the environment when any SHOPSYNC_CODEC_KEY* variable is set
 * (SHOPSYNC_CODEC_KEY, SHOPSYNC_CODEC_KEY_ID, SHOPSYNC_CODEC_OLD_KEYS), else the secrets file's reserved
 * "codec" entry (`{ "keyId": "...", "key": "<base64>", "oldKeys": { "<id>": "<base64>" } }`), else none.
 * Read once, when the configuration is loaded: a rotation restarts the worker, the service and clients.
 */
export function codecKeyCandidate(env: NodeJS.ProcessEnv, secretsFile: string | undefined): CodecKeyCandidate {
  const fromEnv = env.SHOPSYNC_CODEC_KEY || env.SHOPSYNC_CODEC_KEY_ID || env.SHOPSYNC_CODEC_OLD_KEYS;
  if (fromEnv) {
    const oldKeys = env.SHOPSYNC_CODEC_OLD_KEYS ? (parseKeyList(env.SHOPSYNC_CODEC_OLD_KEYS) ?? 'malformed') : undefined;
    return { values: { codecKeyId: env.SHOPSYNC_CODEC_KEY_ID || undefined, codecKey: env.SHOPSYNC_CODEC_KEY || undefined, codecOldKeys: oldKeys }, names: {}, problems: [] };
  }
  if (!secretsFile || !existsSync(secretsFile)) return { values: {}, names: {}, problems: [] };
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(secretsFile, 'utf8'));
  } catch {
    return { values: {}, names: {}, problems: [`SHOPSYNC_SECRETS_FILE: ${secretsFile} is not valid JSON`] };
  }
  const entry = (content as Record<string, unknown> | null)?.[CODEC_SECRETS_ENTRY];
  if (entry === undefined) return { values: {}, names: {}, problems: [] };
  const where = `${secretsFile} "${CODEC_SECRETS_ENTRY}"`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return { values: {}, names: {}, problems: [`${where}: must be an object { "keyId": "...", "key": "<base64>", "oldKeys": { "<id>": "<base64>" } }`] };
  }
  const unknown = Object.keys(entry).filter((field) => !(field in FILE_FIELDS));
  const values: CodecKeyCandidate['values'] = {};
  const names: CodecKeyCandidate['names'] = {};
  for (const [field, setting] of Object.entries(FILE_FIELDS)) {
    values[setting] = (entry as Record<string, unknown>)[field];
    names[setting] = `${where}.${field}`;
  }
  return { values, names, problems: unknown.length ? [`${where}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (it takes keyId, key and oldKeys)`] : [] };
}

/** The keys of a checked configuration; undefined when no key is configured (the codec is off). */
export function codecKeysOf(config: CodecKeySettings): CodecKeys | undefined {
  if (!config.codecKey || !config.codecKeyId) return undefined;
  const bytes = (text: string): Buffer => keyBytes(text) ?? Buffer.alloc(0);
  return {
    keyId: config.codecKeyId,
    key: bytes(config.codecKey),
    oldKeys: new Map(Object.entries(config.codecOldKeys ?? {}).map(([id, key]) => [id, bytes(key)])),
  };
}
