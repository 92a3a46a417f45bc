import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from "../config.js";
import { ENTITY_COSTS, LINKS_BY_ARGUMENTS, PER_PARENT_LINKS, REFERENCE_FIELDS, clientIdsCost } from "./query-costs.js";

export { DEFAULT_QUERY_LIMITS, PER_PARENT_LINKS, type QueryLimits };

/** What the limits measured of one operation. */
export interface QueryEstimate {
  /** Deepest field (introspection excluded). */
  depth: number;
  /** Deepest nesting of braces and brackets in the document, a fragment spread counting as its fragment's. */
  nesting: number;
  aliases: number;
  rootFields: number;
  /** `__schema` and `__type` selections. */
  introspection: number;
  /** Upstream requests the operation may cost. */
  cost: number;
}

type Shape = Omit<QueryEstimate, "cost">;

// ---------------------------------------------------------------------------------------------
// Shape: everything that does not depend on variables, over the whole document. Iterative and
// linear (each fragment is summed once, in dependency order), so it is safe to run on any
// parsed document, before graphql-js validation, which recurses along fragment spreads
// (NoFragmentCycles overflows the stack on a chain of a few thousand).

interface Spread {
  name: string;
  depth: number;
  nesting: number;
}

/** One definition's own shape, its fragment spreads not yet followed. */
interface LocalShape extends Shape {
  spreads: Spread[];
}

interface DocumentShape {
  operations: Map<OperationDefinitionNode, Shape>;
  /** Over every definition, unused fragments included (validation reads them too). */
  nesting: number;
  /** A fragment that spreads itself (infinitely nested): refused before validation recurses on it. */
  cycle?: GraphQLError;
}

/** Nesting of an input value: 1 for `{a: 1}` or `[1]`, 2 for `{a: [1]}`. */
function valueNesting(root: ValueNode): number {
  let deepest = 0;
  const stack: Array<[ValueNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, level] = stack.pop()!;
    if (value.kind === Kind.LIST) {
      deepest = Math.max(deepest, level + 1);
      for (const item of value.values) stack.push([item, level + 1]);
    } else if (value.kind === Kind.OBJECT) {
      deepest = Math.max(deepest, level + 1);
      for (const field of value.fields) stack.push([field.value, level + 1]);
    }
  }
  return deepest;
}

function argumentsNesting(nodes: { arguments?: readonly ArgumentNode[]; directives?: readonly DirectiveNode[] }): number {
  let deepest = 0;
  for (const arg of nodes.arguments ?? []) deepest = Math.max(deepest, valueNesting(arg.value));
  for (const directive of nodes.directives ?? []) deepest = Math.max(deepest, argumentsNesting(directive));
  return deepest;
}

const isIntrospectionType = (name: string | undefined) => name?.startsWith("__") ?? false;

function localShape(definition: OperationDefinitionNode | FragmentDefinitionNode): LocalShape {
  const shape: LocalShape = { depth: 0, nesting: 0, aliases: 0, rootFields: 0, introspection: 0, spreads: [] };
  shape.nesting = argumentsNesting(definition);
  for (const v of (definition.kind === Kind.OPERATION_DEFINITION && definition.variableDefinitions) || []) {
    shape.nesting = Math.max(shape.nesting, v.defaultValue ? valueNesting(v.defaultValue) : 0, argumentsNesting(v));
  }
  // Fields under `__schema`/`__type` (or in a fragment on an introspection type) are "meta":
  // they cost no upstream call and graphql-js bounds their depth itself; their aliases count.
  const meta = definition.kind === Kind.FRAGMENT_DEFINITION && isIntrospectionType(definition.typeCondition.name.value);
  const stack: Array<{ set: SelectionSetNode; depth: number; nesting: number; meta: boolean }> = [
    { set: definition.selectionSet, depth: 0, nesting: 1, meta },
  ];
  while (stack.length > 0) {
    const { set, depth, nesting, meta } = stack.pop()!;
    shape.nesting = Math.max(shape.nesting, nesting);
    for (const selection of set.selections) {
      shape.nesting = Math.max(shape.nesting, nesting + argumentsNesting(selection));
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        shape.spreads.push({ name: selection.name.value, depth, nesting });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const isMeta = meta || isIntrospectionType(selection.typeCondition?.name.value);
        stack.push({ set: selection.selectionSet, depth, nesting: nesting + 1, meta: isMeta });
      } else {
        const name = selection.name.value;
        if (selection.alias) shape.aliases++;
        if (name === "__schema" || name === "__type") shape.introspection++;
        const isMeta = meta || name.startsWith("__");
        const fieldDepth = isMeta ? depth : depth + 1;
        if (!isMeta) {
          shape.depth = Math.max(shape.depth, fieldDepth);
          if (depth === 0) shape.rootFields++;
        }
        if (selection.selectionSet) stack.push({ set: selection.selectionSet, depth: fieldDepth, nesting: nesting + 1, meta: isMeta });
      }
    }
  }
  return shape;
}

