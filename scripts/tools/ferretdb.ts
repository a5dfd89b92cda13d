import { chmodSync, cpSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCached, findOnPath, MissingToolchainError, run, toolsDir } from './cache';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}

/**
 * Path to a FerretDB binary: FERRETDB_PATH, one on PATH, or v1.24.2 built once with the Go toolchain.
 * `go install` of that tag gives a binary that panics at start, because its generated
 * build/version/version.txt is not in the module zip; so the module source is copied, the file written, and built.
 */
export async function ensureFerretDb(): Promise<string> {
  const explicit = process.env.FERRETDB_PATH ?? findOnPath('ferretdb');
  if (explicit) return explicit;
  const dir = await ensureCached(join(toolsDir(), `ferretdb-${FERRETDB_VERSION}`), async (scratch) => {
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
