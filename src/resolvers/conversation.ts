import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../datasources/errors.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import { toIntercomQuery } from "../datasources/search-query.js";
import { loadExisting } from "../loaders/index.js";
import { Admin } from "../schema/admin.js";
import { Author } from "../schema/author.js";
import type { Connection } from "../schema/common.js";
import { Contact } from "../schema/contact.js";
import {
  Assignee,
  AssignConversationInput,
  CloseConversationInput,
  Conversation,
  ConversationConnection,
  ConversationPart,
  ConversationPartList,
  ConversationRating,
  ConversationSource,
  ConversationStatistics,
  OpenConversationInput,
  ReplyToConversationInput,
  SnoozeConversationInput,
  UpdateConversationInput,
} from "../schema/conversation.js";
import { CONVERSATION_NO_LIST_FIELDS, ConversationSearchQuery } from "../schema/search.js";
import { Team } from "../schema/team.js";
import type { GatewayContext } from "../server/context.js";
import { cursorConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many conversations (default 20, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const PAGE_LIMITS = { defaultSize: 20, maxSize: MAX_PAGE_SIZE };

/** After a write, later reads in this request see the written conversation, never an older copy. */
function remember(ctx: GatewayContext, conversation: Conversation): Conversation {
  ctx.loaders.conversation.clear(conversation.id).prime(conversation.id, conversation);
  return conversation;
}

@Resolver(() => Conversation)
export class ConversationResolver {
  @Query(() => ConversationConnection, { nullable: true, description: rest("List all conversations, most recently updated first.", "GET /conversations") })
  conversations(@Args(() => PageArgs) args: PageArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<Conversation>> {
    return cursorConnection(args, PAGE_LIMITS, (perPage, after) => dataSources.conversations.list(perPage, after));
  }

  @Query(() => Conversation, { nullable: true, description: rest("Retrieve a conversation with its parts.", "GET /conversations/{conversation_id}") })
  conversation(@Arg("id", () => ID) id: string, @Ctx() { loaders }: GatewayContext): Promise<Conversation> {
    return loaders.conversation.load(id);
  }

  @Query(() => ConversationConnection, { nullable: true, description: rest("Search conversations by the value of their attributes.", "POST /conversations/search") })
  searchConversations(
    @Arg("query", () => ConversationSearchQuery) query: ConversationSearchQuery,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Conversation>> {
    const intercomQuery = toIntercomQuery(query, CONVERSATION_NO_LIST_FIELDS);
    return cursorConnection(args, PAGE_LIMITS, (perPage, after) => dataSources.conversations.search(intercomQuery, perPage, after));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Reply to a conversation as an admin (comment or note) or as a contact.", "POST /conversations/{conversation_id}/reply") })
  async replyToConversation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ReplyToConversationInput) input: ReplyToConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    if (Boolean(input.admin) === Boolean(input.contact)) throw badInput("Set exactly one of input.admin or input.contact", "input");
    const conversations = ctx.dataSources.conversations;
    if (input.admin) return remember(ctx, await conversations.replyAsAdmin(id, input.admin));
    const contact = input.contact!;
    const identities = [contact.intercomUserId, contact.userId, contact.email].filter((v) => v !== undefined && v !== null);
    if (identities.length !== 1) {
      throw badInput("Identify the contact with exactly one of intercomUserId, userId or email", "input.contact");
    }
    return remember(ctx, await conversations.replyAsContact(id, contact));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Update a conversation: mark it read, set custom attributes.", "PUT /conversations/{conversation_id}") })
  async updateConversation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateConversationInput) input: UpdateConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return remember(ctx, await ctx.dataSources.conversations.update(id, input));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Close a conversation.", "POST /conversations/{conversation_id}/parts") })
  async closeConversation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => CloseConversationInput) input: CloseConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return remember(ctx, await ctx.dataSources.conversations.close(id, input.adminId, input.body));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Open (reopen) a conversation.", "POST /conversations/{conversation_id}/parts") })
  async openConversation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => OpenConversationInput) input: OpenConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return remember(ctx, await ctx.dataSources.conversations.open(id, input.adminId));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Snooze a conversation until a time.", "POST /conversations/{conversation_id}/parts") })
  async snoozeConversation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => SnoozeConversationInput) input: SnoozeConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return remember(ctx, await ctx.dataSources.conversations.snooze(id, input.adminId, input.snoozedUntil));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Assign a conversation to an admin or a team.", "POST /conversations/{conversation_id}/parts") })
  async assignConversation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => AssignConversationInput) input: AssignConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return remember(ctx, await ctx.dataSources.conversations.assign(id, input));
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin assigned to the conversation." })
  adminAssignee(@Root() c: Conversation, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return c.adminAssigneeId ? loaders.admin.load(c.adminAssigneeId) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: "The team assigned to the conversation." })
  teamAssignee(@Root() c: Conversation, @Ctx() { loaders }: GatewayContext): Promise<Team> | null {
    return c.teamAssigneeId ? loaders.team.load(c.teamAssigneeId) : null;
  }

  @FieldResolver(() => [Contact], { description: "The contacts (users or leads) involved in the conversation." })
  contacts(@Root() c: Conversation, @Ctx() { loaders }: GatewayContext): Promise<Contact[]> {
    return loadExisting(loaders.contact, c.contactIds);
  }

  @FieldResolver(() => [Admin], { description: "The teammates who wrote at least one part." })
  teammates(@Root() c: Conversation, @Ctx() { loaders }: GatewayContext): Promise<Admin[]> {
    return loadExisting(loaders.admin, c.teammateIds);
  }

  @FieldResolver(() => ConversationPartList, {
    description: "The parts of the conversation. On a listed or searched conversation this costs one `GET /conversations/{id}` (de-duplicated).",
  })
  async conversationParts(@Root() c: Conversation, @Ctx() { loaders }: GatewayContext): Promise<ConversationPartList> {
    return c.partList ?? (await loaders.conversation.load(c.id)).partList ?? { totalCount: 0, nodes: [] };
  }
}

