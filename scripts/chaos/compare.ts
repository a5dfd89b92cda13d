import type { Digest } from './digest';

/**
 * The chaos run's digest against the clean run's, key by key. `lost`: records the clean run has and the
 * chaos run lacks; `doubled`: records beyond the clean run's count under a key (a document or a
 * fulfillment made twice); `changed`: keys with as many records but other values; `extra`: keys only
 * the chaos run has. A few examples of each are kept for the report.
 */
export interface Comparison {
  lost: number;
  doubled: number;
  changed: number;
  extra: number;
  digestEqual: boolean;
  examples: {
    lost: string[];
    doubled: string[];
    changed: Array<{ key: string; clean: string[]; chaos: string[] }>;
    extra: Array<{ key: string; chaos: string[] }>;
  };
}

const EXAMPLES = 10;

export function compareDigests(clean: Digest, chaos: Digest): Comparison {
  const result: Comparison = { lost: 0, doubled: 0, changed: 0, extra: 0, digestEqual: clean.hash === chaos.hash, examples: { lost: [], doubled: [], changed: [], extra: [] } };
  const keys = new Set([...Object.keys(clean.records), ...Object.keys(chaos.records)]);
  for (const key of [...keys].sort()) {
    const expected = clean.records[key] ?? [];
    const found = chaos.records[key] ?? [];
    if (expected.length === 0) {
      result.extra += 1;
      if (found.length > 1) result.doubled += found.length - 1;
      if (result.examples.extra.length < EXAMPLES) result.examples.extra.push({ key, chaos: found });
      continue;
    }
    if (found.length < expected.length) {
      result.lost += expected.length - found.length;
      if (result.examples.lost.length < EXAMPLES) result.examples.lost.push(key);
    } else if (found.length > expected.length) {
      result.doubled += found.length - expected.length;
      if (result.examples.doubled.length < EXAMPLES) result.examples.doubled.push(key);
    } else if (expected.join('\n') !== found.join('\n')) {
      result.changed += 1;
      if (result.examples.changed.length < EXAMPLES) result.examples.changed.push({ key, clean: expected, chaos: found });
    }
  }
  return result;
}
