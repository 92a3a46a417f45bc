import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  GraphQLError,
  getNamedType,
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
  type GraphQLSchema,
} from "graphql";
import { createResolversMap } from "type-graphql";
import type { GatewayContext } from "../server/context.js";
import { nodeResolvers, withNodeInterface } from "./relay.js";

/**
 * The entities other subgraphs can reference by `id` (`@key(fields: "id")`), and how a
 * representation becomes the full object: through the same per-request loaders as every
 * link, so 50 Contact representations cost one upstream search.
 */
export const ENTITIES: Record<string, (id: string, context: GatewayContext) => Promise<unknown>> = {
  Admin: (id, { loaders }) => loaders.admin.load(id),
  Team: (id, { loaders }) => loaders.team.load(id),
  Contact: (id, { loaders }) => loaders.contact.load(id),
  Conversation: (id, { loaders }) => loaders.conversation.load(id),
  Company: (id, { loaders }) => loaders.company.load(id),
  Ticket: (id, { loaders }) => loaders.ticket.load(id),
  TicketType: (id, { loaders }) => loaders.ticketType.load(id),
  Tag: (id, { loaders }) => loaders.tag.load(id),
  Segment: (id, { loaders }) => loaders.segment.load(id),
  Article: (id, { loaders }) => loaders.article.load(id),
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
  const resolvers: Record<string, object> = createResolversMap(schema);
  for (const [typeName, nodeResolver] of Object.entries(nodeResolvers(ENTITIES))) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...nodeResolver };
  }
  for (const [typeName, load] of Object.entries(ENTITIES)) {
    if (!schema.getType(typeName)) continue;
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = {
      ...existing,
      __resolveReference: (reference: { id: string }, context: GatewayContext) => load(String(reference.id), context),
    };
  }
  return checkedRepresentations(withEnumDefaultsAsValues(buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as never })));
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