@Resolver(() => ConversationPart)
export class ConversationPartResolver {
  @FieldResolver(() => Author, { nullable: true, description: "The author of the part, resolved to its Admin, Contact, Team or Bot." })
  author(@Root() part: ConversationPart, @Ctx() { loaders }: GatewayContext) {
    return loaders.author(part.authorRef);
  }

  @FieldResolver(() => Assignee, { nullable: true, description: "The admin or team this part assigned the conversation to." })
  assignedTo(@Root() part: ConversationPart, @Ctx() { loaders }: GatewayContext): Promise<Admin | Team> | null {
    if (!part.assignedToId || part.assignedToId === "0") return null;
    if (part.assignedToType === "team") return loaders.team.load(part.assignedToId);
    if (part.assignedToType === "admin") return loaders.admin.load(part.assignedToId);
    return null;
  }
}

@Resolver(() => ConversationSource)
export class ConversationSourceResolver {
  @FieldResolver(() => Author, { nullable: true, description: "Who started the conversation, resolved to its Admin, Contact, Team or Bot." })
  author(@Root() source: ConversationSource, @Ctx() { loaders }: GatewayContext) {
    return loaders.author(source.authorRef);
  }
}

@Resolver(() => ConversationRating)
export class ConversationRatingResolver {
  @FieldResolver(() => Contact, { nullable: true, description: "The contact who rated." })
  contact(@Root() rating: ConversationRating, @Ctx() { loaders }: GatewayContext): Promise<Contact> | null {
    return rating.contactId ? loaders.contact.load(rating.contactId) : null;
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The teammate who was rated." })
  teammate(@Root() rating: ConversationRating, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return rating.teammateId ? loaders.admin.load(rating.teammateId) : null;
  }
}

@Resolver(() => ConversationStatistics)
export class ConversationStatisticsResolver {
  @FieldResolver(() => Admin, { nullable: true, description: "The last admin who closed the conversation." })
  lastClosedBy(@Root() stats: ConversationStatistics, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return stats.lastClosedById ? loaders.admin.load(stats.lastClosedById) : null;
  }
}

export const conversationResolvers = [
  ConversationResolver,
  ConversationPartResolver,
  ConversationSourceResolver,
  ConversationRatingResolver,
  ConversationStatisticsResolver,
] as const;