/** A definition's shape with its spreads' fragments (already summed) added in. */
function withSpreads(local: LocalShape, totals: Map<string, Shape>): Shape {
  const shape: Shape = { depth: local.depth, nesting: local.nesting, aliases: local.aliases, rootFields: local.rootFields, introspection: local.introspection };
  for (const spread of local.spreads) {
    const fragment = totals.get(spread.name);
    if (!fragment) continue; // unknown fragment (validation says so), or the spread closing a cycle
    shape.depth = Math.max(shape.depth, spread.depth + fragment.depth);
    shape.nesting = Math.max(shape.nesting, spread.nesting + fragment.nesting);
    // Counted per spread, as written; execution may merge repeats, so this is an upper bound.
    shape.aliases += fragment.aliases;
    shape.introspection += fragment.introspection;
    if (spread.depth === 0) shape.rootFields += fragment.rootFields;
  }
  return shape;
}

function cycleError(path: string[], spread: string): GraphQLError {
  // The words graphql-js's NoFragmentCycles uses; a long path is cut short.
  const via = path.slice(path.indexOf(spread) + 1);
  const names = via.slice(0, 10).map((n) => `"${n}"`).join(", ") + (via.length > 10 ? `, … (${via.length} fragments)` : "");
  return new GraphQLError(`Cannot spread fragment "${spread}" within itself${via.length ? ` via ${names}` : ""}.`, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
  });
}

function shapeDocument(document: DocumentNode): DocumentShape {
  const locals = new Map<string, LocalShape>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION && !locals.has(definition.name.value)) {
      locals.set(definition.name.value, localShape(definition));
    }
  }
  // Sum fragments in dependency order: an explicit stack walks the spread graph depth first and
  // sums a fragment once all it spreads are summed.
  const totals = new Map<string, Shape>();
  let cycle: GraphQLError | undefined;
  for (const start of locals.keys()) {
    if (totals.has(start)) continue;
    const path: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    const onPath = new Set([start]);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const local = locals.get(top.name)!;
      if (top.next < local.spreads.length) {
        const name = local.spreads[top.next++]!.name;
        if (totals.has(name) || !locals.has(name)) continue;
        if (onPath.has(name)) {
          cycle ??= cycleError(path.map((p) => p.name), name);
          continue;
        }
        path.push({ name, next: 0 });
        onPath.add(name);
        continue;
      }
      totals.set(top.name, withSpreads(local, totals));
      onPath.delete(top.name);
      path.pop();
    }
  }
  const shapes = new Map(operations.map((op) => [op, withSpreads(localShape(op), totals)] as const));
  let nesting = 0;
  for (const shape of [...totals.values(), ...shapes.values()]) nesting = Math.max(nesting, shape.nesting);
  return { operations: shapes, nesting, cycle };
}

