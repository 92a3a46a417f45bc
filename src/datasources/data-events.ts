import {
  DataEvent,
  DataEventSummary,
  DataEventSummaryItem,
  type CreateDataEventInput,
  type DataEventSummaryInput,
} from "../schema/data-event.js";
import { build, fromUnix, toUnix } from "../schema/scalars.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";
import type { CursorPage } from "./paging.js";

interface RestDataEvent {
  type?: "event";
  id?: string | null;
  event_name: string;
  created_at: number;
  user_id?: string | null;
  intercom_user_id?: string | null;
  email?: string | null;
  metadata?: Record<string, unknown> | null;
}

interface RestDataEventSummary {
  type?: "event.summary";
  email?: string | null;
  intercom_user_id: string;
  user_id?: string | null;
  events: Array<{ name: string; first: string; last: string; count: number; description?: string | null }>;
}

/** Who the events belong to: exactly one identifier, as GET /events takes it. */
export type EventUser = { user_id: string } | { intercom_user_id: string } | { email: string };

const blankToNull = (s: string | null | undefined) => (s === null || s === undefined || s === "" ? null : s);

export function dataEventReducer(rest: RestDataEvent): DataEvent {
  return build(DataEvent, {
    id: blankToNull(rest.id),
    eventName: rest.event_name,
    createdAt: fromUnix(rest.created_at)!,
    userId: blankToNull(rest.user_id),
    intercomUserId: blankToNull(rest.intercom_user_id),
    email: blankToNull(rest.email),
    metadata: rest.metadata ?? {},
  });
}

function summaryReducer(rest: RestDataEventSummary): DataEventSummary {
  return build(DataEventSummary, {
    email: blankToNull(rest.email),
    intercomUserId: rest.intercom_user_id,
    userId: blankToNull(rest.user_id),
    items: rest.events.map((e) =>
      build(DataEventSummaryItem, {
        name: e.name,
        first: new Date(e.first),
        last: new Date(e.last),
        count: e.count,
        description: e.description ?? null,
      }),
    ),
  });
}

/**
 * What GET /events answers. Its one documented 200 (2.11) is `data_event_summary`, whatever
 * `summary` says; Intercom may instead answer a list of the events themselves (`event.list`,
 * the document's `data_event_list`, which no operation declares), with `pages.next`.
 */
type RestEventsAnswer =
  | RestDataEventSummary
  | { type: "event.list"; events: RestDataEvent[]; pages?: { next?: string | null } | null };

/** `pages.next` is a URL; the only thing a later page needs from it is its `before` position. */
function beforeOf(next: string | null | undefined): string | null {
  if (!next) return null;
  try {
    return new URL(next, "https://api.intercom.io").searchParams.get("before");
  } catch {
    return null;
  }
}

/** Data events: GET /events (list and summary), POST /events, POST /events/summaries. */
export class DataEventsAPI extends IntercomDataSource {
  async summary(user: EventUser): Promise<DataEventSummary> {
    const params = { type: "user", ...user, summary: "true" };
    return summaryReducer(await this.get<RestDataEventSummary>(path`events`, { params }));
  }

  /**
   * The user's individual events, where Intercom lists them (an `event.list` answer, which the
   * 2.11 document does not describe for GET /events); the documented answer, a summary, lists
   * none, so the page is empty. The first page asks only what the document declares (type, the
   * user, per_page); a later page follows the `before` position of the list's `pages.next`.
   */
  async list(user: EventUser, perPage: number, before: string | null): Promise<CursorPage<DataEvent>> {
    const params: Record<string, string> = { type: "user", ...user, per_page: String(perPage) };
    if (before) params.before = before;
    const body = await this.get<RestEventsAnswer>(path`events`, { params });
    if (body.type !== "event.list" || !Array.isArray(body.events)) return { items: [], nextCursor: null, totalCount: null };
    return { items: body.events.map(dataEventReducer), nextCursor: beforeOf(body.pages?.next), totalCount: null };
  }

  /** Intercom answers 202 with an empty body: success is that status and nothing else. */
  async create(input: CreateDataEventInput): Promise<DataEvent> {
    if (input.eventName.trim() === "") throw badInput("eventName must not be blank", "input.eventName");
    if (input.id == null && input.userId == null && input.email == null) throw badInput("Name the contact with one of id, userId or email", "input");
    const body: Record<string, unknown> = { event_name: input.eventName, created_at: toUnix(input.createdAt) };
    if (input.id != null) body.id = input.id;
    if (input.userId != null) body.user_id = input.userId;
    if (input.email != null) body.email = input.email;
    if (input.metadata != null) body.metadata = input.metadata;
    await this.post(path`events`, { body, empty: 202 });
    return build(DataEvent, {
      id: null,
      eventName: input.eventName,
      createdAt: fromUnix(toUnix(input.createdAt))!,
      userId: input.userId ?? null,
      intercomUserId: input.id ?? null,
      email: input.email ?? null,
      metadata: input.metadata ?? {},
    });
  }

  async createSummaries(userId: string, summary: DataEventSummaryInput): Promise<void> {
    if (summary.count < 1) throw badInput("count must be at least 1", "input.eventSummaries.count");
    if (summary.first.getTime() > summary.last.getTime()) throw badInput("first must not be after last", "input.eventSummaries.first");
    const body = {
      user_id: userId,
      event_summaries: { event_name: summary.eventName, count: summary.count, first: toUnix(summary.first), last: toUnix(summary.last) },
    };
    await this.post(path`events/summaries`, { body, empty: 200 });
  }
}
