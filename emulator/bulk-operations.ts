import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  parse,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { checkBulkQuery, runBulkQuery, type BulkQueryLine } from './bulk-query';
import { emitShopEvent } from './events';
import { bulkOperationFinishPayload } from './webhook-payloads';
import type { StagedUpload } from './staged-uploads';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * Bulk mutation operations as Shopify 2026-10 runs them (shopify.dev, "Bulk import data with the
 * GraphQL Admin API"): up to five at a time per shop, each line of the staged JSONL run as the
 * mutation's variables, one result line per input line with its `__lineNumber`, errors reported per
 * line; the operation itself fails only on a server-side fault. Bulk queries (bulk-query.ts) run beside
 * them, up to five of their own ("Perform bulk operations with the GraphQL Admin API", Limitations).
 */
export const MAX_RUNNING_BULK_MUTATIONS = 5;
export const MAX_RUNNING_BULK_QUERIES = 5;
export const DEFAULT_BULK_LINES_PER_SECOND = 100;
const MIN_TICK_MS = 20;

export type BulkOperationStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';
export type BulkOperationErrorCode = 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';

interface BulkOperationRecord {
  id: number;
  status: BulkOperationStatus;
  errorCode: BulkOperationErrorCode | null;
  /** The mutation or query document, as given. */
  query: string;
  clientIdentifier: string | null;
  createdAt: string;
  completedAt: string | null;
  /** Mutations: input lines processed so far, result lines written for the non-blank ones. Queries: objects written. */
  objectCount: number;
  /** Objects written for the query's top connection; every line of a mutation. */
  rootObjectCount: number;
  results: string[];
  url: string | null;
  partialDataUrl: string | null;
  fileSize: number | null;
  document: DocumentNode;
  /** Where the client reached the emulator; result URLs are built on it. */
  baseUrl: string;
}

export interface BulkMutationOperation extends BulkOperationRecord {
  type: 'MUTATION';
  upload: StagedUpload;
  uploadVersion: number;
  lines: string[];
}

export interface BulkQueryOperation extends BulkOperationRecord {
  type: 'QUERY';
  groupObjects: boolean;
  /** The result lines, laid out when the run starts and written `bulkLinesPerSecond` at a time. */
  pending: BulkQueryLine[] | null;
}

export type EmulatedBulkOperation = BulkMutationOperation | BulkQueryOperation;

/** A shop's bulk operations, in creation order. Kept in memory only: `toJSON` leaves them out of the state file and the admin API. */
export class BulkOperations {
  readonly all: EmulatedBulkOperation[] = [];

  find(id: number | undefined): EmulatedBulkOperation | undefined {
    return this.all.find((op) => op.id === id);
  }

  inProgress(type: EmulatedBulkOperation['type']): EmulatedBulkOperation[] {
    return this.all.filter((op) => op.type === type && (op.status === 'CREATED' || op.status === 'RUNNING' || op.status === 'CANCELING'));
  }

  toJSON(): undefined {
    return undefined;
  }
}

/** Runs one line's variables through the emulator's own GraphQL execution, unmetered. */
export type BulkLineExecutor = (
  shop: EmulatedShop,
  document: DocumentNode,
  variables: Record<string, unknown>,
  baseUrl: string,
) => { data?: unknown; errors?: unknown[] };

export function bulkResultsPath(shop: EmulatedShop, op: EmulatedBulkOperation, partial: boolean): string {
  return `/bulk-results/${shop.domain}/${op.id}${partial ? '-partial' : ''}.jsonl`;
}

/** The JSONL served at `url` or `partialDataUrl`. */
export function bulkResultsFile(op: EmulatedBulkOperation): string {
  return op.results.length > 0 ? `${op.results.join('\n')}\n` : '';
}

/** Cancelation is asynchronous, as in Shopify: CANCELING now, CANCELED at the runner's next step. */
export function cancelBulkOperation(op: EmulatedBulkOperation): void {
  if (op.status === 'CREATED' || op.status === 'RUNNING') op.status = 'CANCELING';
}

/** Starts bulk operations and runs them in the background: `bulkLinesPerSecond` mutation lines, or query objects, a second each. */
export class BulkOperationRunner {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly state: EmulatorState,
    private readonly executeLine: BulkLineExecutor,
  ) {}

  /** The checks Shopify makes before creating the operation; a message for an INVALID_MUTATION user error, or the document. */
  checkMutation(mutation: string): { document: DocumentNode } | { invalid: string } {
    let document: DocumentNode;
    try {
      document = parse(mutation);
    } catch (error) {
      return { invalid: `Failed to parse the mutation - ${error instanceof GraphQLError ? error.message : String(error)}` };
    }
    const errors = validate(this.schema, document);
    if (errors.length > 0) return { invalid: `Invalid mutation - ${errors.map((e) => e.message).join('; ')}` };
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || operations[0]?.operation !== 'mutation') return { invalid: 'The document must contain exactly one mutation operation.' };
    const rootFields = operations[0].selectionSet.selections;
    const root = rootFields[0];
    if (rootFields.length !== 1 || root?.kind !== Kind.FIELD) return { invalid: 'The mutation must select exactly one mutation field.' };
    if (root.name.value === 'bulkOperationRunMutation' || root.name.value === 'bulkOperationRunQuery') {
      return { invalid: `${root.name.value} can't be run in bulk.` };
    }
    const typeInfo = new TypeInfo(this.schema);
    let connections = 0;
    visit(document, visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && getNamedType(type).name.endsWith('Connection')) connections += 1;
      },
    }));
    if (connections > 1) return { invalid: 'Bulk mutations cannot contain more than 1 connection.' };
    return { document };
  }

  /** The checks `bulkOperationRunQuery` makes; the messages of INVALID user errors, or the document. */
  checkQuery(query: string): { document: DocumentNode } | { invalid: string[] } {
    return checkBulkQuery(this.schema, query);
  }

  /** Creates the mutation operation (CREATED) and schedules its run. */
  start(shop: EmulatedShop, input: { query: string; document: DocumentNode; upload: StagedUpload; clientIdentifier: string | null; baseUrl: string }): EmulatedBulkOperation {
    const lines = (input.upload.content ?? '').split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return this.create(shop, input, { type: 'MUTATION', upload: input.upload, uploadVersion: input.upload.version, lines });
  }

  /** Creates the query operation (CREATED) and schedules its run; the shop's data is read when it starts running. */
  startQuery(shop: EmulatedShop, input: { query: string; document: DocumentNode; groupObjects: boolean; baseUrl: string }): EmulatedBulkOperation {
    return this.create(shop, { ...input, clientIdentifier: null }, { type: 'QUERY', groupObjects: input.groupObjects, pending: null });
  }

  private create(
    shop: EmulatedShop,
    { query, document, clientIdentifier, baseUrl }: Pick<BulkOperationRecord, 'query' | 'document' | 'clientIdentifier' | 'baseUrl'>,
    kind: Pick<BulkMutationOperation, 'type' | 'upload' | 'uploadVersion' | 'lines'> | Pick<BulkQueryOperation, 'type' | 'groupObjects' | 'pending'>,
  ): EmulatedBulkOperation {
    const op: EmulatedBulkOperation = {
      id: this.state.nextId(shop), status: 'CREATED', errorCode: null, query, clientIdentifier, createdAt: this.state.now(), completedAt: null,
      objectCount: 0, rootObjectCount: 0, results: [], url: null, partialDataUrl: null, fileSize: null, document, baseUrl, ...kind,
    };
    shop.bulkOperations.all.push(op);
    this.schedule(shop, op);
    return op;
  }

  /** Stops every run; called when the emulator closes. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(shop: EmulatedShop, op: EmulatedBulkOperation): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.step(shop, op);
    }, this.tickMs(shop));
    timer.unref();
    this.timers.add(timer);
  }

  private tickMs(shop: EmulatedShop): number {
    return Math.max(MIN_TICK_MS, 1000 / shop.bulkLinesPerSecond);
  }

  private step(shop: EmulatedShop, op: EmulatedBulkOperation): void {
    if (this.stopped || this.state.get(shop.domain) !== shop) return; // the shop was deleted or reset
    if (op.status === 'CANCELING') {
      op.status = 'CANCELED';
      return this.finished(shop, op);
    }
    op.status = 'RUNNING';
    const budget = Math.max(1, Math.round((shop.bulkLinesPerSecond * this.tickMs(shop)) / 1000));
    let more: boolean;
    if (op.type === 'QUERY') {
      if (!op.pending) {
        // Read once, when the run starts: the objects are then written out at the shop's pace.
        const run = runBulkQuery(this.schema, { state: this.state, shop, baseUrl: op.baseUrl }, op.document, op.groupObjects);
        if ('errorCode' in run) return this.fail(shop, op, run.errorCode);
        op.pending = run.lines;
      }
      for (const line of op.pending.slice(op.objectCount, op.objectCount + budget)) {
        op.results.push(line.json);
        op.objectCount += 1;
        if (line.root) op.rootObjectCount += 1;
      }
      more = op.objectCount < op.pending.length;
    } else {
      // Shopify checks the file's checksum while it runs; a replaced file fails the operation.
      if (op.upload.version !== op.uploadVersion) return this.fail(shop, op, 'INTERNAL_SERVER_ERROR');
      try {
        for (let done = 0; done < budget && op.objectCount < op.lines.length; done += 1) this.runLine(shop, op);
      } catch {
        return this.fail(shop, op, 'INTERNAL_SERVER_ERROR');
      }
      more = op.objectCount < op.lines.length;
    }
    if (more) return this.schedule(shop, op);
    op.status = 'COMPLETED';
    op.completedAt = this.state.now();
    // "If the query produced no results, then the `url` field will return `null`."
    if (op.results.length > 0) {
      op.url = `${op.baseUrl}${bulkResultsPath(shop, op, false)}`;
      op.fileSize = Buffer.byteLength(bulkResultsFile(op));
    }
    this.finished(shop, op);
  }

  /** Completed, failed or canceled: bulk_operations/finish goes out (queries and mutations alike). */
  private finished(shop: EmulatedShop, op: EmulatedBulkOperation): void {
    emitShopEvent(this.state, shop.domain, 'bulk_operations/finish', bulkOperationFinishPayload(shop, op));
  }

  private runLine(shop: EmulatedShop, op: BulkMutationOperation): void {
    const lineNumber = op.objectCount;
    const line = op.lines[lineNumber] ?? '';
    op.objectCount += 1;
    op.rootObjectCount += 1;
    if (line.trim() === '') return;
    let variables: unknown;
    try {
      variables = JSON.parse(line);
    } catch (error) {
      op.results.push(JSON.stringify({ errors: [{ message: `Invalid JSON in line ${lineNumber}: ${(error as Error).message}` }], __lineNumber: lineNumber }));
      return;
    }
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      op.results.push(JSON.stringify({ errors: [{ message: `Line ${lineNumber} must be a JSON object of the mutation's variables` }], __lineNumber: lineNumber }));
      return;
    }
    const result = this.executeLine(shop, op.document, variables as Record<string, unknown>, op.baseUrl);
    op.results.push(JSON.stringify({ ...result, __lineNumber: lineNumber }));
  }

  private fail(shop: EmulatedShop, op: EmulatedBulkOperation, errorCode: BulkOperationErrorCode): void {
    op.status = 'FAILED';
    op.errorCode = errorCode;
    if (op.results.length > 0) op.partialDataUrl = `${op.baseUrl}${bulkResultsPath(shop, op, true)}`;
    this.finished(shop, op);
  }
}