// A document's shape never changes: measured once per document object (Apollo caches parsed documents).
const shapes = new WeakMap<DocumentNode, DocumentShape>();
function documentShape(document: DocumentNode): DocumentShape {
  let shape = shapes.get(document);
  if (!shape) shapes.set(document, (shape = shapeDocument(document)));
  return shape;
}

// ---------------------------------------------------------------------------------------------
// Cost: upstream requests, with the request's variables. A fragment's cost is linear in how
// many parent objects it is spread on, so it is measured once (per parent) and scaled at each
// spread: linear in the document. It recurses, safely: it only runs on documents whose
// nesting (fragments followed) the shape check has bounded.

/** How many items a list field is assumed to return when it has no `first` argument. */
const DEFAULT_LIST_SIZE = 20;

/** Most items `arrayConnection` returns (src/resolvers/paging.ts): the bound of a `first` that states none. */
const ARRAY_CONNECTION_MAX = 1000;

/** Calls per parent object, and batches shared by every parent: link key → calls of n keys, and n. */
interface Cost {
  calls: number;
  batches: Map<string, { calls: (n: number) => number; n: number }>;
}

type Arguments = (name: string) => unknown;

const pageBoundsCache = new WeakMap<GraphQLField<unknown, unknown>, { size: number; max: number } | null>();
/**
 * A `first` argument's default and maximum, from its description ("How many contacts (default 50,
 * at most 150)."), the contract every paged field states; a test checks each one does.
 */
function pageBounds(field: GraphQLField<unknown, unknown>): { size: number; max: number } | null {
  let bounds = pageBoundsCache.get(field);
  if (bounds !== undefined) return bounds;
  const first = field.args.find((a) => a.name === "first");
  const match = first && /\(default (\d+)(?:, at most (\d+))?\)/.exec(first.description ?? "");
  bounds = !first ? null : match ? { size: Number(match[1]), max: Number(match[2] ?? ARRAY_CONNECTION_MAX) } : { size: ARRAY_CONNECTION_MAX, max: ARRAY_CONNECTION_MAX };
  pageBoundsCache.set(field, bounds);
  return bounds;
}

/** Items a list or connection returns: `first` as the resolver will see it, clamped to [0, the field's maximum]. */
function listSize(field: GraphQLField<unknown, unknown>, args: Arguments): number {
  const bounds = pageBounds(field);
  if (!bounds) return DEFAULT_LIST_SIZE;
  const first = args("first");
  // A negative or fractional `first` fails in the resolver; 0 keeps it from lowering its siblings' cost.
  if (typeof first !== "number" || !Number.isFinite(first)) return Math.min(bounds.size, bounds.max);
  return Math.min(Math.max(Math.trunc(first), 0), bounds.max);
}

const isConnection = (type: unknown) => isObjectType(type) && "pageInfo" in type.getFields();

