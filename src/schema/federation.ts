import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  GraphQLError,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  printSchema,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { createResolversMap, getMetadataStorage } from "type-graphql";
import type { GatewayContext } from "../server/context.js";
import { nodeResolvers, withNodeInterface } from "./relay.js";

/**
 * Whether the selection `info` resolves selects `field` on an object of type `type`: directly,
 * or in an inline fragment or fragment spread (at any depth of fragments) that can apply to
 * `type` (on the type itself, or an interface or union it belongs to). Only the object's own
 * fields count, not those of objects under it. @skip/@include are not evaluated: a field they
 * guard counts as selected, which only ever costs the fuller read.
 */
export function selectsField(info: GraphQLResolveInfo | undefined, type: string, field: string): boolean {
  if (!info) return true; // no selection to look at: read the full record
  const objectType = info.schema.getType(type);
  if (!isObjectType(objectType)) return true;
  const applies = (on: GraphQLNamedType | null | undefined) =>
    on === objectType || (!!on && isAbstractType(on) && info.schema.isSubType(on, objectType));
  const seen = new Set<string>();
  const selects = (set: SelectionSetNode | undefined, scope: GraphQLNamedType | null | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === field && applies(scope)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : scope;
        if (applies(on) && selects(selection.selectionSet, on)) return true;
      } else {
        // A fragment's answer depends only on its own type condition: each is walked once.
        const fragment = info.fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        const on = info.schema.getType(fragment.typeCondition.name.value);
        if (applies(on) && selects(fragment.selectionSet, on)) return true;
      }
    }
    return false;
  };
  const scope = getNamedType(info.returnType);
  return info.fieldNodes.some((node) => selects(node.selectionSet, scope));
}

/** Resolves one entity by id; `info` (the field resolving it) lets the loader read only what its selection needs. */
export type EntityLoader = (id: string, context: GatewayContext, info?: GraphQLResolveInfo) => Promise<unknown>;

/**
 * The entities other subgraphs can reference by `id` (`@key(fields: "id")`), and how a
 * representation becomes the full object: through the same per-request loaders as every
 * link, so 50 Contact representations cost one upstream search. Conversations and articles
 * have two shapes: the one a batch endpoint answers (no parts, no statistics), read whenever
 * the selection needs nothing more, and the full one only their GET has. docs/federation.md
 * states what n references of each type cost.
 */
export const ENTITIES: Record<string, EntityLoader> = {
  Admin: (id, { loaders }) => loaders.admin.load(id),
  Team: (id, { loaders }) => loaders.team.load(id),
  Contact: (id, { loaders }) => loaders.contact.load(id),
  Conversation: (id, { loaders }, info) =>
    selectsField(info, "Conversation", "conversationParts") ? loaders.conversation.load(id) : loaders.conversationWithoutParts.load(id),
  Company: (id, { loaders }) => loaders.company.load(id),
  Ticket: (id, { loaders }) => loaders.ticket.load(id),
  TicketType: (id, { loaders }) => loaders.ticketType.load(id),
  Tag: (id, { loaders }) => loaders.tag.load(id),
  Segment: (id, { loaders }) => loaders.segment.load(id),
  Article: (id, { loaders }, info) =>
    selectsField(info, "Article", "statistics") ? loaders.article.load(id) : loaders.articleWithoutStatistics.load(id),
  Collection: (id, { loaders }) => loaders.collection.load(id),
  HelpCenter: (id, { loaders }) => loaders.helpCenter.load(id),
  Note: (id, { loaders }) => loaders.note.load(id),
  NewsItem: (id, { loaders }) => loaders.newsItem.load(id),
  Newsfeed: (id, { loaders }) => loaders.newsfeed.load(id),
  SubscriptionType: (id, { loaders }) => loaders.subscriptionType.load(id),
};

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;

/** The TypeGraphQL schema's SDL with the federation link, a `@key` on each entity, and Relay's `Node` over the same types. */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const withKeys = visit(withNodeInterface(parse(printSchema(schema)), new Set(Object.keys(ENTITIES))), {
    ObjectTypeDefinition(node) {
      if (!(node.name.value in ENTITIES)) return undefined;
      const key = parse(`type T @key(fields: "id") { id: ID }`).definitions[0] as typeof node;
      return { ...node, directives: [...(node.directives ?? []), ...(key.directives ?? [])] };
    },
  });
  return { kind: Kind.DOCUMENT, definitions: [...parse(FEDERATION_LINK).definitions, ...withKeys.definitions] };
}

