import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { ConfigError } from '../config';
import { CODEC_KEY_BYTES, codecKeysOf, type CodecKeys, type CodecKeySettings } from './codec-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A payload this codec cannot decrypt: its key is not configured, or it does not decrypt with it. Names the key id, never a key. */
export class PayloadDecryptionError extends Error {}

const text = (bytes: Uint8Array | null | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

/**
 * Encrypts every payload a client or worker sends to Temporal (workflow and activity inputs and
 * results, signals, queries, memos, heartbeat details, failure details, run summaries): the whole
 * serialized payload, its metadata included, with AES-256-GCM under a fresh 12-byte IV, as
 * `iv | ciphertext | tag` (the layout of the samples-typescript `encryption` sample). Only the
 * encoding (`binary/encrypted`) and the key's id stay readable. A payload that is not encrypted
 * decodes as it is, so histories written before the codec was turned on still read and replay.
 * Runs outside the workflow sandbox (client, worker, the service's codec endpoint).
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly keyId: string;

  constructor(keys: CodecKeys) {
    for (const [id, key] of [[keys.keyId, keys.key] as const, ...keys.oldKeys]) {
      if (key.length !== CODEC_KEY_BYTES) throw new ConfigError(`payload codec key "${id}" must be ${CODEC_KEY_BYTES} bytes (AES-256), not ${key.length}`);
    }
    this.keyId = keys.keyId;
    this.keys = new Map([...keys.oldKeys, [keys.keyId, keys.key]]);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.keys.get(this.keyId) as Buffer;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
      const sealed = Buffer.concat([cipher.update(temporal.api.common.v1.Payload.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(this.keyId) },
        data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
      if (keyId === undefined) throw new PayloadDecryptionError(`an encrypted payload has no ${KEY_ID_METADATA}: it cannot be decrypted`);
      const key = this.keys.get(keyId);
      if (!key) {
        throw new PayloadDecryptionError(
          `a payload was encrypted with key "${keyId}", which is not configured (current key "${this.keyId}"${this.keys.size > 1 ? `, old keys ${[...this.keys.keys()].filter((id) => id !== this.keyId).map((id) => `"${id}"`).join(', ')}` : ''}): ` +
            'keep a rotated key in SHOPSYNC_CODEC_OLD_KEYS (or the secrets file\'s codec.oldKeys)',
        );
      }
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError(`a payload encrypted with key "${keyId}" is truncated`);
      const decipher = createDecipheriv(CIPHER, key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      } catch {
        throw new PayloadDecryptionError(`a payload encrypted with key "${keyId}" does not decrypt with the key configured under that id (altered, or a different key)`);
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

/** The codec of a configuration; undefined when no key is configured (payloads stay in clear). */
export function payloadCodecFor(config: CodecKeySettings): AesGcmPayloadCodec | undefined {
  const keys = codecKeysOf(config);
  return keys && new AesGcmPayloadCodec(keys);
}

/** What a client or worker passes as `dataConverter`: the codec when configured, else Temporal's default. */
export function codecDataConverter(config: CodecKeySettings): DataConverter | undefined {
  const codec = payloadCodecFor(config);
  return codec && { payloadCodecs: [codec] };
}