function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(d.name.value)) fragments.set(d.name.value, d);
  // Variables as sent, then the operation's defaults for those not sent.
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) values[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  Object.assign(values, variables);
  const roots = new Set<GraphQLCompositeType | null | undefined>([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const memo = new Map<string, Cost>();

  const addBatch = (into: Cost, key: string, calls: (n: number) => number, n: number) => {
    const batch = into.batches.get(key);
    if (batch) batch.n += n;
    else into.batches.set(key, { calls, n });
  };
  // A fragment or inline fragment on `on` can apply to an object of type `type` (on abstract types: assume so).
  const applies = (on: GraphQLCompositeType, type: GraphQLCompositeType) =>
    !isObjectType(type) || on === type || (isAbstractType(on) && schema.isSubType(on, type));

  const fragmentCost = (fragment: FragmentDefinitionNode, on: GraphQLCompositeType): Cost => {
    let cost = memo.get(fragment.name.value);
    if (!cost) {
      cost = { calls: 0, batches: new Map() };
      memo.set(fragment.name.value, cost); // before walking: a cycle (refused earlier) cannot loop
      walk(on, fragment.selectionSet, 1, cost);
    }
    return cost;
  };

  const walk = (type: GraphQLCompositeType, set: SelectionSetNode, parents: number, into: Cost): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (isCompositeType(on) && applies(on, type)) walk(on, selection.selectionSet, parents, into);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !isCompositeType(on) || !applies(on, type)) continue;
        const cost = fragmentCost(fragment, on);
        into.calls += parents * cost.calls;
        for (const [key, batch] of cost.batches) addBatch(into, key, batch.calls, parents * batch.n);
      } else {
        field(type, selection, parents, into);
      }
    }
  };

  const field = (type: GraphQLCompositeType, node: FieldNode, parents: number, into: Cost): void => {
    const name = node.name.value;
    if (name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) return; // introspection: no upstream call
    const def = type.getFields()[name];
    if (!def) return;
    const key = `${type.name}.${name}`;
    const args: Arguments = (arg) => {
      const given = node.arguments?.find((a) => a.name.value === arg);
      return (given ? valueFromASTUntyped(given.value, values) : undefined) ?? def.args.find((a) => a.name === arg)?.defaultValue;
    };
    const references = REFERENCE_FIELDS[key];
    if (references) {
      // Ids the client sent: what fetching them costs, and the selection once per id of each type.
      for (const [typename, ids] of references(args)) {
        const entity = schema.getType(typename);
        if (!isObjectType(entity)) continue;
        into.calls += parents * clientIdsCost(typename, ids);
        if (node.selectionSet) walk(entity, node.selectionSet, parents * ids.length, into);
      }
      return;
    }
    const named = getNamedType(def.type);
    const isRoot = roots.has(type);
    // A connection's size is counted where it is asked for (`first`): its nodes, edges and
    // edges' node are those same items, fetched by the same call.
    const withinConnection = (isConnection(type) && (name === "nodes" || name === "edges")) || (type.name.endsWith("Edge") && name === "node");
    const size = withinConnection ? 1 : isListType(getNullableType(def.type)) || isConnection(named) ? listSize(def, args) : 1;
    if (isRoot) {
      into.calls += parents; // a root field: one call
    } else if (!withinConnection) {
      const byArgs = LINKS_BY_ARGUMENTS[key]?.(args);
      if (byArgs) {
        into.calls += parents * byArgs.perParent;
        if (byArgs.batch) addBatch(into, key, byArgs.batch, parents);
      } else if (PER_PARENT_LINKS.has(key)) {
        into.calls += parents;
      } else if (ENTITY_COSTS[named.name]) {
        // A link through the entity's loader: one batch of every object it links to in the request.
        addBatch(into, key, ENTITY_COSTS[named.name]!.calls, parents * size);
      }
    }
    if (node.selectionSet && isCompositeType(named)) walk(named, node.selectionSet, parents * size, into);
  };

  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const total: Cost = { calls: 0, batches: new Map() };
  walk(root, operation.selectionSet, 1, total);
  let calls = total.calls;
  for (const batch of total.batches.values()) calls += batch.calls(batch.n);
  return calls;
}

/** Measures one operation of a document, with the request's variables (linear in the document). */
export function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): QueryEstimate {
  const shape = documentShape(document);
  const own = shape.operations.get(operation) ?? { depth: 0, nesting: 0, aliases: 0, rootFields: 0, introspection: 0 };
  const cost = knownCost(schema, document, operation, variables);
  // Written out: a spread with more properties after it costs ~1 µs on Node 20's V8.
  return { depth: own.depth, nesting: shape.nesting, aliases: own.aliases, rootFields: own.rootFields, introspection: own.introspection, cost };
}

/** Variables longer than this as JSON are measured every time, never kept. */
const MAX_COST_KEY = 256;
/** Costs kept per operation (one per set of variables); the oldest go first. */
const MAX_COSTS_PER_OPERATION = 32;

