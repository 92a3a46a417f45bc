import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DataEvent, DataEventSummaryItem } from "../generated/graph/data-events.js";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";

// DataEvent, DataEventSummary and DataEventSummaryItem are generated from the document
// (scripts/graph-mapping.ts); links and connections are in src/resolvers/data-event.ts.
export * from "../generated/graph/data-events.js";

export const DataEventConnection = ConnectionType(DataEvent, "DataEvent");

export const DataEventSummaryItemConnection = ConnectionType(DataEventSummaryItem, "DataEventSummaryItem");

@ObjectType({ description: "An event Intercom accepted (`202 Accepted`; Intercom stores it asynchronously and ignores duplicates)." })
export class DataEventSubmission {
  @Field(() => Boolean, { description: "True: Intercom answered 202 Accepted." })
  accepted!: boolean;

  @Field(() => DataEvent, { description: "The event as submitted." })
  event!: DataEvent;
}

@ObjectType({ description: "Event summaries Intercom accepted for a user." })
export class DataEventSummariesSubmission {
  @Field(() => Boolean, { description: "True: Intercom answered 200." })
  accepted!: boolean;

  @Field(() => String, { description: "Your identifier for the user." })
  userId!: string;

  @Field(() => DataEventSummaryItem, { description: "The event summary as submitted." })
  eventSummary!: DataEventSummaryItem;
}

@InputType({ description: "Who the events belong to: exactly one of `userId`, `intercomUserId` or `email`." })
export class DataEventFilter {
  @Field(() => String, { nullable: true, description: "Your identifier for the user." })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: "The Intercom identifier of the user or lead." })
  intercomUserId?: string | null;

  @Field(() => String, { nullable: true, description: "The user's email address." })
  email?: string | null;
}

@InputType({ description: "An event to submit, for the contact named by exactly one of `id`, `userId` or `email`." })
export class CreateDataEventInput {
  @Field(() => String, { description: "The name of the event that occurred, for example `updated-plan`." })
  eventName!: string;

  @Field(() => DateTime, { description: "The time the event occurred (sent in whole seconds; with the name and contact it identifies the event, so duplicates are ignored)." })
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: "The unique identifier for the contact (lead or user) which is given by Intercom." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "Your identifier for the user." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "An email address for your user (only where your application uses email to uniquely identify users)." })
  email?: string | null;

  @Field(() => JSONObject, { nullable: true, description: "Optional metadata about the event: flat values (no nested JSON beyond rich links and amounts), at most 10 keys." })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: "How often an event occurred, for event summaries." })
export class DataEventSummaryInput {
  @Field(() => String, { description: "The name of the event that occurred, for example `updated-plan`." })
  eventName!: string;

  @Field(() => Int, { description: "The number of times the event occurred." })
  count!: number;

  @Field(() => DateTime, { description: "The first time the event was sent." })
  first!: Date;

  @Field(() => DateTime, { description: "The last time the event was sent." })
  last!: Date;
}

@InputType({ description: "Event summaries for a user." })
export class CreateDataEventSummariesInput {
  @Field(() => String, { description: "Your identifier for the user." })
  userId!: string;

  @Field(() => DataEventSummaryInput, { description: "The event summary (the document types `event_summaries` as one object)." })
  eventSummaries!: DataEventSummaryInput;
}
