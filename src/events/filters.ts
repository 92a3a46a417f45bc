// Subscription filters: the arguments a subscriber gives (hostile like every client input),
// checked once when it subscribes and compiled to a predicate over an event's facts.
import { GraphQLError } from "graphql";
import { MAX_FILTER_VALUES, type ContactEventFilter, type ConversationEventFilter, type TicketEventFilter } from "../schema/events.js";
import type { EventFacts } from "./model.js";
import type { EventKind } from "./notification.js";

export type EventFilter = ConversationEventFilter | ContactEventFilter | TicketEventFilter;
export type EventPredicate = (facts: EventFacts) => boolean;

/** Ids compared with Intercom's: the same closed form as a notification's object ids. */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

const badFilter = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

/** A checked list: at most MAX_FILTER_VALUES values, none empty, ids in Intercom's form. */
function list(name: string, values: readonly string[] | null | undefined, ids: boolean): ReadonlySet<string> | undefined {
  if (values === undefined || values === null) return undefined;
  if (values.length === 0) throw badFilter(`filter.${name} is empty: give at least one value, or leave it out to match all`);
  if (values.length > MAX_FILTER_VALUES) throw badFilter(`filter.${name} has ${values.length} values, over the limit of ${MAX_FILTER_VALUES}`);
  if (ids && values.some((v) => typeof v !== "string" || !ID.test(v))) throw badFilter(`filter.${name} holds a value that is not an Intercom id`);
  return new Set(values);
}

/** One criterion: absent matches everything; present matches only an event whose fact is in the set. */
const criterion = (set: ReadonlySet<string> | undefined, read: (f: EventFacts) => string | null): EventPredicate | undefined =>
  set ? (facts) => { const value = read(facts); return value !== null && set.has(value); } : undefined;

/** The predicate of a filter (every criterion given must match), or BAD_USER_INPUT naming the field at fault. */
export function compileFilter(kind: EventKind, filter: EventFilter | null | undefined): EventPredicate {
  const f = (filter ?? {}) as Partial<ConversationEventFilter & ContactEventFilter & TicketEventFilter>;
  const checks: Array<EventPredicate | undefined> = [criterion(list("topics", f.topics, false), (x) => x.topic)];
  if (kind === "conversation") {
    checks.push(
      criterion(list("conversationIds", f.conversationIds, true), (x) => x.objectId),
      criterion(list("adminAssigneeIds", f.adminAssigneeIds, true), (x) => x.adminAssigneeId),
      criterion(list("teamAssigneeIds", f.teamAssigneeIds, true), (x) => x.teamAssigneeId),
      criterion(list("states", f.states, false), (x) => x.state),
    );
  } else if (kind === "contact") {
    checks.push(criterion(list("contactIds", f.contactIds, true), (x) => x.objectId), criterion(list("roles", f.roles, false), (x) => x.role));
  } else {
    checks.push(
      criterion(list("ticketIds", f.ticketIds, true), (x) => x.objectId),
      criterion(list("adminAssigneeIds", f.adminAssigneeIds, true), (x) => x.adminAssigneeId),
      criterion(list("teamAssigneeIds", f.teamAssigneeIds, true), (x) => x.teamAssigneeId),
      criterion(list("states", f.states, false), (x) => x.state),
      criterion(list("ticketTypeIds", f.ticketTypeIds, true), (x) => x.ticketTypeId),
    );
  }
  const active = checks.filter((c): c is EventPredicate => c !== undefined);
  return (facts) => active.every((check) => check(facts));
}
