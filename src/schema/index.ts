import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AdminResolver } from "../resolvers/admin.js";
import { ContactResolver } from "../resolvers/contact.js";
import {
  ConversationPartResolver,
  ConversationRatingResolver,
  ConversationResolver,
  ConversationSourceResolver,
  ConversationStatisticsResolver,
} from "../resolvers/conversation.js";
import { TagResolver } from "../resolvers/tag.js";
import { TeamResolver } from "../resolvers/team.js";

let schema: Promise<GraphQLSchema> | undefined;

/** The gateway's schema, built once per process from the decorated classes. */
export function gatewaySchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      AdminResolver,
      TeamResolver,
      ContactResolver,
      ConversationResolver,
      ConversationPartResolver,
      ConversationSourceResolver,
      ConversationRatingResolver,
      ConversationStatisticsResolver,
      TagResolver,
    ],
    // Inputs are checked by hand where Intercom has rules; no class-validator pass.
    validate: false,
  });
  return schema;
}
