import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import { loadExisting } from "../loaders/index.js";
import { Admin } from "../schema/admin.js";
import { Author } from "../schema/author.js";
import type { Connection } from "../schema/common.js";
import { Contact, ContactConnection } from "../schema/contact.js";
import { Assignee, Conversation, LinkedObject, LinkedObjectType } from "../schema/conversation.js";
import { Tag, TagConnection } from "../schema/tag.js";
import { Team } from "../schema/team.js";
import {
  AttachTagToTicketInput,
  ConvertConversationToTicketInput,
  CreateTicketInput,
  DetachTagFromTicketInput,
  LinkedObjectTarget,
  ReplyToTicketInput,
  Ticket,
  TicketConnection,
  TicketPart,
  TicketPartConnection,
  TicketSearchQuery,
  UpdateTicketInput,
} from "../schema/ticket.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection, cursorConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class SearchPageArgs {
  @Field(() => Int, { nullable: true, description: `How many tickets (default 20, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

@ArgsType()
class ListArgs {
  @Field(() => Int, { nullable: true, description: "How many (default 50, at most 500)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const SEARCH_LIMITS = { defaultSize: 20, maxSize: MAX_PAGE_SIZE };
/** Intercom returns at most 500 parts of a ticket. */
const PART_LIMITS = { defaultSize: 50, maxSize: 500 };



@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true, description: rest("Retrieve a ticket", "GET /tickets/{ticket_id}") })
  async ticket(@Arg("id", () => ID, { description: "The id of the ticket." }) id: string, @Ctx() ctx: GatewayContext): Promise<Ticket> {
    // By id, never by search: search lags behind writes.
    return await ctx.dataSources.tickets.getById(id);
  }

  @Query(() => TicketConnection, { nullable: true, description: rest("Search tickets by the value of their attributes.", "POST /tickets/search") })
  searchTickets(
    @Arg("query", () => TicketSearchQuery, { description: "The conditions tickets must match: one condition, or `and`/`or` groups of them." }) query: TicketSearchQuery,
    @Args(() => SearchPageArgs) args: SearchPageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<Ticket>> {
    return cursorConnection(args, SEARCH_LIMITS, (perPage, after) => dataSources.tickets.searchFor(query, perPage, after));
  }

  @Mutation(() => Ticket, { nullable: true, description: rest("Create a ticket", "POST /tickets") })
  async createTicket(
    @Arg("input", () => CreateTicketInput, { description: "The new ticket: its type, the contact it is for, and its attributes." }) input: CreateTicketInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Ticket> {
    return ctx.dataSources.tickets.create(input);
  }

  @Mutation(() => Ticket, { nullable: true, description: rest("Update a ticket: attributes, state, open, sharing, snooze, assignment.", "PUT /tickets/{ticket_id}") })
  async updateTicket(
    @Arg("id", () => ID, { description: "The id of the ticket to update." }) id: string,
    @Arg("input", () => UpdateTicketInput, { description: "What to change; fields left out stay as they are." }) input: UpdateTicketInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Ticket> {
    return await ctx.dataSources.tickets.update(id, input);
  }

  @Mutation(() => TicketPart, {
    nullable: true,
    description: rest("Reply to a ticket as an admin (comment, note or quick reply) or as a contact. Returns the new part.", "POST /tickets/{ticket_id}/reply"),
  })
  async replyToTicket(
    @Arg("id", () => ID, { description: "The id of the ticket to reply to." }) id: string,
    @Arg("input", () => ReplyToTicketInput, { description: "The reply: exactly one of `admin` or `contact`." }) input: ReplyToTicketInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<TicketPart> {
    return ctx.dataSources.tickets.replyTo(id, input);
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Add tag to a ticket", "POST /tickets/{ticket_id}/tags") })
  async attachTagToTicket(
    @Arg("ticketId", () => ID, { description: "The id of the ticket to tag." }) ticketId: string,
    @Arg("input", () => AttachTagToTicketInput, { description: "The tag to add, and the admin who adds it." }) input: AttachTagToTicketInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Tag> {
    return ctx.dataSources.tickets.attachTag(ticketId, input.tagId, input.adminId);
  }

  @Mutation(() => Tag, { nullable: true, description: rest("Remove tag from a ticket", "DELETE /tickets/{ticket_id}/tags/{tag_id}") })
  async detachTagFromTicket(
    @Arg("ticketId", () => ID, { description: "The id of the ticket to untag." }) ticketId: string,
    @Arg("tagId", () => ID, { description: "The id of the tag to remove." }) tagId: string,
    @Arg("input", () => DetachTagFromTicketInput, { description: "The admin who removes the tag." }) input: DetachTagFromTicketInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Tag> {
    return ctx.dataSources.tickets.detachTag(ticketId, tagId, input.adminId);
  }

  @Mutation(() => Ticket, { nullable: true, description: rest("Convert a conversation to a ticket", "POST /conversations/{conversation_id}/convert") })
  async convertConversationToTicket(
    @Arg("conversationId", () => ID, { description: "The id of the conversation to convert." }) conversationId: string,
    @Arg("input", () => ConvertConversationToTicketInput, { description: "The ticket type of the new ticket, and its attributes." }) input: ConvertConversationToTicketInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Ticket> {
    return ctx.dataSources.tickets.convertConversation(conversationId, input.ticketTypeId, input.attributes);
  }

  @FieldResolver(() => ContactConnection, { description: "The contacts affected by the ticket (one contact search per request)." })
  async contacts(@Root() t: Ticket, @Args(() => ListArgs) args: ListArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Contact>> {
    return arrayConnection(await loadExisting(loaders.contact, t.contactIds), args);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin assigned to the ticket." })
  adminAssignee(@Root() t: Ticket, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return t.adminAssigneeId ? loaders.admin.load(t.adminAssigneeId) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: "The team assigned to the ticket." })
  teamAssignee(@Root() t: Ticket, @Ctx() { loaders }: GatewayContext): Promise<Team> | null {
    return t.teamAssigneeId ? loaders.team.load(t.teamAssigneeId) : null;
  }

  @FieldResolver(() => TagConnection, {
    description: "The tags applied to the ticket, as Intercom embeds them (no extra call; the 2.11 schema does not describe them, so empty when Intercom sends none).",
  })
  tags(@Root() t: Ticket, @Args(() => ListArgs) args: ListArgs): Connection<Tag> {
    return arrayConnection(t.tagList, args);
  }

  @FieldResolver(() => TicketPartConnection, { description: "The notes and events of the ticket, oldest first (at most 500, as Intercom returns them; no extra call)." })
  ticketParts(@Root() t: Ticket, @Args(() => ListArgs) args: ListArgs): Connection<TicketPart> {
    const connection = arrayConnection(t.parts, args, PART_LIMITS);
    return { ...connection, totalCount: Math.max(t.partsTotalCount, t.parts.length) };
  }
}

@Resolver(() => TicketPart)
export class TicketPartResolver {
  @FieldResolver(() => Author, { nullable: true, description: "The author of the part, resolved to its Admin, Contact, Team or Bot." })
  author(@Root() part: TicketPart, @Ctx() { loaders }: GatewayContext) {
    return loaders.author(part.authorRef);
  }

  @FieldResolver(() => Assignee, { nullable: true, description: "The admin or team this part assigned the ticket to." })
  assignedTo(@Root() part: TicketPart, @Ctx() { loaders }: GatewayContext): Promise<Admin | Team> | null {
    if (!part.assignedToId || part.assignedToId === "0") return null;
    if (part.assignedToType === "team") return loaders.team.load(part.assignedToId);
    if (part.assignedToType === "admin") return loaders.admin.load(part.assignedToId);
    return null;
  }
}

@Resolver(() => LinkedObject)
export class LinkedObjectResolver {
  @FieldResolver(() => LinkedObjectTarget, {
    nullable: true,
    description: "The linked Ticket (tickets batch into one search per request) or Conversation (one GET each, de-duplicated).",
  })
  object(@Root() linked: LinkedObject, @Ctx() { loaders }: GatewayContext): Promise<Ticket | Conversation> {
    return linked.type === LinkedObjectType.TICKET ? loaders.ticket.load(linked.id) : loaders.conversation.load(linked.id);
  }
}

@Resolver(() => Conversation)
export class ConversationTicketResolver {
  @FieldResolver(() => Ticket, {
    nullable: true,
    description:
      "The ticket this conversation is linked to (the first linked ticket, e.g. the one it was converted into); every conversation's ticket in a request comes from one ticket search.",
  })
  ticket(@Root() conversation: Conversation, @Ctx() { loaders }: GatewayContext): Promise<Ticket> | null {
    const linked = conversation.linkedObjects?.nodes.find((o) => o.type === LinkedObjectType.TICKET);
    return linked ? loaders.ticket.load(linked.id) : null;
  }
}

export const ticketResolvers = [TicketResolver, TicketPartResolver, LinkedObjectResolver, ConversationTicketResolver] as const;
