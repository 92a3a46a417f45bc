import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { resolvers } from "../resolvers/index.js";

let schema: Promise<GraphQLSchema> | undefined;

/** The gateway's schema, built once per process from the decorated classes. */
export function gatewaySchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    // Inputs are checked by hand where Intercom has rules; no class-validator pass.
    validate: false,
  });
  return schema;
}
