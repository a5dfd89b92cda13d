import { writeDefaultBundle } from '../src/temporal/workflow-bundle';

/** `npm run build`: bundles the workflow code once, for workers to load at start instead of bundling it each time. */
writeDefaultBundle()
  .then((path) => console.log(`Workflow bundle written: ${path}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
