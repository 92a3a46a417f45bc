// The Subscription root: thin like every resolver. `subscribe` registers the subscriber with the
// events hub (through the subscription's context); each event then resolves through the event
// type's links below, in a context shared by every subscriber of the same token.
import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import { UpstreamError } from "../datasources/errors.js";
import { Contact } from "../schema/contact.js";
import { Conversation } from "../schema/conversation.js";
import { ContactEvent, ContactEventFilter, ConversationEvent, ConversationEventFilter, TicketEvent, TicketEventFilter } from "../schema/events.js";
import { Ticket } from "../schema/ticket.js";
import type { GatewayContext } from "../server/context.js";

const notSupported = () =>
  new GraphQLError("Subscriptions run over WebSocket (graphql-ws on /graphql) or Server-Sent Events (/graphql/stream)", {
    extensions: { code: "SUBSCRIPTIONS_NOT_SUPPORTED" },
  });

function subscribe(kind: "conversation" | "contact" | "ticket") {
  return ({ args, context }: SubscribeResolverData<unknown, Record<string, unknown>, GatewayContext>) => {
    if (!context.events) throw notSupported();
    return context.events.subscribe(kind, (args as { filter?: unknown }).filter) as AsyncIterable<unknown>;
  };
}

/** A link by id whose object may be gone (a deleted conversation): null then, any other failure stays. */
async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof UpstreamError && error.extensions.code === "NOT_FOUND") return null;
    throw error;
  }
}

const FILTER_NOTE = "No filter: every event of this family in the token's workspace.";

@Resolver()
class EventSubscriptionResolver {
  @Subscription(() => ConversationEvent, {
    subscribe: subscribe("conversation"),
    description:
      "Conversations as they change: one event per Intercom notification of the `conversation.*` topics (replies, assignments, notes, closes, opens, snoozes, tags, deletions), in the subscriber's workspace only. Select the conversation as in a query (`conversation { adminAssignee { name } contacts { name } }`).",
  })
  conversationEvents(
    @Root() event: ConversationEvent,
    @Arg("filter", () => ConversationEventFilter, { nullable: true, description: `Which events to receive. ${FILTER_NOTE}` }) _filter?: ConversationEventFilter,
  ): ConversationEvent {
    return event;
  }

  @Subscription(() => ContactEvent, {
    subscribe: subscribe("contact"),
    description: "Contacts as they change: one event per Intercom notification of the `contact.*` topics (created, updated, tagged, subscribed, archived, merged, deleted), in the subscriber's workspace only.",
  })
  contactEvents(
    @Root() event: ContactEvent,
    @Arg("filter", () => ContactEventFilter, { nullable: true, description: `Which events to receive. ${FILTER_NOTE}` }) _filter?: ContactEventFilter,
  ): ContactEvent {
    return event;
  }

  @Subscription(() => TicketEvent, {
    subscribe: subscribe("ticket"),
    description: "Tickets as they change: one event per Intercom notification of the `ticket.*` topics (created, state changes, assignments, replies, notes, attributes), in the subscriber's workspace only.",
  })
  ticketEvents(
    @Root() event: TicketEvent,
    @Arg("filter", () => TicketEventFilter, { nullable: true, description: `Which events to receive. ${FILTER_NOTE}` }) _filter?: TicketEventFilter,
  ): TicketEvent {
    return event;
  }
}

@Resolver(() => ConversationEvent)
class ConversationEventResolver {
  @FieldResolver(() => Conversation, {
    nullable: true,
    description: "The conversation after the event, as the notification carries it (no upstream call), else loaded by id; null once deleted.",
  })
  conversation(@Root() event: ConversationEvent, @Ctx() { loaders }: GatewayContext): Promise<Conversation | null> | Conversation | null {
    if (event.conversationObject) return event.conversationObject;
    return event.topic === "conversation.deleted" ? null : orNull(loaders.conversationWithoutParts.load(event.conversationId));
  }
}

@Resolver(() => ContactEvent)
class ContactEventResolver {
  @FieldResolver(() => Contact, {
    nullable: true,
    description: "The contact after the event, as the notification carries it (no upstream call), else loaded by id; null once deleted.",
  })
  contact(@Root() event: ContactEvent, @Ctx() { loaders }: GatewayContext): Promise<Contact | null> | Contact | null {
    if (event.contactObject) return event.contactObject;
    return event.topic === "contact.deleted" ? null : orNull(loaders.contact.load(event.contactId));
  }
}

@Resolver(() => TicketEvent)
class TicketEventResolver {
  @FieldResolver(() => Ticket, {
    nullable: true,
    description: "The ticket after the event, as the notification carries it (no upstream call), else loaded by id.",
  })
  ticket(@Root() event: TicketEvent, @Ctx() { loaders }: GatewayContext): Promise<Ticket | null> | Ticket | null {
    return event.ticketObject ?? orNull(loaders.ticket.load(event.ticketId));
  }
}

export const eventResolvers = [EventSubscriptionResolver, ConversationEventResolver, ContactEventResolver, TicketEventResolver] as const;
