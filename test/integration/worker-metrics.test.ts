import assert from 'node:assert/strict';
import { freePort } from '../../scripts/tools/process';
import { eventually } from '../support/eventually';
import { isolatedQueue, spawnWorker, type WorkerProcess } from '../support/lock-probes';
import { testBundleFile, testConfig } from '../support/stack';

/** SHOPSYNC_METRICS_PORT turns on the SDK's Prometheus exporter in the worker's runtime. */
describe('worker metrics', () => {
  let worker: WorkerProcess | undefined;

  before(async () => {
    // The servers and the workflow bundle, once per test run: not part of what the test times.
    await testConfig();
    await testBundleFile();
  });

  afterEach(async () => {
    worker?.child.kill('SIGKILL');
    await worker?.exited;
    worker = undefined;
  });

  it('serves the SDK\'s metrics as Prometheus text at http://127.0.0.1:<SHOPSYNC_METRICS_PORT>/metrics, the worker\'s start on its task queue among them', async function () {
    this.timeout(20_000);
    const port = await freePort();
    const queue = isolatedQueue('metrics');
    worker = await spawnWorker(queue, { metricsPort: port, logLevel: 'ERROR' });
    const started = new RegExp(`^temporal_worker_start\\{[^}]*task_queue="${queue}"[^}]*\\} 1$`, 'm');
    const served = await eventually('the worker reports its start on its queue', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
      const body = await response?.text();
      return response?.ok && body && started.test(body) ? { type: response.headers.get('content-type') ?? '', body } : undefined;
    }, 100, 100);
    assert.match(served.type, /^text\/plain; version=0\.0\.4/);
    assert.match(served.body, /^# TYPE temporal_worker_start counter$/m);
    assert.match(served.body, /^temporal_request\{[^}]*operation="[A-Za-z]+"[^}]*\} \d+$/m, 'the connection\'s requests are counted too');
  });
});