// An operation's cost depends only on the variables: kept per operation object (Apollo caches
// parsed documents) and the variables as JSON when short, so a repeated query is measured once.
const costs = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; byVariables: Map<string, number> }>();
function knownCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const key = JSON.stringify(variables);
  if (key.length > MAX_COST_KEY) return operationCost(schema, document, operation, variables);
  let known = costs.get(operation);
  if (known?.schema !== schema) costs.set(operation, (known = { schema, byVariables: new Map() }));
  let cost = known.byVariables.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operation, variables);
    if (known.byVariables.size >= MAX_COSTS_PER_OPERATION) known.byVariables.delete(known.byVariables.keys().next().value!);
    known.byVariables.set(key, cost);
  }
  return cost;
}

// ---------------------------------------------------------------------------------------------
// Errors and checks.

function limitError(limit: string, value: number, max: number, message?: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message ?? `Query ${limit} is ${value}, over the limit of ${max}. Split the query or ask for fewer items.`, {
    extensions: { code: "QUERY_TOO_COMPLEX", limit, value, max, ...extensions, http: { status: 400 } },
  });
}

/** `atLeast`: the text was read only up to the token limit. */
const nestingError = (value: number, max: number, atLeast = false) =>
  limitError("nesting", value, max, `Query nesting is ${atLeast ? "at least " : ""}${value}, over the limit of ${max}. Nest fewer selections, fragment spreads or input values.`);

function shapeError(shape: Shape, limits: Required<QueryLimits>): GraphQLError | undefined {
  if (shape.depth > limits.maxDepth) return limitError("depth", shape.depth, limits.maxDepth);
  if (shape.aliases > limits.maxAliases) return limitError("aliases", shape.aliases, limits.maxAliases);
  if (shape.rootFields > limits.maxRootFields) return limitError("root fields", shape.rootFields, limits.maxRootFields);
  if (shape.introspection > limits.maxIntrospection) {
    const [value, max] = [shape.introspection, limits.maxIntrospection];
    return limitError("introspection", value, max, `Query has ${value} introspection selections (__schema, __type), over the limit of ${max}. Ask for the schema once.`);
  }
  return undefined;
}

/** The first limit a document breaks, variables aside: nesting, fragment cycles, then each operation's shape. */
export function checkDocument(document: DocumentNode, limits: Required<QueryLimits>): GraphQLError | undefined {
  const shape = documentShape(document);
  // Nesting first: it bounds every other number (fragments spread twice per level double them).
  if (shape.nesting > limits.maxNesting) return nestingError(shape.nesting, limits.maxNesting);
  if (shape.cycle) return shape.cycle;
  for (const op of shape.operations.values()) {
    const error = shapeError(op, limits);
    if (error) return error;
  }
  return undefined;
}

/** The variable nested deepest past the limit (objects and lists), walked iteratively before graphql-js coerces it recursively. */
function variablesError(variables: Record<string, unknown>, max: number): GraphQLError | undefined {
  for (const [name, root] of Object.entries(variables)) {
    let deepest = 0;
    const stack: Array<[unknown, number]> = [[root, 0]];
    while (stack.length > 0) {
      const [value, level] = stack.pop()!;
      if (typeof value !== "object" || value === null) continue;
      deepest = Math.max(deepest, level + 1);
      for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push([item, level + 1]);
    }
    if (deepest > max) {
      return limitError("nesting", deepest, max, `Variable $${name} is nested ${deepest} levels deep, over the limit of ${max}.`, { variable: name });
    }
  }
  return undefined;
}

/**
 * Deepest nesting of `{` and `[` in a document's text, read token by token (no recursion), and
 * whether the whole text was read: the count stops at `maxTokens`, where the parser stops too.
 */
