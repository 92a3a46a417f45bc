import { reduceDataEvent, reduceDataEventSummary } from "../generated/reducers/data-events.js";
import type { RestDataEventList, RestDataEventSummary, RestDataEventSummaryItem } from "../generated/rest/data-events.js";
import {
  DataEvent,
  type CreateDataEventInput,
  type DataEventSummary,
  type DataEventSummaryInput,
  type DataEventSummaryItem,
} from "../schema/data-event.js";
import { build, fromUnix, toUnix } from "../schema/scalars.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";
import type { CursorPage } from "./paging.js";

/** Who the events belong to: exactly one identifier, as GET /events takes it. */
export type EventUser = { user_id: string } | { intercom_user_id: string } | { email: string };

/** The generated reducer ends here: first and last are date strings in the document, DateTimes in the graph. */
export function finishDataEventSummaryItem(item: DataEventSummaryItem, rest: RestDataEventSummaryItem): DataEventSummaryItem {
  item.first = new Date(rest.first);
  item.last = new Date(rest.last);
  return item;
}

/**
 * What GET /events answers. Its one documented 200 (2.11) is `data_event_summary`, whatever
 * `summary` says; Intercom may instead answer a list of the events themselves (`event.list`,
 * the document's `data_event_list`, which no operation declares), with `pages.next`.
 */
type RestEventsAnswer = RestDataEventSummary | RestDataEventList;

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
    return reduceDataEventSummary(await this.get<RestDataEventSummary>(path`events`, { params }));
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
    return { items: body.events.map(reduceDataEvent), nextCursor: beforeOf(body.pages?.next), totalCount: null };
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
