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
import { checkOperation, type QueryLimits } from "../server/query-limits.js";
import type { Delivery } from "./hub.js";

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
}

const badRequest = (message: string, code = "BAD_REQUEST") => new GraphQLError(message, { extensions: { code } });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

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
  const checked = checkOperation(schema, params.query, params, limits);
  if ("error" in checked) return { errors: [checked.error] };
  const errors = validate(schema, checked.document);
  if (errors.length > 0) return { errors: errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) };
  if (checked.operation.operation !== "subscription") {
    return {
      errors: [badRequest(`This transport runs subscriptions; send ${checked.operation.operation === "query" ? "queries" : "mutations"} to POST /graphql`, "OPERATION_NOT_SUPPORTED")],
    };
  }
  return { document: checked.document, operation: checked.operation, variables: params.variables ?? {}, operationName: params.operationName };
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
 * The subscription's results: graphql-js's source event stream (its `subscribe` resolver) with
 * each delivery executed against the event (as root value) in the delivery's shared context.
 * An ExecutionResult with errors when the stream could not start (a bad filter, limits).
 */
export async function runSubscription(args: ExecutionArgs, delivered?: (delivery: Delivery) => void): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  return mapDeliveries((source as AsyncIterable<Delivery>)[Symbol.asyncIterator](), async (delivery) => {
    const result = await execute({ ...args, rootValue: delivery.event, contextValue: delivery.context });
    delivered?.(delivery);
    return result;
  });
}
