import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { LogTimestamp, Runtime } from '@temporalio/worker';
import type { AppConfig } from './config';
import { NON_RETRYABLE_FAILURES } from './domain/failure-types';
import { isTaskKey, TASKS } from './domain/tasks';
import { webUiWorkflowUrl } from './temporal/web-ui';

/**
 * The worker's Temporal logger. The SDK logs every failed activity attempt ('Activity failed') and
 * every failed run ('Workflow failed') at WARN with the error object in `meta.error`, and its default
 * logger prints that object whole: stack, cause chain and all the meta (the activity's task token
 * among it). A failure someone has to act on rather than debug (a revoked token, bad input, a
 * disabled shop) becomes one line here: task, shop, message and the run's Web UI link.
 */
export type LogFormat = 'text' | 'json';
export type LogSink = (line: string, level: LogLevel) => void;

export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
  /** The Web UI's base URL for the runs' links; a function, as the demo learns it only once its stack runs. */
  webUi?: () => string | undefined;
  /** The namespace of the links when a log line does not name its own. */
  namespace?: string;
}

export interface LogEntry {
  level: LogLevel;
  message: string;
  meta?: LogMetadata;
  time: Date;
}

const SEVERITY: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };
const EXPECTED_TYPES: ReadonlySet<string> = new Set(NON_RETRYABLE_FAILURES);
/** Failures that only say where the real one happened; the one to judge is their cause. */
const WRAPPERS = new Set(['ActivityFailure', 'ChildWorkflowFailure', 'WorkflowFailedError']);
/** Request-shaped or secret meta never reaches a log line, whoever passes it (the SDK's `taskToken` included). */
const SECRET_KEY = /token|secret|password|passwd|authori[sz]ation|cookie|credential|api_?key|^(headers?|body|request|response|variables|query)$/i;
const SECRET_TEXT = [/shp(?:at|ca|ss|pa)_[A-Za-z0-9_-]+/g, /((?:x-shopify-access-token|authorization)["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"',}]+/gi];
/** Meta that is in every SDK line and says nothing to a reader of the text format (JSON keeps it). */
const QUIET_IN_TEXT = new Set(['sdkComponent', 'namespace', 'taskQueue', 'isLocal', 'activityId', 'spanContexts', 'target', 'expected']);
const TASK_OF_WORKFLOW_TYPE = new Map<string, string>(Object.entries(TASKS).map(([task, definition]) => [definition.workflowType, task]));
const RUN_OR_SCHEDULE_ID = /^(?:run|sched):([^:]+):([A-Za-z]+)/;
const LOCK_ID = /^shop-lock:([^:]+)/;

export function scrub(text: string): string {
  return SECRET_TEXT.reduce((out, pattern) => out.replace(pattern, (_match, prefix?: unknown) => `${typeof prefix === 'string' ? prefix : ''}[redacted]`), text);
}

/** Meta as plain JSON values, without secret keys and with token-shaped text redacted. */
function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Error) return scrub(`${value.name}: ${value.message}`);
  if (ArrayBuffer.isView(value)) return '[binary]';
  if (depth >= 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => sanitize(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    const clean = sanitize(item, depth + 1);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  cause?: unknown;
  type?: unknown;
  nonRetryable?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';
}

/**
 * The class of a failure. A run's failure reaches the logger through the workflow thread's
 * postMessage, which keeps only message, stack and cause: its class survives only in the stack's
 * first line ("ApplicationFailure: ...").
 */
function failureName(error: ErrorLike): string {
  const name = typeof error.name === 'string' ? error.name : 'Error';
  if (name !== 'Error') return name;
  return (typeof error.stack === 'string' && /^([A-Za-z_$][\w$]*)(?::|\n|$)/.exec(error.stack)?.[1]) || name;
}

/**
 * Whether a failure is one the code raised on purpose for people to read. An application failure
 * that crossed from the workflow thread has lost its type and flag; a workflow fails with one only
 * deliberately (the activity's message with its type, or invalid input, a lost or timed-out lock),
 * and a failed workflow is never retried, so it counts as expected too.
 */
function describeFailure(error: ErrorLike): { expected: boolean; failure: ErrorLike } {
  let failure = error;
  while (WRAPPERS.has(failureName(failure)) && isErrorLike(failure.cause)) failure = failure.cause;
  if (failureName(failure) !== 'ApplicationFailure') return { expected: false, failure };
  const typeLost = failure.type === undefined && failure.nonRetryable === undefined;
  return { expected: typeLost || failure.nonRetryable === true || EXPECTED_TYPES.has(String(failure.type)), failure };
}

/** Task and shop of a run, from its id (`run:<shop>:<task>...`, `sched:<shop>:<task>...`) or its workflow type. */
function runOf(meta: Record<string, unknown>): { task?: string; shop?: string } {
  const workflowId = typeof meta.workflowId === 'string' ? meta.workflowId : '';
  const shop = typeof meta.shop === 'string' ? meta.shop : undefined;
  const run = RUN_OR_SCHEDULE_ID.exec(workflowId);
  if (run?.[2] && isTaskKey(run[2])) return { task: run[2], shop: shop ?? run[1] };
  const workflowType = typeof meta.workflowType === 'string' ? meta.workflowType : undefined;
  return { task: workflowType && TASK_OF_WORKFLOW_TYPE.get(workflowType), shop: shop ?? LOCK_ID.exec(workflowId)?.[1] };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function stackOf(error: ErrorLike): string {
  const lines: string[] = [];
  for (let current: unknown = error, depth = 0; isErrorLike(current) && depth < 5; current = current.cause, depth += 1) {
    const stack = typeof current.stack === 'string' ? current.stack : `${failureName(current)}: ${String(current.message)}`;
    lines.push(depth === 0 ? stack : `caused by: ${stack}`);
  }
  return scrub(lines.join('\n'));
}

function textValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

/** One log entry as it is printed: one line, or for an unexpected error its stack beneath in the text format. */
export function formatLogEntry(entry: LogEntry, settings: Pick<LogSettings, 'format' | 'webUi' | 'namespace'>): string {
  const { error: rawError, err, ...rest } = entry.meta ?? {};
  const { workflowRunId, ...meta } = sanitize(rest) as Record<string, unknown>;
  const thrown = isErrorLike(rawError) ? rawError : isErrorLike(err) ? err : undefined;
  const fields: Record<string, unknown> = { ...runOf(meta), ...meta, runId: meta.runId ?? workflowRunId };
  let headline = scrub(entry.message);
  let stack: string | undefined;
  if (thrown) {
    const { expected, failure } = describeFailure(thrown);
    Object.assign(fields, { failureType: typeof failure.type === 'string' ? failure.type : undefined, error: scrub(firstLine(String(failure.message))), webUiUrl: webUiUrlOf(fields, settings) });
    if (!expected) stack = stackOf(thrown);
    else headline = typeof meta.activityType === 'string' ? `failed activity ${meta.activityType}` : `failed workflow ${String(meta.workflowType ?? meta.workflowId ?? '')}`;
    fields.expected = expected;
  }
  const time = entry.time.toISOString();
  if (settings.format === 'json') return JSON.stringify({ time, level: entry.level, message: headline, ...defined(fields), stack });
  if (fields.expected === true) return expectedLine(`${time} ${entry.level} ${headline}`, fields);
  const pairs = Object.entries(defined(fields)).filter(([key]) => !QUIET_IN_TEXT.has(key)).map(([key, value]) => `${key}=${textValue(value)}`);
  return [`${time} ${entry.level} ${headline}`, ...pairs].join(' ') + (stack ? `\n${stack}` : '');
}

function webUiUrlOf(fields: Record<string, unknown>, settings: Pick<LogSettings, 'webUi' | 'namespace'>): string | undefined {
  const namespace = typeof fields.namespace === 'string' ? fields.namespace : settings.namespace;
  if (typeof fields.workflowId !== 'string' || !namespace) return undefined;
  return webUiWorkflowUrl(settings.webUi?.(), namespace, fields.workflowId, typeof fields.runId === 'string' ? fields.runId : undefined);
}

/** The one line of an expected failure: what failed, task, shop, the failure's message, the run's link. */
function expectedLine(headline: string, fields: Record<string, unknown>): string {
  const where = [fields.task && `task=${String(fields.task)}`, fields.shop && `shop=${String(fields.shop)}`].filter(Boolean).join(' ');
  const type = typeof fields.failureType === 'string' ? ` (${fields.failureType})` : '';
  const link = fields.webUiUrl ?? (fields.workflowId ? `workflowId=${String(fields.workflowId)}` : undefined);
  return `${headline}${where ? ` ${where}` : ''}: ${String(fields.error)}${type}${link ? ` ${String(link)}` : ''}`;
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}

function writeToConsole(line: string, level: LogLevel): void {
  (SEVERITY[level] >= SEVERITY.WARN ? process.stderr : process.stdout).write(`${line}\n`);
}

function timeOf(meta: LogMetadata | undefined): Date {
  const nanos = (meta as Record<symbol, unknown> | undefined)?.[LogTimestamp];
  return typeof nanos === 'bigint' ? new Date(Number(nanos / 1_000_000n)) : new Date();
}

/** The project's Temporal logger: filters by level, formats each entry (see formatLogEntry), hands the line to a sink. */
export class ProjectLogger implements Logger {
  constructor(
    readonly settings: LogSettings,
    private readonly sink: LogSink = writeToConsole,
  ) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (SEVERITY[level] < SEVERITY[this.settings.level]) return;
    this.sink(formatLogEntry({ level, message, meta, time: timeOf(meta) }, this.settings), level);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

let linkedWebUi: string | undefined;

/** Where failure lines link to: the Web UI of the worker's configuration (createSyncWorker sets it). */
export function linkLogsTo(webUi: string | undefined): void {
  if (webUi) linkedWebUi = webUi;
}

/**
 * Installs the Temporal runtime with the project's logger, level and format from the configuration
 * (SHOPSYNC_LOG_LEVEL, SHOPSYNC_LOG_FORMAT). The Rust core's own log lines are forwarded to it too, so
 * they share its format, but only from WARN up: below that they are the SDK's, not the project's.
 * With SHOPSYNC_METRICS_PORT the runtime also serves the SDK's metrics for Prometheus at /metrics:
 * the runtime is process-wide and installed once, so this is the one place they can be turned on.
 */
export function installProjectLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat' | 'temporalWebUi' | 'temporalNamespace' | 'metricsPort' | 'metricsHost'>,
  options: { defaultLevel?: LogLevel; sink?: LogSink } = {},
): ProjectLogger {
  linkLogsTo(config.temporalWebUi);
  const level = config.logLevel ?? options.defaultLevel ?? 'INFO';
  const logger = new ProjectLogger({ level, format: config.logFormat ?? 'text', webUi: () => linkedWebUi, namespace: config.temporalNamespace }, options.sink);
  const core = SEVERITY[level] > SEVERITY.WARN ? level : 'WARN';
  const host = config.metricsHost ?? '127.0.0.1';
  // The core parses a socket address: an IP (no name lookup), an IPv6 one in brackets.
  const bindAddress = `${host.includes(':') ? `[${host}]` : host}:${config.metricsPort}`;
  const metrics = config.metricsPort === undefined ? {} : { metrics: { prometheus: { bindAddress } } };
  Runtime.install({ logger, telemetryOptions: { logging: { forward: {}, filter: { core, other: 'ERROR' } }, ...metrics } });
  return logger;
}
