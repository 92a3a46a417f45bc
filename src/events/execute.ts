// Running a subscription operation, for both transports: the same limits as a query before
// anything runs, validation, then graphql-js's source stream (the Subscription field's
// `subscribe`, which registers with the hub) mapped to one execution per event — in the
// context the hub gives that event, shared by all subscribers of the token.
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { LRUCache } from "lru-cache";
import { checkOperation, type QueryLimits } from "../server/query-limits.js";
import type { Delivery } from "./hub.js";
import { isObject } from "./notification.js";

export interface SubscriptionParams {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

export interface PreparedSubscription {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  operationName: string | null;
  /** Identical subscriptions (same text, operation and variables) have the same key: see runSubscription. */
  shareKey: string;
}

/** Valid subscription documents by schema and text (bounded). */
const validDocumentsBySchema = new WeakMap<GraphQLSchema, LRUCache<string, DocumentNode>>();
const MAX_CACHED_QUERY = 20_000;

const badRequest = (message: string, code = "BAD_REQUEST") => new GraphQLError(message, { extensions: { code } });

/** A request's `query`, `variables` and `operationName`, each of the type it must have, or why not. */
export function subscriptionParams(raw: { query?: unknown; variables?: unknown; operationName?: unknown }): SubscriptionParams | GraphQLError {
  if (typeof raw.query !== "string" || raw.query.length === 0) return badRequest("Send the subscription as `query`, a string");
  if (raw.variables !== undefined && raw.variables !== null && !isObject(raw.variables)) return badRequest("`variables` must be an object");
  if (raw.operationName !== undefined && raw.operationName !== null && typeof raw.operationName !== "string") return badRequest("`operationName` must be a string");
  return { query: raw.query, variables: (raw.variables as Record<string, unknown> | null | undefined) ?? null, operationName: (raw.operationName as string | null | undefined) ?? null };
}

/**
 * Checks a subscription request as /graphql checks a query: limits (tokens, nesting, depth,
 * aliases, root fields, introspection, the estimated cost of one event), then validation; and
 * that it is a subscription (queries and mutations go to POST /graphql, where their own plugins run).
 */
export function prepareSubscription(schema: GraphQLSchema, params: SubscriptionParams, limits: QueryLimits): PreparedSubscription | { errors: GraphQLError[] } {
  // Subscribers mostly run the same few subscriptions: a document valid once is parsed and
  // validated once, and its AST shared (less CPU per subscribe, less memory per subscriber).
  let validDocuments = validDocumentsBySchema.get(schema);
  if (!validDocuments) validDocumentsBySchema.set(schema, (validDocuments = new LRUCache<string, DocumentNode>({ max: 500 })));
  const known = params.query.length <= MAX_CACHED_QUERY ? validDocuments.get(params.query) : undefined;
  const checked = checkOperation(schema, known ?? params.query, params, limits);
  if ("error" in checked) return { errors: [checked.error] };
  if (!known) {
    const errors = validate(schema, checked.document);
    if (errors.length > 0) return { errors: errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) };
    if (params.query.length <= MAX_CACHED_QUERY) validDocuments.set(params.query, checked.document);
  }
  if (checked.operation.operation !== "subscription") {
    return {
      errors: [badRequest(`This transport runs subscriptions; send ${checked.operation.operation === "query" ? "queries" : "mutations"} to POST /graphql`, "OPERATION_NOT_SUPPORTED")],
    };
  }
  const variables = params.variables ?? {};
  return {
    document: checked.document,
    operation: checked.operation,
    variables,
    operationName: params.operationName,
    shareKey: JSON.stringify([params.query, params.operationName, variables]),
  };
}

/** An async iterator over the source's deliveries, one execution each; `return()` ends the source at once, even while it waits. */
function mapDeliveries(source: AsyncIterator<Delivery>, run: (delivery: Delivery) => Promise<ExecutionResult>): AsyncGenerator<ExecutionResult, void, void> {
  const end = async (): Promise<IteratorResult<ExecutionResult, void>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  const iterator = {
    async next(): Promise<IteratorResult<ExecutionResult, void>> {
      const next = await source.next();
      if (next.done) return { value: undefined, done: true };
      return { value: await run(next.value), done: false };
    },
    return: end,
    async throw(error: unknown): Promise<IteratorResult<ExecutionResult, void>> {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator as unknown as AsyncGenerator<ExecutionResult, void, void>;
}

/**
 * Results of one event, by subscription (shareKey), for one token: the delivery's context is
 * that token's for that event, so subscribers of the same token running the same subscription
 * (a hundred tabs of one app) share one execution, and its result.
 */
const sharedResults = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/**
 * The subscription's results: graphql-js's source event stream (its `subscribe` resolver) with
 * each delivery executed against the event (as root value) in the delivery's shared context,
 * once per identical subscription of the token when `shareKey` is given. An ExecutionResult
 * with errors when the stream could not start (a bad filter, limits).
 */
export async function runSubscription(
  args: ExecutionArgs,
  delivered?: (delivery: Delivery) => void,
  shareKey?: string,
): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  const run = (delivery: Delivery) => execute({ ...args, rootValue: delivery.event, contextValue: delivery.context }) as Promise<ExecutionResult> | ExecutionResult;
  return mapDeliveries((source as AsyncIterable<Delivery>)[Symbol.asyncIterator](), async (delivery) => {
    let result: ExecutionResult;
    if (shareKey === undefined) result = await run(delivery);
    else {
      let results = sharedResults.get(delivery.context);
      if (!results) sharedResults.set(delivery.context, (results = new Map()));
      let shared = results.get(shareKey);
      if (!shared) results.set(shareKey, (shared = Promise.resolve(run(delivery))));
      result = await shared;
    }
    delivered?.(delivery);
    return result;
  });
}
