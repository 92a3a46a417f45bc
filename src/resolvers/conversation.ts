import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import { searchContactConversations } from "../loaders/conversations.js";
import { loadExisting } from "../loaders/index.js";
import { Admin } from "../schema/admin.js";
import { Author } from "../schema/author.js";
import type { Connection } from "../schema/common.js";
import { Contact } from "../schema/contact.js";
import { Message } from "../schema/message.js";
import {
  Assignee,
  AssignConversationInput,
  AttachContactToConversationInput,
  CreateConversationInput,
  DetachContactFromConversationInput,
  RedactConversationInput,
  RedactionType,
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
import { ConversationSearchQuery } from "../schema/search.js";
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

@Resolver(() => Conversation)
export class ConversationResolver {
  @Query(() => ConversationConnection, { nullable: true, description: rest("List all conversations, most recently updated first.", "GET /conversations") })
  conversations(@Args(() => PageArgs) args: PageArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<Conversation>> {
    return cursorConnection(args, PAGE_LIMITS, (perPage, after) => dataSources.conversations.list(perPage, after));
  }

  @Query(() => Conversation, { nullable: true, description: rest("Retrieve a conversation with its parts.", "GET /conversations/{conversation_id}") })
  conversation(
    @Arg("id", () => ID, { description: "The id of the conversation." }) id: string,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Conversation> {
    return loaders.conversation.load(id);
  }

  @Query(() => ConversationConnection, { nullable: true, description: rest("Search conversations by the value of their attributes.", "POST /conversations/search") })
  searchConversations(
    @Arg("query", () => ConversationSearchQuery, { description: "The conditions conversations must match: one condition, or `and`/`or` groups of them." }) query: ConversationSearchQuery,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Conversation>> {
    return cursorConnection(args, PAGE_LIMITS, (perPage, after) => dataSources.conversations.searchFor(query, perPage, after));
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Reply to a conversation as an admin (comment or note) or as a contact.", "POST /conversations/{conversation_id}/reply") })
  async replyToConversation(
    @Arg("id", () => ID, { description: "The id of the conversation, or `last` for the replying contact's most recently updated conversation." }) id: string,
    @Arg("input", () => ReplyToConversationInput, { description: "The reply: exactly one of `admin` or `contact`." }) input: ReplyToConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.reply(id, input);
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Update a conversation: mark it read, set custom attributes.", "PUT /conversations/{conversation_id}") })
  async updateConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to update." }) id: string,
    @Arg("input", () => UpdateConversationInput, { description: "What to change: read status and custom attributes." }) input: UpdateConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.update(id, input);
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Manage a conversation: close it.", "POST /conversations/{conversation_id}/parts") })
  async closeConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to close." }) id: string,
    @Arg("input", () => CloseConversationInput, { description: "The admin who closes it, and an optional closing message." }) input: CloseConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.close(id, input.adminId, input.body);
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Manage a conversation: open (reopen) it.", "POST /conversations/{conversation_id}/parts") })
  async openConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to reopen." }) id: string,
    @Arg("input", () => OpenConversationInput, { description: "The admin who reopens it." }) input: OpenConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.open(id, input.adminId);
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Manage a conversation: snooze it until a time.", "POST /conversations/{conversation_id}/parts") })
  async snoozeConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to snooze." }) id: string,
    @Arg("input", () => SnoozeConversationInput, { description: "The admin who snoozes it, and until when." }) input: SnoozeConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.snooze(id, input.adminId, input.snoozedUntil);
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Manage a conversation: assign it to an admin or a team.", "POST /conversations/{conversation_id}/parts") })
  async assignConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to assign." }) id: string,
    @Arg("input", () => AssignConversationInput, { description: "Who assigns it, and the admin or team it is assigned to." }) input: AssignConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.assign(id, input);
  }

  @Mutation(() => Message, {
    nullable: true,
    description: rest(
      "Creates a conversation, started by a contact (user or lead) as an in-app message. Answers the message; its `conversation` is the new conversation",
      "POST /conversations",
    ),
  })
  async createConversation(
    @Arg("input", () => CreateConversationInput, { description: "The contact who writes, and the message." }) input: CreateConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Message> {
    return ctx.dataSources.conversations.create(input);
  }

  @Mutation(() => Conversation, { nullable: true, description: rest("Attach a contact to a conversation, on behalf of an admin.", "POST /conversations/{conversation_id}/customers") })
  async attachContactToConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to add a participant to." }) id: string,
    @Arg("input", () => AttachContactToConversationInput, { description: "The admin who adds the contact, and the contact." }) input: AttachContactToConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.attachContact(id, input.adminId, input.customer);
  }

  @Mutation(() => Conversation, {
    nullable: true,
    description: rest("Detach a contact from a group conversation (never its last contact).", "DELETE /conversations/{conversation_id}/customers/{contact_id}"),
  })
  async detachContactFromConversation(
    @Arg("id", () => ID, { description: "The id of the conversation to remove a participant from." }) id: string,
    @Arg("contactId", () => ID, { description: "The id of the contact to remove." }) contactId: string,
    @Arg("input", () => DetachContactFromConversationInput, { description: "The admin who removes the contact." }) input: DetachContactFromConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.detachContact(id, contactId, input.adminId);
  }

  @Mutation(() => Conversation, {
    nullable: true,
    description: rest("Redact a conversation part, or the source message of a conversation (written by a contact).", "POST /conversations/redact"),
  })
  async redactConversationPart(
    @Arg("input", () => RedactConversationInput, { description: "The conversation and the part or source message to redact." }) input: RedactConversationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.redact({ ...input, type: input.type === RedactionType.SOURCE ? "source" : "conversation_part" });
  }

  @Mutation(() => Conversation, {
    nullable: true,
    description: rest("Run Assignment Rules on a conversation (deprecated by Intercom from 2.12).", "POST /conversations/{conversation_id}/run_assignment_rules"),
  })
  async runAssignmentRules(
    @Arg("id", () => ID, { description: "The id of the conversation to run the assignment rules on." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<Conversation> {
    return ctx.dataSources.conversations.runAssignmentRules(id);
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

@Resolver(() => Contact)
export class ContactConversationsResolver {
  @FieldResolver(() => ConversationConnection, {
    description:
      "The contact's conversations, most recently updated first (conversations search by `contact_ids`). The first pages of many contacts share one search. Search lags behind writes by a few minutes.",
  })
  conversations(@Root() contact: Contact, @Args(() => PageArgs) args: PageArgs, @Ctx() { dataSources, loaders }: GatewayContext): Promise<Connection<Conversation>> {
    // The first page shares a search with other contacts' first pages; later ones search for this contact alone.
    const fetchPage = args.after
      ? searchContactConversations(dataSources, contact.id)
      : (perPage: number) => loaders.contactConversations.load({ contactId: contact.id, perPage });
    return cursorConnection(args, PAGE_LIMITS, fetchPage);
  }
}

export const conversationResolvers = [
  ConversationResolver,
  ConversationPartResolver,
  ConversationSourceResolver,
  ConversationRatingResolver,
  ConversationStatisticsResolver,
  ContactConversationsResolver,
] as const;
