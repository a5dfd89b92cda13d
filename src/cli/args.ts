import { readFileSync } from 'node:fs';

/** A usage or input mistake: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** `key=value` pairs from repeated --set flags; values are read as JSON when they parse, else as text. */
export function parseAssignments(assignments: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const index = assignment.indexOf('=');
    if (index <= 0) throw new UsageError(`--set expects key=value, got "${assignment}"`);
    const key = assignment.slice(0, index).trim();
    const raw = assignment.slice(index + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text
    }
    result[key] = value;
  }
  return result;
}

export function parseJsonObject(text: string | undefined, flag: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} must be a JSON object, got: ${text}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${flag} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function readJsonFile(path: string | undefined, flag: string): Record<string, unknown> | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${flag}: cannot read ${path}`);
  }
  return parseJsonObject(text, flag);
}

export function requirePositional(positionals: string[], index: number, name: string, usage: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`missing ${name}. Usage: ${usage}`);
  return value;
}
