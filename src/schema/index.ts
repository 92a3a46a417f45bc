import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray, type PubSub } from "type-graphql";
import { resolvers } from "../resolvers/index.js";
import { toSubgraph } from "./federation.js";
import { withFederationDescriptions, withRootDescriptions } from "./schema-descriptions.js";

let schema: Promise<GraphQLSchema> | undefined;

/**
 * TypeGraphQL wants a PubSub as soon as there are subscriptions, but every Subscription field
 * here brings its own `subscribe` (src/events' hub): nothing may publish or subscribe through this.
 */
const NO_PUBSUB: PubSub = {
  publish() {
    throw new Error("Events are published through src/events, not TypeGraphQL's PubSub");
  },
  subscribe() {
    throw new Error("Subscription fields subscribe through src/events, not TypeGraphQL's PubSub");
  },
};

/** The graph as TypeGraphQL builds it from the decorated classes. */
export function typeGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers] as unknown as NonEmptyArray<Function>,
    // Inputs are checked by hand where Intercom has rules; no class-validator pass.
    validate: false,
    pubSub: NO_PUBSUB,
  }).then(withRootDescriptions);
}

/** The gateway's served schema: the graph as an Apollo Federation 2 subgraph, built once per process. */
export function gatewaySchema(): Promise<GraphQLSchema> {
  schema ??= typeGraphQLSchema().then(toSubgraph).then(withFederationDescriptions);
  return schema;
}
