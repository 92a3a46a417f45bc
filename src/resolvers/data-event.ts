import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../datasources/errors.js";
import type { EventUser } from "../datasources/data-events.js";
import { MAX_PAGE_SIZE } from "../datasources/paging.js";
import type { Connection } from "../schema/common.js";
import { Contact } from "../schema/contact.js";
import {
  CreateDataEventInput,
  CreateDataEventSummariesInput,
  DataEvent,
  DataEventConnection,
  DataEventFilter,
  DataEventSubmission,
  DataEventSummariesSubmission,
  DataEventSummary,
  DataEventSummaryItem,
  DataEventSummaryItemConnection,
} from "../schema/data-event.js";
import { build } from "../schema/scalars.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection, cursorConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class EventPageArgs {
  @Field(() => Int, { nullable: true, description: `How many events (default 15, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

@ArgsType()
class SummaryPageArgs {
  @Field(() => Int, { nullable: true, description: "How many event names (default 50, at most 1000)." })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

const HISTORY_LIMITS = { defaultSize: 15, maxSize: MAX_PAGE_SIZE };

function eventUser(filter: DataEventFilter): EventUser {
  const given = [
    filter.userId != null ? { user_id: filter.userId } : null,
    filter.intercomUserId != null ? { intercom_user_id: filter.intercomUserId } : null,
    filter.email != null ? { email: filter.email } : null,
  ].filter((u) => u !== null);
  if (given.length !== 1) throw badInput("Name the user with exactly one of userId, intercomUserId or email", "filter");
  return given[0]!;
}

@Resolver(() => DataEventSummary)
export class DataEventSummaryResolver {
  @Query(() => DataEventSummary, {
    nullable: true,
    description: rest(
      "List all data events of a user or lead: `events` is Intercom's summary per event name (`summary=true`), `history` pages through the individual events (less than 90 days old).",
      "GET /events",
    ),
  })
  dataEvents(
    @Arg("filter", () => DataEventFilter, { description: "Whose events to list: exactly one of userId, intercomUserId or email." }) filter: DataEventFilter,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<DataEventSummary> {
    return dataSources.dataEvents.summary(eventUser(filter));
  }

  @Mutation(() => DataEventSubmission, {
    nullable: true,
    description: rest("Submit a data event for a user or lead (named by exactly one of id, userId or email); Intercom answers 202 Accepted.", "POST /events"),
  })
  async createDataEvent(
    @Arg("input", () => CreateDataEventInput, { description: "The event: its name, when it happened, the contact it belongs to, and optional metadata." }) input: CreateDataEventInput,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<DataEventSubmission> {
    const event = await dataSources.dataEvents.create(input);
    return build(DataEventSubmission, { accepted: true, event });
  }

  @Mutation(() => DataEventSummariesSubmission, {
    nullable: true,
    description: rest("Create event summaries for a user: how often an event occurred, and its first and last time.", "POST /events/summaries"),
  })
  async createDataEventSummaries(
    @Arg("input", () => CreateDataEventSummariesInput, { description: "The user (by your userId), and the event summary to record for it." }) input: CreateDataEventSummariesInput,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<DataEventSummariesSubmission> {
    const s = input.eventSummaries;
    await dataSources.dataEvents.createSummaries(input.userId, s);
    return build(DataEventSummariesSubmission, {
      accepted: true,
      userId: input.userId,
      eventSummary: build(DataEventSummaryItem, { name: s.eventName, count: s.count, first: s.first, last: s.last, description: null }),
    });
  }

  @FieldResolver(() => DataEventSummaryItemConnection, { description: "A summary of the user's data events: one item per event name." })
  events(@Root() summary: DataEventSummary, @Args(() => SummaryPageArgs) args: SummaryPageArgs): Connection<DataEventSummaryItem> {
    return arrayConnection(summary.items, args);
  }

  @FieldResolver(() => DataEventConnection, {
    description:
      "The user's individual events, newest first (one `GET /events` per page), where Intercom lists them: the 2.11 document declares only the summary as `GET /events`'s answer, and against it this connection is empty.",
    deprecationReason: "Intercom 2.11 documents GET /events as answering the summary only (see `events`); individual events come only from an undocumented answer.",
  })
  history(
    @Root() summary: DataEventSummary,
    @Args(() => EventPageArgs) args: EventPageArgs,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Connection<DataEvent>> {
    const user = { intercom_user_id: summary.intercomUserId };
    return cursorConnection(args, HISTORY_LIMITS, (perPage, before) => dataSources.dataEvents.list(user, perPage, before));
  }

  @FieldResolver(() => Contact, { nullable: true, description: "The user or lead the events belong to." })
  contact(@Root() summary: DataEventSummary, @Ctx() { loaders }: GatewayContext): Promise<Contact> {
    return loaders.contact.load(summary.intercomUserId);
  }
}

@Resolver(() => DataEvent)
export class DataEventResolver {
  @FieldResolver(() => Contact, { nullable: true, description: "The user or lead the event belongs to." })
  contact(@Root() event: DataEvent, @Ctx() { loaders }: GatewayContext): Promise<Contact> | null {
    return event.intercomUserId ? loaders.contact.load(event.intercomUserId) : null;
  }
}

@Resolver(() => DataEventSummariesSubmission)
export class DataEventSummariesSubmissionResolver {
  @FieldResolver(() => DataEventSummary, { nullable: true, description: "The user's event summary after the write (one `GET /events?summary=true`)." })
  summary(@Root() submission: DataEventSummariesSubmission, @Ctx() { dataSources }: GatewayContext): Promise<DataEventSummary> {
    return dataSources.dataEvents.summary({ user_id: submission.userId });
  }
}

export const dataEventResolvers = [DataEventSummaryResolver, DataEventResolver, DataEventSummariesSubmissionResolver] as const;
