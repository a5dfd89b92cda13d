import { runCli } from './cli/main';

// The `shopsync` command (bin/shopsync.cjs); the commands themselves are in src/cli/.
void runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then((code) => {
  // A failure exits at once, whatever is still open; a success ends when the client has closed.
  if (code !== 0) process.exit(code);
});
