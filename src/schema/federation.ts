import { buildSubgraphSchema } from "@apollo/subgraph";
import { Kind, parse, printSchema, visit, type DocumentNode, type GraphQLSchema } from "graphql";
import { createResolversMap } from "type-graphql";
import type { GatewayContext } from "../server/context.js";

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
};

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;

/** The TypeGraphQL schema's SDL with the federation link and a `@key` on each entity. */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const withKeys = visit(parse(printSchema(schema)), {
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
  for (const [typeName, load] of Object.entries(ENTITIES)) {
    if (!schema.getType(typeName)) continue;
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = {
      ...existing,
      __resolveReference: (reference: { id: string }, context: GatewayContext) => load(String(reference.id), context),
    };
  }
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as never });
}
