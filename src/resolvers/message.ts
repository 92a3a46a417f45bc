import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { UpstreamError } from "../datasources/errors.js";
import { Admin } from "../schema/admin.js";
import { Conversation } from "../schema/conversation.js";
import { CreateMessageInput, Message } from "../schema/message.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";

@Resolver(() => Message)
export class MessageResolver {
  @Mutation(() => Message, {
    nullable: true,
    description: rest("Create a message: an in-app message or an email from an admin to a contact.", "POST /messages"),
  })
  async createMessage(
    @Arg("input", () => CreateMessageInput, { description: "The message: who sends it, to whom, over which channel, and its content." }) input: CreateMessageInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Message> {
    return ctx.dataSources.messages.create(input);
  }

  @FieldResolver(() => Conversation, {
    nullable: true,
    description: "The conversation of the message (by id). Null while an admin message has no conversation yet (the contact has not replied).",
  })
  async conversation(@Root() message: Message, @Ctx() { loaders }: GatewayContext): Promise<Conversation | null> {
    if (!message.conversationId) return null;
    try {
      return await loaders.conversation.load(message.conversationId);
    } catch (error) {
      if (error instanceof UpstreamError && error.extensions.code === "NOT_FOUND") return null;
      throw error;
    }
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin who sent the message." })
  owner(@Root() message: Message, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return message.ownerId ? loaders.admin.load(message.ownerId) : null;
  }
}

export const messageResolvers = [MessageResolver] as const;