/** Turns the TypeGraphQL schema into an Apollo Federation 2 subgraph (`_service`, `_entities`). */
export function toSubgraph(schema: GraphQLSchema): GraphQLSchema {
  // TypeGraphQL's resolvers (fields, enums' internal values, scalars, abstract types) for the re-parsed SDL.
  const resolvers: Record<string, object> = withPlainResolvers(createResolversMap(schema));
  for (const [typeName, nodeResolver] of Object.entries(nodeResolvers(ENTITIES))) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...nodeResolver };
  }
  for (const [typeName, load] of Object.entries(ENTITIES)) {
    if (!schema.getType(typeName)) continue;
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = {
      ...existing,
      __resolveReference: (reference: { id: string }, context: GatewayContext, info: GraphQLResolveInfo) => load(String(reference.id), context, info),
    };
  }
  return checkedRepresentations(withEnumDefaultsAsValues(buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as never })));
}

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>["fieldResolvers"][number];
type ParamMetadata = NonNullable<FieldResolverMetadata["params"]>[number];
type ParamReader = (root: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;

/** How a field resolver method's parameter is read, for the kinds that need no conversion or validation. */
function readerOf(param: ParamMetadata): ParamReader | undefined {
  if (param.kind === "root" && !param.getType) {
    const property = param.propertyName;
    return property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
  }
  if (param.kind === "context") {
    const property = param.propertyName;
    return property ? (_, context) => (context as Record<string, unknown>)[property] : (_, context) => context;
  }
  if (param.kind === "info") return (_, __, info) => info;
  return undefined;
}

/**
 * A field resolver method taking only the root, the context and the info (no arguments to convert
 * or validate, no middleware, no roles) as a plain resolver calling it. TypeGraphQL's wrapper sorts
 * the parameters, maps them, checks each for a promise and looks the class's instance up on every
 * call: about 8 % of an inbox-20 request's allocations. The schema is built without global middlewares.
 */
function directResolver(resolver: FieldResolverMetadata, instances: Map<Function, object>) {
  if (resolver.kind !== "external" || resolver.middlewares?.length || resolver.roles) return undefined;
  const readers = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index).map(readerOf);
  if (readers.some((read) => !read)) return undefined;
  // TypeGraphQL's default container makes one instance per resolver class, with no arguments: so does this.
  let instance = instances.get(resolver.target);
  if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => object)()));
  const method = (instance as Record<string, (...params: unknown[]) => unknown>)[resolver.methodName]!.bind(instance);
  const [first, second] = readers as ParamReader[];
  // (root, context), the shape of nearly all of them, without an array a call.
  if (readers.length === 2) return (root: unknown, _: unknown, context: unknown, info: GraphQLResolveInfo) => method(first!(root, context, info), second!(root, context, info));
  return (root: unknown, _: unknown, context: unknown, info: GraphQLResolveInfo) => method(...(readers as ParamReader[]).map((read) => read(root, context, info)));
}

/**
 * Takes TypeGraphQL's wrappers off the fields that do not need them: a field that only reads the
 * property of the same name (no field resolver, middleware or rename) is left to graphql-js's
 * default resolver (the wrapper cost about 3 % of the gateway's CPU, docs/performance.md), and a
 * field resolver that takes only the root, the context and the info is called directly (`directResolver`).
 */
function withPlainResolvers(resolvers: Record<string, object>): Record<string, object> {
  const storage = getMetadataStorage();
  const instances = new Map<Function, object>();
  // By class, not class name: two classes may share a name.
  const resolverOf = (target: Function, name: string) => storage.fieldResolvers.find((r) => r.methodName === name && r.getObjectType?.() === target);
  for (const type of storage.objectTypes) {
    const map = resolvers[type.name] as Record<string, unknown> | undefined;
    if (!map) continue;
    const interfaces = storage.interfaceTypes.filter((i) => type.interfaceClasses?.includes(i.target));
    for (const field of [...interfaces.flatMap((i) => i.fields ?? []), ...(type.fields ?? [])]) {
      if (field.middlewares?.length || field.roles || !(field.schemaName in map)) continue;
      const resolver = resolverOf(field.target, field.name);
      if (!resolver) {
        if (field.name === field.schemaName) delete map[field.schemaName];
        continue;
      }
      const direct = directResolver(resolver, instances);
      if (direct) map[field.schemaName] = direct;
    }
  }
  return resolvers;
}

/** What is wrong with a representation a router (or anyone) sent, if anything. */
function representationProblem(representation: unknown): string | undefined {
  if (typeof representation !== "object" || representation === null || Array.isArray(representation)) return "is not an object";
  const { __typename: typename, id } = representation as { __typename?: unknown; id?: unknown };
  if (typeof typename !== "string" || !(typename in ENTITIES)) {
    return `has no known __typename (one of ${Object.keys(ENTITIES).join(", ")})`;
  }
  if (!(typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) return `has no id (a string)`;
  return undefined;
}

/**
 * `_entities` answers a malformed representation (unknown type, no id) with BAD_USER_INPUT for
 * that item alone: @apollo/subgraph would throw a bare Error (INTERNAL_SERVER_ERROR) or look up
 * the id "undefined" upstream.
 */
function checkedRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  field.resolve = async (source, args: { representations: unknown[] }, context, info) => {
    const problems = args.representations.map(representationProblem);
    const valid = args.representations.filter((_, i) => !problems[i]);
    const resolved = (await resolve(source, { ...args, representations: valid }, context, info)) as unknown[];
    let next = 0;
    return problems.map((problem, i) =>
      problem ? new GraphQLError(`Representation ${i} ${problem}`, { extensions: { code: "BAD_USER_INPUT" } }) : resolved[next++],
    );
  };
  return schema;
}

/**
 * Rebuilding from SDL parses enum default values (`messageType: AdminReplyType = COMMENT`)
 * before the resolvers give the enum its internal values, so defaults would reach resolvers
 * as the name ("COMMENT") instead of the value ("comment"). Put the values back.
 */
function withEnumDefaultsAsValues(schema: GraphQLSchema): GraphQLSchema {
  const fix = (input: { type: GraphQLInputType; defaultValue?: unknown }) => {
    const type = getNamedType(input.type);
    if (!isEnumType(type) || input.defaultValue === undefined) return;
    const toValue = (v: unknown) => (typeof v === "string" ? (type.getValue(v)?.value ?? v) : v);
    input.defaultValue = Array.isArray(input.defaultValue) ? input.defaultValue.map(toValue) : toValue(input.defaultValue);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach(fix);
    if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(fix);
  }
  return schema;
}
