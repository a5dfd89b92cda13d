import type { IncomingMessage } from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { isAuthorized, type AccessCredentials } from './access';
import { json, readBody, type HttpReply } from './http-io';

export interface CodecEndpointDeps {
  /** The payload codec of the worker and clients; undefined when none is configured (the endpoint answers 404). */
  codec?: PayloadCodec;
  /** Browser origins that may call the endpoint (the Web UI's): CORS answers name them, and only them. */
  corsOrigins: readonly string[];
}

/** A history's payloads are at most 2 MiB each and 4 MiB a message; base64 adds a third. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const ALLOWED_HEADERS = 'content-type, x-namespace, authorization';

/** Payloads as proto3 JSON, as the Web UI and the Temporal CLI send them: bytes in base64. */
const PayloadsBody = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).nullish(), data: z.string().nullish() })),
});
type JsonPayload = z.infer<typeof PayloadsBody>['payloads'][number];

const fromJson = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
  data: data ? Buffer.from(data, 'base64') : undefined,
});

const toJson = ({ metadata, data }: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
  ...(data?.length ? { data: Buffer.from(data).toString('base64') } : {}),
});

export function isCodecPath(pathname: string): boolean {
  return pathname === '/codec' || pathname.startsWith('/codec/');
}

/**
 * The browser origins allowed to call the codec endpoint: the Web UI's (TEMPORAL_UI_URL; on loopback
 * both 127.0.0.1 and localhost, since the origin is whichever one was typed) and SHOPSYNC_CODEC_CORS_ORIGINS.
 */
export function codecCorsOrigins(config: Pick<AppConfig, 'temporalWebUi' | 'codecCorsOrigins'>): string[] {
  const origins = new Set<string>();
  if (config.temporalWebUi) {
    const ui = new URL(config.temporalWebUi);
    origins.add(ui.origin);
    const twin = ({ '127.0.0.1': 'localhost', localhost: '127.0.0.1' } as Record<string, string>)[ui.hostname];
    if (twin) origins.add(`${ui.protocol}//${twin}${ui.port ? `:${ui.port}` : ''}`);
  }
  for (const origin of config.codecCorsOrigins ?? []) origins.add(new URL(origin).origin);
  return [...origins];
}

/**
 * Temporal's remote codec protocol, for the Web UI and `temporal --codec-endpoint <service>/codec`:
 * `POST .../encode` and `POST .../decode` take and answer `{ "payloads": [{ "metadata": { k: base64 },
 * "data": base64 }] }`; only the last path segment counts, so `/codec/{namespace}/decode` works too.
 * Decoded payloads are customer data: the endpoint asks for the service's credentials like the status
 * page (the CLI sends them with --codec-auth), and answers browsers from the allowed origins only (CORS,
 * with credentials). The preflight (OPTIONS) carries no credentials and needs none.
 */
export async function codecEndpoint(deps: CodecEndpointDeps, credentials: AccessCredentials, request: IncomingMessage, url: URL): Promise<HttpReply> {
  const origin = request.headers.origin;
  const allowed = origin !== undefined && deps.corsOrigins.includes(origin);
  const cors: Record<string, string> = { vary: 'Origin', ...(allowed ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {}) };
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): HttpReply => ({ ...json(status, body), headers: { ...cors, 'cache-control': 'no-store', ...headers } });
  if (origin !== undefined && !allowed) {
    return reply(403, { error: `origin ${origin} may not call the codec endpoint: the Web UI's origin (TEMPORAL_UI_URL) and SHOPSYNC_CODEC_CORS_ORIGINS may` });
  }
  if (request.method === 'OPTIONS') {
    return { status: 204, body: '', type: 'text', headers: { ...cors, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' } };
  }
  if (!isAuthorized(request, credentials)) {
    return reply(401, { error: 'unauthorized: send the service token (Authorization: Bearer ..., temporal --codec-auth "Bearer ...") or basic-auth credentials' });
  }
  if (!deps.codec) {
    return reply(404, { error: 'no payload codec is configured on this service: set SHOPSYNC_CODEC_KEY and SHOPSYNC_CODEC_KEY_ID, or "codec" in the secrets file' });
  }
  const operation = /\/(encode|decode)$/.exec(url.pathname)?.[1] as 'encode' | 'decode' | undefined;
  if (!operation) return reply(404, { error: 'not found: the codec endpoint answers POST .../encode and POST .../decode' });
  if (request.method !== 'POST') return reply(405, { error: `${operation} takes POST` }, { allow: 'POST, OPTIONS' });
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return reply(415, { error: 'send the payloads as application/json' });
  const text = await readBody(request, MAX_BODY_BYTES);
  if (text === undefined) return reply(413, { error: `the payloads exceed ${MAX_BODY_BYTES / 1024 / 1024} MiB` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply(400, { error: 'the body is not JSON' });
  }
  const parsed = PayloadsBody.safeParse(body);
  if (!parsed.success) return reply(400, { error: 'the body must be { "payloads": [{ "metadata": { "<key>": "<base64>" }, "data": "<base64>" }] }' });
  try {
    const payloads = await deps.codec[operation](parsed.data.payloads.map(fromJson));
    return reply(200, { payloads: payloads.map(toJson) });
  } catch (error) {
    // The protocol's answer to a payload the codec cannot handle (an unknown key id, altered data).
    return reply(400, { error: `cannot ${operation}: ${error instanceof Error ? error.message : String(error)}` });
  }
}
