import type { IncomingMessage } from 'node:http';

/** What a route answers; the service writes it. `body` is sent as JSON unless a type says otherwise. */
export interface HttpReply {
  status: number;
  body: unknown;
  type?: 'json' | 'html' | 'text' | 'css' | 'javascript';
  headers?: Record<string, string>;
}

/** A request input that cannot be used: 400, naming the field (the same message the CLI prints). */
export class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

export const json = (status: number, body: unknown): HttpReply => ({ status, body });
export const html = (status: number, body: string): HttpReply => ({ status, body, type: 'html' });
export const redirect = (location: string): HttpReply => ({ status: 303, body: '', type: 'text', headers: { location } });

/** Reads a request body up to a size; undefined when it is larger. */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A positive whole number from a query parameter, or the fallback when absent. */
export function positiveInt(value: string | null, field: string, fallback: number, max = 1000): number {
  if (value === null || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new FieldError(field, `must be a whole number from 1 to ${max}`);
  return number;
}