function textNesting(source: string, maxTokens: number): { nesting: number; whole: boolean } {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  let nesting = 0;
  try {
    for (let i = 0; i < maxTokens; i++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return { nesting, whole: true };
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L) nesting = Math.max(nesting, ++depth);
      else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R) depth--;
    }
  } catch {
    // A syntax error ends the count.
  }
  return { nesting, whole: false };
}

/** Why graphql-js could not parse a document, as a limit, when it was one: too deep or too long. */
function parseLimitError(error: Error, source: string, limits: Required<QueryLimits>): GraphQLError | undefined {
  if (/contains more th\w+ \d+ tokens/.test(error.message)) {
    const max = limits.maxTokens;
    return limitError("tokens", max + 1, max, `Query has more than ${max} tokens, over the limit of ${max}. Split the query.`);
  }
  // graphql-js parses recursively: past ~1,500 levels it overflows the stack, which Apollo
  // reports as a bare "Maximum call stack size exceeded".
  if (!(error instanceof RangeError)) return undefined;
  const { nesting, whole } = textNesting(source, limits.maxTokens);
  return nesting > limits.maxNesting ? nestingError(nesting, limits.maxNesting, !whole) : undefined;
}

/** Only JSON's `\ud800` escapes carry these (the GraphQL lexer refuses them): no Unicode text, and encodeURIComponent throws on them. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/**
 * What is wrong with a variable's value, if anything. Iterative; its nesting is already bounded
 * by the query limits (MAX_QUERY_NESTING), which run first.
 */
export function variableProblem(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  for (let item = pending.pop(); pending.length > 0 || item !== undefined; item = pending.pop()) {
    if (typeof item === "string" && LONE_SURROGATE.test(item)) return "is not well-formed Unicode: it holds a lone surrogate";
    if (typeof item === "object" && item !== null) for (const [key, inner] of Object.entries(item)) pending.push(key, inner);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The plugin.

/** Estimates by request (the request's context object), for reporting; see `queryEstimate`. */
const estimates = new WeakMap<object, QueryEstimate>();

/**
 * The estimate of the request whose context is `context` (the `contextValue` of Apollo's
 * hooks, or a resolver's context), once its operation is resolved: e.g. in a `willSendResponse`
 * hook, `queryEstimate(requestContext.contextValue)?.cost` next to the upstream calls counted.
 * Undefined when the document was refused before its cost was measured (parse errors, nesting, depth, …).
 */
export function queryEstimate(context: object): QueryEstimate | undefined {
  return estimates.get(context);
}

/** Apollo's `parseOptions`: graphql-js stops parsing a document past `maxTokens`. */
export function queryParseOptions(limits?: QueryLimits): ParseOptions {
  return { maxTokens: limits?.maxTokens ?? DEFAULT_QUERY_LIMITS.maxTokens };
}

/** The configured limits, the defaults for those not set. */
function withDefaults(configured: QueryLimits): Required<QueryLimits> {
  const limits = { ...DEFAULT_QUERY_LIMITS };
  for (const [key, value] of Object.entries(configured) as Array<[keyof QueryLimits, number | undefined]>) if (value !== undefined) limits[key] = value;
  return limits;
}

/**
 * The checks of `queryLimitsPlugin` for an operation that does not go through Apollo Server
 * (subscriptions over WebSocket and SSE): parses `source` (graphql-js stops past `maxTokens`),
 * then nesting, fragment cycles, shape, variables' nesting and the estimated cost, all before
 * graphql-js validation. The parsed document, or the first limit it breaks (a syntax error as
 * graphql-js reports it).
 */
export function checkOperation(
  schema: GraphQLSchema,
  source: string | DocumentNode,
  request: { operationName?: string | null; variables?: Record<string, unknown> | null },
  configured: QueryLimits,
): { document: DocumentNode; operation: OperationDefinitionNode; estimate: QueryEstimate } | { error: GraphQLError } {
  const limits = withDefaults(configured);
  let document: DocumentNode;
  try {
    // A document parsed (and checked) before is checked again: what depends on variables may differ.
    document = typeof source === "string" ? parse(source, { maxTokens: limits.maxTokens }) : source;
  } catch (error) {
    if (typeof source !== "string") throw error;
    const limit = error instanceof Error ? parseLimitError(error, source, limits) : undefined;
    if (limit) return { error: limit };
    if (error instanceof GraphQLError) return { error: new GraphQLError(error.message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } }) };
    return { error: new GraphQLError("The document could not be parsed", { extensions: { code: "GRAPHQL_PARSE_FAILED" } }) };
  }
  const refusal = checkDocument(document, limits);
  if (refusal) return { error: refusal };
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    const message = request.operationName ? `Unknown operation named "${request.operationName.slice(0, 100)}"` : "The document must hold one operation, or name the one to run";
    return { error: new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } }) };
  }
  const variables = request.variables ?? {};
  const deepVariable = variablesError(variables, limits.maxNesting);
  if (deepVariable) return { error: deepVariable };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const problem = variableProblem(variables[name]);
    if (problem) return { error: new GraphQLError(`Variable "$${name}" ${problem}`, { extensions: { code: "BAD_USER_INPUT" } }) };
  }
  const estimate = measure(schema, document, operation, variables);
  if (estimate.cost > limits.maxCost) return { error: limitError("estimated cost (upstream requests)", estimate.cost, limits.maxCost) };
  return { document, operation, estimate };
}

