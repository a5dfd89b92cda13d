import assert from 'node:assert/strict';
import type { LogLevel, LogMetadata } from '@temporalio/common';
import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, RetryState, TimeoutFailure, TimeoutType } from '@temporalio/common';
import { formatLogEntry, ProjectLogger, type LogFormat } from '../../src/logging';

const SHOP = 'a-shop.myshopify.com';
const UI = 'http://127.0.0.1:8233';
const TOKEN_MESSAGE = `Shopify refused the access token of ${SHOP} (HTTP 401): it is missing, revoked or lacks a scope`;
const STACK_LINE = /^\s+at /m;

/** The meta the SDK passes with 'Activity failed' (activity.js: activityLogAttributes + error, durationMs). */
function activityMeta(error: unknown): LogMetadata {
  return {
    isLocal: false,
    attempt: 1,
    namespace: 'default',
    taskToken: 'CiQ5ZWYtdGFzay10b2tlbg==',
    activityId: '3',
    activityType: 'fetchShopInfo',
    taskQueue: 'shopify-sync',
    workflowId: `run:${SHOP}:refreshShopInfo`,
    workflowRunId: 'run-1',
    workflowType: 'refreshShopInfo',
    error,
    durationMs: 41,
  };
}

/** 'Workflow failed' as it reaches the logger: through the workflow thread's postMessage (structured clone). */
function workflowMeta(error: unknown, workflowId = `sched:${SHOP}:orders-2026-05-04T10:00:00Z`, workflowType = 'syncOrders'): LogMetadata {
  return { namespace: 'default', taskQueue: 'shopify-sync', workflowId, runId: 'run-2', workflowType, sdkComponent: 'worker', error: structuredClone(error) };
}

function revokedToken(): ApplicationFailure {
  return ApplicationFailure.create({ message: `${TOKEN_MESSAGE}\nsecond line`, type: 'ShopifyAuthError', nonRetryable: true });
}

function format(message: string, meta: LogMetadata, logFormat: LogFormat = 'text', level: LogLevel = 'WARN'): string {
  return formatLogEntry({ level, message, meta, time: new Date('2026-05-04T10:42:07.123Z') }, { format: logFormat, webUi: () => UI, namespace: 'default' });
}

