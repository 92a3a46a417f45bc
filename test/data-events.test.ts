import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eventListAnswer, eventsOf } from "./support/events.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

/** A user with more than 20 seeded events. */
function busyUser() {
  const ws = stack.sandbox.workspace;
  const user = ws.contacts.find((c) => c.role === "user" && c.external_id && ws.dataEvents.filter((e) => e.intercom_user_id === c.id).length > 20)!;
  return { user, events: eventsOf(ws.dataEvents, user.id) };
}

const EVENTS = /* GraphQL */ `
  query Events($filter: DataEventFilter!, $first: Int, $after: String) {
    dataEvents(filter: $filter) {
      email intercomUserId userId
      events { totalCount nodes { name count first last description } }
      history(first: $first, after: $after) {
        nodes { id eventName createdAt userId intercomUserId email metadata }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

describe("dataEvents", () => {
  it("summarises a user's events from GET /events, whose documented answer is the summary: history is empty against it", async () => {
    const { user, events } = busyUser();
    const res = await stack.query(EVENTS, { filter: { userId: user.external_id }, first: 10 });
    expect(res.errors).toBeUndefined();
    const d = res.data.dataEvents;
    expect(d).toMatchObject({ email: user.email, intercomUserId: user.id, userId: user.external_id });
    const names = new Set(events.map((e) => e.event_name));
    expect(d.events.totalCount).toBe(names.size);
    const total = d.events.nodes.reduce((sum: number, n: any) => sum + n.count, 0);
    expect(total).toBe(events.length);
    const newest = events.filter((e) => e.event_name === d.events.nodes[0].name).map((e) => e.created_at);
    expect(new Date(d.events.nodes[0].last).getTime()).toBe(Math.max(...newest) * 1000);

    // The documented answer (event.summary) lists no individual events.
    expect(d.history).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    // The summary, and the history's one page: both ask only what the document declares.
    expect(calls()).toEqual(["GET /events", "GET /events"]);
    expect(stack.upstream()[0]!.query).toEqual({ type: "user", user_id: user.external_id, summary: "true" });
    expect(stack.upstream()[1]!.query).toEqual({ type: "user", intercom_user_id: user.id, per_page: "10" });
    expect(stack.upstream()[1]!.status).toBe(200);
  });

  it("pages through the history where Intercom lists the events (an event.list, which the document does not declare)", async () => {
    const { user, events } = busyUser();
    const summary = await fetch(`${stack.sandbox.url}/events?type=user&intercom_user_id=${user.id}&summary=true`, {
      headers: { Authorization: "Bearer t" },
    }).then((r) => r.json());
    /** The next GET /events calls answered in order: the summary (as the sandbox does), then the given list page. */
    const answerNext = (page: unknown) => {
      stack.sandbox.injectFault({ method: "GET", path: "/events", status: 200, body: summary });
      stack.sandbox.injectFault({ method: "GET", path: "/events", status: 200, body: page });
    };
    answerNext(eventListAnswer(user, events.slice(0, 10), "1790000000123"));
    const res = await stack.query(EVENTS, { filter: { intercomUserId: user.id }, first: 10 });
    expect(res.errors).toBeUndefined();
    const d = res.data.dataEvents;
    expect(d.history.nodes.map((n: any) => n.id)).toEqual(events.slice(0, 10).map((e) => e.id));
    expect(d.history.nodes[0]).toMatchObject({ intercomUserId: user.id, userId: user.external_id, email: user.email });
    expect(d.history.pageInfo.hasNextPage).toBe(true);

    stack.resetUpstream();
    answerNext(eventListAnswer(user, events.slice(10, 20)));
    const next = await stack.query(EVENTS, { filter: { email: user.email }, first: 10, after: d.history.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data.dataEvents.history.nodes.map((n: any) => n.id)).toEqual(events.slice(10, 20).map((e) => e.id));
    expect(next.data.dataEvents.history.pageInfo.hasNextPage).toBe(false);
    // The later page follows the list's pages.next: its `before` position.
    expect(stack.upstream()[1]!.query).toEqual({ type: "user", intercom_user_id: user.id, per_page: "10", before: "1790000000123" });
  });

  it("the filter must name exactly one identifier; an unknown user is NOT_FOUND", async () => {
    const two = await stack.query(EVENTS, { filter: { userId: "usr_10001", email: "a@b.example" } });
    expect(two.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);

    const unknown = await stack.query(EVENTS, { filter: { userId: "usr_nobody" } });
    expect(unknown.data.dataEvents).toBeNull();
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404 } });
  });
});

describe("createDataEvent", () => {
  const CREATE = /* GraphQL */ `
    mutation Create($input: CreateDataEventInput!) {
      createDataEvent(input: $input) { accepted event { eventName createdAt userId intercomUserId email metadata contact { id email } } }
    }
  `;

  it("submits an event (202) that then counts in the user's summary", async () => {
    const { user } = busyUser();
    const createdAt = "2026-10-02T08:30:00.000Z";
    const res = await stack.query(CREATE, {
      input: { eventName: "ordered-mithril", createdAt, id: user.id, metadata: { order_number: "A-1001", size: "M" } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createDataEvent).toEqual({
      accepted: true,
      event: { eventName: "ordered-mithril", createdAt, userId: null, intercomUserId: user.id, email: null, metadata: { order_number: "A-1001", size: "M" }, contact: { id: user.id, email: user.email } },
    });
    const post = stack.upstream().find((r) => r.method === "POST")!;
    expect(post.status).toBe(202);
    expect(post.body).toEqual({ event_name: "ordered-mithril", created_at: Date.parse(createdAt) / 1000, id: user.id, metadata: { order_number: "A-1001", size: "M" } });

    expect(stack.sandbox.workspace.dataEvents.find((e) => e.event_name === "ordered-mithril")).toMatchObject({
      intercom_user_id: user.id,
      created_at: Date.parse(createdAt) / 1000,
      metadata: { order_number: "A-1001", size: "M" },
    });
    const read = await stack.query(EVENTS, { filter: { intercomUserId: user.id }, first: 1 });
    expect(read.data.dataEvents.events.nodes.find((n: any) => n.name === "ordered-mithril")).toMatchObject({ count: 1, first: createdAt, last: createdAt });
  });

  it("reports failure unless Intercom answers 202: an unknown user is NOT_FOUND, a 200 is UPSTREAM_ERROR", async () => {
    const unknown = await stack.query(CREATE, { input: { eventName: "x", createdAt: "2026-10-02T08:30:00Z", userId: "usr_nobody" } });
    expect(unknown.data.createDataEvent).toBeNull();
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");

    stack.sandbox.injectFault({ method: "POST", path: "/events", status: 200, body: {} });
    const wrong = await stack.query(CREATE, { input: { eventName: "x", createdAt: "2026-10-02T08:30:00Z", userId: "usr_10001" } });
    expect(wrong.data.createDataEvent).toBeNull();
    expect(wrong.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");

    const anonymous = await stack.query(CREATE, { input: { eventName: "x", createdAt: "2026-10-02T08:30:00Z" } });
    expect(anonymous.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("createDataEventSummaries", () => {
  it("submits a summary; the user's summary then counts it", async () => {
    const { user } = busyUser();
    const res = await stack.query(
      /* GraphQL */ `
        mutation Summaries($input: CreateDataEventSummariesInput!) {
          createDataEventSummaries(input: $input) {
            accepted userId eventSummary { name count first last }
            summary { intercomUserId events(first: 100) { nodes { name count first last } } }
          }
        }
      `,
      { input: { userId: user.external_id, eventSummaries: { eventName: "imported-orders", count: 12, first: "2024-01-01T00:00:00Z", last: "2025-06-30T12:00:00Z" } } },
    );
    expect(res.errors).toBeUndefined();
    const out = res.data.createDataEventSummaries;
    expect(out).toMatchObject({ accepted: true, userId: user.external_id, eventSummary: { name: "imported-orders", count: 12 } });
    expect(out.summary.intercomUserId).toBe(user.id);
    expect(out.summary.events.nodes.find((n: any) => n.name === "imported-orders")).toEqual({
      name: "imported-orders", count: 12, first: "2024-01-01T00:00:00.000Z", last: "2025-06-30T12:00:00.000Z",
    });
    expect(stack.upstream()[0]!.body).toEqual({
      user_id: user.external_id,
      event_summaries: { event_name: "imported-orders", count: 12, first: 1704067200, last: 1751284800 },
    });
  });

  it("first after last is BAD_USER_INPUT before any upstream call", async () => {
    const res = await stack.query(
      `mutation { createDataEventSummaries(input: { userId: "usr_10001", eventSummaries: { eventName: "x", count: 1, first: "2025-01-02T00:00:00Z", last: "2025-01-01T00:00:00Z" } }) { accepted } }`,
    );
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });
});
