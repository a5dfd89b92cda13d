import { cancelBulkOperation, MAX_RUNNING_BULK_MUTATIONS, MAX_RUNNING_BULK_QUERIES, type EmulatedBulkOperation } from '../bulk-operations';
import { gid, parseGid } from '../gid';
import { expressionMatcher, parseSearchExpression } from '../search-query';
import { findStagedUpload, reserveStagedTarget, type StagedUploadInput } from '../staged-uploads';
import { paginate, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError, type ResolverContext, type ResolverModule } from './context';
import { userError } from './user-errors';

/** The BulkOperation object; UnsignedInt64 fields are strings, as Shopify sends them. */
export function bulkOperationObject(op: EmulatedBulkOperation) {
  return {
    __typename: 'BulkOperation',
    id: gid('BulkOperation', op.id),
    type: op.type,
    status: op.status,
    errorCode: op.errorCode,
    query: op.query,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url: op.url,
    partialDataUrl: op.partialDataUrl,
  };
}

function requireBaseUrl(context: ResolverContext): string {
  if (!context.baseUrl) throw new ShopifyGraphQLError('The emulator needs the request origin to build upload and result URLs', 'INTERNAL_SERVER_ERROR');
  return context.baseUrl;
}

/** The `query` filters of `bulkOperations` in 2026-10; `type` as well, since Shopify's import guide filters with it. */
const FILTERS = {
  status: (op: EmulatedBulkOperation) => op.status,
  operation_type: (op: EmulatedBulkOperation) => op.type,
  type: (op: EmulatedBulkOperation) => op.type,
  created_at: (op: EmulatedBulkOperation) => op.createdAt,
  id: (op: EmulatedBulkOperation) => op.id,
};

function byNewest(key: 'createdAt' | 'completedAt') {
  return (a: EmulatedBulkOperation, b: EmulatedBulkOperation): number =>
    (b[key] ?? '').localeCompare(a[key] ?? '') || b.id - a.id;
}

export const bulkOperationResolvers: ResolverModule = {
  query: {
    bulkOperation: (args, { shop }) => {
      const op = shop.bulkOperations.find(parseGid(args.id, 'BulkOperation'));
      return op ? bulkOperationObject(op) : null;
    },
    bulkOperations: (args, { shop }) => {
      const matches = expressionMatcher(parseSearchExpression(args.query as string | null), FILTERS, { created_at: 'date', id: 'number' });
      // Newest first by default (the query's description); `reverse` turns it round in paginate.
      const sorted = shop.bulkOperations.all.filter(matches).sort(byNewest(args.sortKey === 'COMPLETED_AT' ? 'completedAt' : 'createdAt'));
      return paginate(sorted.map(bulkOperationObject), args as ConnectionArgs, (op) => op.id);
    },
    currentBulkOperation: (args, { shop }) => {
      const latest = shop.bulkOperations.all.filter((op) => op.type === (args.type ?? 'QUERY')).sort(byNewest('createdAt'))[0];
      return latest ? bulkOperationObject(latest) : null;
    },
  },
  mutation: {
    stagedUploadsCreate: (args, context) => {
      const inputs = args.input as StagedUploadInput[];
      const stagedTargets = inputs.map((input) => reserveStagedTarget(context.shop, requireBaseUrl(context), input));
      return { stagedTargets, userErrors: [] };
    },
    bulkOperationRunMutation: (args, context) => {
      const { shop, bulk } = context;
      if (!bulk) throw new ShopifyGraphQLError('bulkOperationRunMutation cannot run inside a bulk operation', 'INVALID');
      const refused = (field: string[] | null, message: string, code: string) => ({ bulkOperation: null, userErrors: [userError(field, message, code)] });
      const checked = bulk.checkMutation(String(args.mutation));
      if ('invalid' in checked) return refused(['mutation'], checked.invalid, 'INVALID_MUTATION');
      const upload = findStagedUpload(shop, String(args.stagedUploadPath));
      if (!upload?.content) {
        return refused(['stagedUploadPath'], 'The JSONL file could not be found. Try uploading the file again, and check that you\'ve entered the URL correctly for the stagedUploadPath mutation argument.', 'NO_SUCH_FILE');
      }
      if (upload.content.trim() === '') return refused(['stagedUploadPath'], 'Unexpected file structure - expected JSONL', 'INVALID_STAGED_UPLOAD_FILE');
      if (shop.bulkOperations.inProgress('MUTATION').length >= MAX_RUNNING_BULK_MUTATIONS) {
        return refused(null, `Bulk operations limit reached: ${MAX_RUNNING_BULK_MUTATIONS} bulk mutation operations are already in progress. Please try again later.`, 'LIMIT_REACHED');
      }
      const op = bulk.start(shop, {
        query: String(args.mutation),
        document: checked.document,
        upload,
        clientIdentifier: typeof args.clientIdentifier === 'string' ? args.clientIdentifier : null,
        baseUrl: requireBaseUrl(context),
      });
      return { bulkOperation: bulkOperationObject(op), userErrors: [] };
    },
    bulkOperationRunQuery: (args, context) => {
      const { shop, bulk } = context;
      if (!bulk) throw new ShopifyGraphQLError('bulkOperationRunQuery cannot run inside a bulk operation', 'INVALID');
      const query = String(args.query);
      const checked = bulk.checkQuery(query);
      if ('invalid' in checked) return { bulkOperation: null, userErrors: checked.invalid.map((message) => userError(['query'], message, 'INVALID')) };
      // Since 2026-01 five queries may run at once, beside the mutations; before, a second one was OPERATION_IN_PROGRESS.
      if (shop.bulkOperations.inProgress('QUERY').length >= MAX_RUNNING_BULK_QUERIES) {
        const message = `Bulk operations limit reached: ${MAX_RUNNING_BULK_QUERIES} bulk query operations are already in progress. Please try again later.`;
        return { bulkOperation: null, userErrors: [userError(null, message, 'LIMIT_REACHED')] };
      }
      const op = bulk.startQuery(shop, { query, document: checked.document, groupObjects: args.groupObjects === true, baseUrl: requireBaseUrl(context) });
      return { bulkOperation: bulkOperationObject(op), userErrors: [] };
    },
    bulkOperationCancel: (args, { shop }) => {
      const op = shop.bulkOperations.find(parseGid(args.id, 'BulkOperation'));
      if (!op) return { bulkOperation: null, userErrors: [userError(['id'], 'Bulk operation does not exist')] };
      if (op.status !== 'CREATED' && op.status !== 'RUNNING' && op.status !== 'CANCELING') {
        return { bulkOperation: bulkOperationObject(op), userErrors: [userError(['id'], `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`)] };
      }
      cancelBulkOperation(op);
      return { bulkOperation: bulkOperationObject(op), userErrors: [] };
    },
  },
};
