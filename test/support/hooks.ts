import { teeProcessOutput } from './output-recorder';
import { stopTestStack } from './stack';

teeProcessOutput();

/** Root hooks: whatever the run started is stopped at its end, pass or fail. */
export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await stopTestStack();
  },
};