describe('project logger', () => {
  it('prints an expected activity failure (revoked token) as one line: task, shop, message, type and the run\'s Web UI link, no stack', () => {
    const line = format('Activity failed', activityMeta(revokedToken()));
    assert.equal(
      line,
      `2026-05-04T10:42:07.123Z WARN failed activity fetchShopInfo task=refreshShopInfo shop=${SHOP}: ${TOKEN_MESSAGE} (ShopifyAuthError) ` +
        `${UI}/namespaces/default/workflows/run%3A${SHOP}%3ArefreshShopInfo/run-1/history`,
    );
  });

  it('prints a run that failed with an expected failure as one line, though its type is lost crossing from the workflow thread', () => {
    const activity = new ActivityFailure('Activity task failed', 'fetchOrders', '5', RetryState.NON_RETRYABLE_FAILURE, 'worker', revokedToken());
    const run = ApplicationFailure.create({ message: TOKEN_MESSAGE, type: 'ShopifyAuthError', nonRetryable: true, cause: activity });
    const line = format('Workflow failed', workflowMeta(run));
    assert.doesNotMatch(line, /\n/);
    assert.match(line, new RegExp(`^\\S+ WARN failed workflow syncOrders task=orders shop=${SHOP}: ${TOKEN_MESSAGE.replace(/[()]/g, '\\$&')} `));
    assert.ok(line.endsWith(`/namespaces/default/workflows/${encodeURIComponent(`sched:${SHOP}:orders-2026-05-04T10:00:00Z`)}/run-2/history`));

    const invalidInput = ApplicationFailure.nonRetryable('Invalid input for refreshShopInfo: shop: must be a shop domain', 'InvalidTaskInput');
    const invalidLine = format('Workflow failed', workflowMeta(invalidInput, 'bad-1', 'refreshShopInfo'));
    assert.match(invalidLine, /^\S+ WARN failed workflow refreshShopInfo task=refreshShopInfo: Invalid input for refreshShopInfo: shop: must be a shop domain \S+\/workflows\/bad-1\/run-2\/history$/);
  });

  it('judges a failure wrapped in an ActivityFailure or ChildWorkflowFailure by its cause: a non-retryable type is expected', () => {
    const disabled = ApplicationFailure.create({ message: `${SHOP} is disabled`, type: 'ShopDisabled' });
    const inActivity = new ActivityFailure('Activity task failed', 'assertShopEnabled', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', disabled);
    const inChild = new ChildWorkflowFailure('default', { workflowId: `run:${SHOP}:products`, runId: 'child-1' }, 'syncProducts', RetryState.NON_RETRYABLE_FAILURE, inActivity);
    for (const error of [inActivity, inChild]) {
      const line = format('Workflow failed', { ...workflowMeta(undefined, `run:${SHOP}:products`, 'syncProducts'), error });
      assert.equal(line, `2026-05-04T10:42:07.123Z WARN failed workflow syncProducts task=products shop=${SHOP}: ${SHOP} is disabled (ShopDisabled) ${UI}/namespaces/default/workflows/run%3A${SHOP}%3Aproducts/run-2/history`);
    }
  });

  it('keeps message and stack for unexpected errors: a crash, a retryable failure, a timeout', () => {
    const crash = new TypeError("Cannot read properties of undefined (reading 'id')");
    const retryable = ApplicationFailure.create({ message: 'connect ECONNREFUSED 127.0.0.1:27017', type: 'MongoNetworkError' });
    const timeout = new ActivityFailure('Activity task timed out', 'importOrderPages', '7', RetryState.TIMEOUT, 'worker', new TimeoutFailure('timed out', undefined, TimeoutType.SCHEDULE_TO_CLOSE));
    for (const [error, first] of [[crash, "TypeError: Cannot read properties of undefined (reading 'id')"], [retryable, 'ApplicationFailure: connect ECONNREFUSED'], [timeout, 'ActivityFailure: Activity task timed out']] as const) {
      const [headline, ...stack] = format('Activity failed', activityMeta(error)).split('\n');
      assert.match(headline ?? '', /^\S+ WARN Activity failed task=refreshShopInfo shop=a-shop\.myshopify\.com.* attempt=1 activityType=fetchShopInfo /);
      assert.ok(stack[0]?.startsWith(first), stack[0]);
      assert.match(stack.join('\n'), STACK_LINE);
    }
  });

  it('prints one parseable JSON object per line with the run\'s fields, and the stack as a field for unexpected errors', () => {
    const expected = JSON.parse(format('Activity failed', activityMeta(revokedToken()), 'json')) as Record<string, unknown>;
    assert.deepEqual(
      { ...expected, taskToken: undefined },
      {
        time: '2026-05-04T10:42:07.123Z',
        level: 'WARN',
        message: 'failed activity fetchShopInfo',
        task: 'refreshShopInfo',
        shop: SHOP,
        isLocal: false,
        attempt: 1,
        namespace: 'default',
        activityId: '3',
        activityType: 'fetchShopInfo',
        taskQueue: 'shopify-sync',
        workflowId: `run:${SHOP}:refreshShopInfo`,
        workflowType: 'refreshShopInfo',
        durationMs: 41,
        runId: 'run-1',
        failureType: 'ShopifyAuthError',
        error: TOKEN_MESSAGE,
        webUiUrl: `${UI}/namespaces/default/workflows/run%3A${SHOP}%3ArefreshShopInfo/run-1/history`,
        expected: true,
        taskToken: undefined,
      },
    );
    const crashLine = format('Activity failed', activityMeta(new Error('boom')), 'json');
    assert.doesNotMatch(crashLine, /\n/);
    const crash = JSON.parse(crashLine) as Record<string, unknown>;
    assert.equal(crash.message, 'Activity failed');
    assert.equal(crash.expected, false);
    assert.match(String(crash.stack), /^Error: boom\n\s+at /);
    assert.deepEqual(JSON.parse(format('Worker state changed', { state: 'RUNNING', sdkComponent: 'worker' }, 'json', 'INFO')), {
      time: '2026-05-04T10:42:07.123Z', level: 'INFO', message: 'Worker state changed', state: 'RUNNING', sdkComponent: 'worker',
    });
  });

  it('filters by level and hands each line with its level to the sink', () => {
    const lines: Array<[string, LogLevel]> = [];
    const logger = new ProjectLogger({ level: 'WARN', format: 'text' }, (line, level) => lines.push([line, level]));
    logger.trace('trace');
    logger.debug('debug');
    logger.info('info');
    logger.warn('warn', { state: 'DRAINING' });
    logger.error('error');
    logger.log('INFO', 'info again');
    assert.deepEqual(lines.map(([line, level]) => [line.replace(/^\S+ /, ''), level]), [['WARN warn state=DRAINING', 'WARN'], ['ERROR error', 'ERROR']]);
    const debug: string[] = [];
    new ProjectLogger({ level: 'DEBUG', format: 'json' }, (line) => debug.push(line)).debug('Activity started');
    assert.equal((JSON.parse(debug[0] ?? '{}') as { level: string }).level, 'DEBUG');
  });

  it('never prints token-shaped strings, nor secret or request-shaped meta, in either format', () => {
    const secrets = ['shpat_0123456789abcdef', 'shpca_abc', 'shpss_webhook_secret', 'shppa_private_app', 'hunter22', 'CiQ5ZWYtdGFzay10b2tlbg=='];
    const meta: LogMetadata = {
      ...activityMeta(ApplicationFailure.create({ message: `request failed with X-Shopify-Access-Token: ${secrets[0]}`, type: 'ShopifyTransportError' })),
      headers: { 'X-Shopify-Access-Token': secrets[0] },
      body: '{"query":"{ shop { name } }"}',
      request: { url: 'https://a/admin/api', headers: { authorization: `Bearer ${secrets[1]}` } },
      variables: { first: 50 },
      token: secrets[0],
      accessToken: secrets[1],
      authorization: `Bearer ${secrets[1]}`,
      password: secrets[4],
      secret: secrets[2],
      details: { note: `rotated to ${secrets[3]}`, nested: { webhookSecret: secrets[2] } },
    };
    for (const logFormat of ['text', 'json'] as const) {
      const lines = [
        format(`token ${secrets[0]} refused`, meta, logFormat),
        format('Activity failed', activityMeta(ApplicationFailure.nonRetryable(`bad token ${secrets[3]}`, 'ShopifyAuthError')), logFormat),
      ].join('\n');
      for (const secret of secrets) assert.ok(!lines.includes(secret), `${logFormat} output shows ${secret}: ${lines}`);
      for (const key of ['headers', 'body', 'request', 'variables', 'accessToken', 'authorization', 'password', 'webhookSecret', 'taskToken']) {
        assert.ok(!new RegExp(`\\b${key}\\b["=]`).test(lines), `${logFormat} output shows ${key}`);
      }
      assert.match(lines, /\[redacted\]/);
    }
  });
});
