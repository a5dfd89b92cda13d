import { createHash } from 'node:crypto';
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCached, findOnPath, MissingToolchainError, run, toolsDir } from './cache';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

/**
 * FerretDB 1.x's SQLite backend creates each collection's unique `_id` index on the expression
 * `_ferretdb_sjson->"_id"` but looks `_id` up (find, update, delete) with `_ferretdb_sjson->'$._id'`:
 * the same JSON path written differently, which SQLite does not match to the index, so every lookup,
 * update and delete by `_id` scanned the whole collection (measured at 20,000 documents: 300 ms per
 * update or late lookup, 2 ms with the index). The patch writes the lookup as the index is written,
 * lets `{_id: {$in: [...]}}` (up to 500 ids) use the index too, and uses it for an `_id` condition
 * beside others (`{_id: x, updatedAt: y}`, a compare-and-set: 217 ms at 500 orders, a full scan,
 * without); the handler still applies the whole filter to what comes back, so answers do not change.
 * FerretDB 1.x is no longer developed.
 */
const PATCH = join(__dirname, 'ferretdb-1.24-sqlite.patch');

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}

/**
 * Path to a FerretDB binary: FERRETDB_PATH, one on PATH, or v1.24.2 built once with the Go toolchain
 * (with the `_id` index patch above).
 * `go install` of that tag gives a binary that panics at start, because its generated
 * build/version/version.txt is not in the module zip; so the module source is copied, the file written, and built.
 */
export async function ensureFerretDb(): Promise<string> {
  const explicit = process.env.FERRETDB_PATH ?? findOnPath('ferretdb');
  if (explicit) return explicit;
  const patch = readFileSync(PATCH);
  // A changed patch builds a new binary beside the old one.
  const build = `${FERRETDB_VERSION}-${createHash('sha256').update(patch).digest('hex').slice(0, 8)}`;
  const dir = await ensureCached(join(toolsDir(), `ferretdb-${build}`), async (scratch) => {
    if (!findOnPath('go')) {
      throw new MissingToolchainError(
        'FerretDB is built from source with the Go toolchain (apt-get install golang, or go.dev), ' +
          'or point FERRETDB_PATH at a ferretdb binary, or MONGODB_URI at a running MongoDB.',
      );
    }
    const module = JSON.parse(run('go', ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`])) as { Dir?: string };
    if (!module.Dir) throw new Error(`go mod download did not report a directory for ${MODULE}@${FERRETDB_VERSION}`);
    const source = join(scratch, 'src');
    cpSync(module.Dir, source, { recursive: true });
    makeWritable(source);
    writeFileSync(join(source, 'build', 'version', 'version.txt'), FERRETDB_VERSION);
    run('git', ['apply', '-p1', PATCH], { cwd: source });
    run('go', ['build', '-trimpath', '-o', join(scratch, 'bin', 'ferretdb'), './cmd/ferretdb'], {
      cwd: source,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
    });
    rmSync(source, { recursive: true, force: true });
    const version = run(join(scratch, 'bin', 'ferretdb'), ['--version']);
    if (!version.includes(FERRETDB_VERSION)) throw new Error(`unexpected ferretdb --version output: ${version}`);
  });
  return join(dir, 'bin', 'ferretdb');
}
