import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  execute,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  isSpecifiedScalarType,
  Kind,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLSchema,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** A document is compiled once it has run this many times: one-off documents never cost a compilation. */
const COMPILE_AFTER_RUNS = 2;
/**
 * Larger documents (fields counted with every fragment spread expanded, as graphql-jit inlines them)
 * always run on graphql-js: compiling costs time and memory in proportion (about 0.6 KB and 14 µs a
 * field, measured on this schema), and a document the limits allow can expand to tens of thousands.
 */
export const MAX_COMPILED_FIELDS = 5_000;
/** What the plans may hold, estimated (below): the least recently run go first. */
const PLANS_BUDGET_BYTES = 64 * 1024 * 1024;
const BYTES_PER_COMPILED_FIELD = 640;

interface Plan {
  runs: number;
  compiled?: CompiledQuery | null;
  /** Its key (the source, UTF-16) and, once compiled, its code. */
  bytes: number;
}

/**
 * Runs the queries clients repeat compiled by graphql-jit, the executor Mercurius and GraphQL Yoga
 * use (5–17 % less CPU per inbox than graphql-js's interpreter: docs/performance.md),
 * plugged in as Apollo Server's executor. Apollo still parses, validates and limits every document
 * first. graphql-jit coerces input objects differently (their fields' defaults), so an operation that
 * takes one, every mutation, a document's first run, one too large to compile and anything
 * graphql-jit cannot compile run on graphql-js; answers are the same either way (test/executor.test.ts).
 */
export function jitExecutor(schema: GraphQLSchema, onRun: (executor: "compiled" | "interpreted") => void = () => {}): GatewayInterface {
  const plans = new Map<string, Plan>(); // in order of last run
  let bytes = 0;
  const planOf = (source: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const key = `${operationName ?? ""}\n${source}`;
    const plan = plans.get(key) ?? { runs: 0, bytes: 2 * key.length };
    if (!plans.delete(key)) bytes += plan.bytes;
    plans.set(key, plan);
    if (plan.compiled === undefined && ++plan.runs >= COMPILE_AFTER_RUNS) {
      const fields = compilableFields(schema, document, operationName);
      plan.compiled = fields !== null && fields <= MAX_COMPILED_FIELDS ? compiled(schema, document, operationName) : null;
      if (plan.compiled) {
        plan.bytes += fields! * BYTES_PER_COMPILED_FIELD;
        bytes += fields! * BYTES_PER_COMPILED_FIELD;
      }
    }
    for (const [oldest, old] of plans) {
      if (bytes <= PLANS_BUDGET_BYTES || oldest === key) break;
      plans.delete(oldest);
      bytes -= old.bytes;
    }
    return plan.compiled ?? null;
  };
  const executor: GatewayExecutor = async ({ source, document, request, context }) => {
    const operationName = request.operationName ?? undefined;
    const plan = planOf(source, document, operationName);
    onRun(plan ? "compiled" : "interpreted");
    if (plan) return asGraphQLJs(await plan.query(undefined, context, request.variables ?? {}));
    return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
  };
  let onSchema: ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    async load() {
      onSchema?.({ apiSchema: schema, coreSupergraphSdl: "" });
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      onSchema = callback;
      return () => (onSchema = undefined);
    },
    async stop() {},
  };
}

function compiled(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
  try {
    const result = compileQuery(schema, document, operationName);
    return isCompiledQuery(result) ? result : null;
  } catch {
    return null; // graphql-js runs it, and reports whatever is wrong with it
  }
}

/**
 * The fields of a query, every fragment spread expanded, if graphql-jit answers it as graphql-js does:
 * its variables are all built-in scalars and its arguments take no input object. Null otherwise.
 */
function compilableFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): number | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return null;
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never);
    if (!type || !isSpecifiedScalarType(getNamedType(type))) return null;
  }
  let safe = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument() {
        const type = typeInfo.getArgument()?.type;
        if (!type || isInputObjectType(getNamedType(type))) safe = false;
      },
    }),
  );
  return safe ? expandedFields(document, operation) : null;
}

/**
 * Fields selected, each fragment counted at every spread, in linear time (a fragment is counted
 * once). Validation has passed, so no fragment spreads itself, and the query limits bound how
 * deep spreads chain.
 */
function expandedFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const counted = new Map<string, number>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) n += 1 + (s.selectionSet ? count(s.selectionSet) : 0);
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet);
      else {
        const name = s.name.value;
        if (!counted.has(name)) counted.set(name, fragments.has(name) ? count(fragments.get(name)!.selectionSet) : 0);
        n += counted.get(name)!;
      }
    }
    return n;
  };
  return count(operation.selectionSet);
}

/**
 * graphql-jit's answer as graphql-js gives it: errors are graphql-js's own (with `extensions`,
 * which Apollo reads), and once a failure has nulled a field, the failures below it that graphql-js
 * would have stopped at are not reported again (the first one per nulled field is).
 */
function asGraphQLJs(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const nulledAt = new Set<string>();
  const errors: GraphQLError[] = [];
  for (const error of result.errors) {
    const at = nulledFieldOf(result.data, error.path);
    if (at !== undefined) {
      if (nulledAt.has(at)) continue;
      nulledAt.add(at);
    }
    const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
    Object.assign(copy, { locations: error.locations });
    errors.push(copy);
  }
  return { ...result, errors };
}

/** The path (joined) of the first null on the way down an error's path: the field its failure nulled. */
function nulledFieldOf(data: unknown, path: readonly (string | number)[] | undefined): string | undefined {
  if (!path) return undefined;
  let value = data as Record<string | number, unknown> | null | undefined;
  for (let i = 0; i < path.length; i++) {
    if (value === null || value === undefined) return path.slice(0, i).join(".");
    value = value[path[i]!] as typeof value;
  }
  return value === null || value === undefined ? path.join(".") : undefined;
}