/** Put in place of a refused document: fails validation at once (the fragment is unused), and is never cached. */
const REFUSED = parse("fragment QueryLimitsRefused on Query { __typename }");

/**
 * Rejects, before any upstream call and before graphql-js validation, operations over the
 * configured limits, with QUERY_TOO_COMPLEX (HTTP 400) naming the limit, the measured value and
 * the maximum.
 */
export function queryLimitsPlugin(configured: QueryLimits): ApolloServerPlugin {
  const limits = withDefaults(configured);
  /** The first limit the request breaks; its estimate is kept for `queryEstimate`. */
  const check = (
    schema: GraphQLSchema,
    document: DocumentNode,
    request: { operationName?: string; variables?: Record<string, unknown> },
    contextValue: object,
  ): GraphQLError | undefined => {
    const refusal = checkDocument(document, limits);
    if (refusal) return refusal;
    const operation = getOperationAST(document, request.operationName);
    if (!operation) return undefined; // Apollo says why
    const variables = request.variables ?? {};
    const deepVariable = variablesError(variables, limits.maxNesting);
    if (deepVariable) return deepVariable;
    const estimate = measure(schema, document, operation, variables);
    estimates.set(contextValue, estimate);
    if (estimate.cost > limits.maxCost) return limitError("estimated cost (upstream requests)", estimate.cost, limits.maxCost);
    return undefined;
  };
  return {
    async requestDidStart() {
      let refusal: GraphQLError | undefined;
      let checked = false;
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error) refusal = parseLimitError(error, source, limits);
          };
        },
        async validationDidStart(requestContext) {
          // Before graphql-js validation, which recurses and would overflow on what is refused here.
          // An error thrown from this hook becomes a 500, so the document is swapped for one that
          // fails validation at once, and didEncounterErrors below reports the refusal instead.
          checked = true;
          refusal = check(requestContext.schema, requestContext.document, requestContext.request, requestContext.contextValue);
          if (refusal) (requestContext as { document: DocumentNode }).document = REFUSED;
        },
        async didResolveOperation({ schema, document, request, contextValue }) {
          // A document from Apollo's cache skips parsing and validation: checked here instead.
          if (checked) return;
          const error = check(schema, document, request, contextValue);
          if (error) throw error;
        },
        async didEncounterErrors(requestContext) {
          // Apollo formats this very array right after this hook: swap its parse or validation failure for ours.
          if (refusal) (requestContext.errors as GraphQLError[]).splice(0, requestContext.errors.length, refusal);
        },
      };
    },
  };
}
