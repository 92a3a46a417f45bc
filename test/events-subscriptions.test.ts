import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inMemoryStore, ResponseCache } from "../src/datasources/cache.js";
import { startStack, type Stack } from "./support/stack.js";
import {
  CLIENT_SECRET,
  notification,
  postWebhook,
  restObject,
  subscribersReach,
  subscribeSse,
  subscribeWs,
  until,
  wsClient,
  type Subscriber,
} from "./support/webhooks.js";

/**
 * Subscriptions end to end over real sockets: typed events whose objects are full graph nodes
 * resolved like a query's, filters, the upstream cost of one event for 100 subscribers, both
 * transports, reconnects, and caches kept honest by events.
 */
let stack: Stack;
const clients: Array<ReturnType<typeof wsClient>> = [];
const subscribers: Subscriber[] = [];

beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await stack?.close();
});
beforeEach(async () => {
  await Promise.all(subscribers.splice(0).map((s) => s.dispose()));
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await subscribersReach(stack, 0);
  stack.resetUpstream();
});

const client = () => {
  const c = wsClient(stack.gateway.url);
  clients.push(c);
  return c;
};
const subscribe = (query: string, variables?: Record<string, unknown>, on = client()) => {
  const s = subscribeWs(on, query, variables);
  subscribers.push(s);
  return s;
};
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const ws = () => stack.sandbox.workspace;
const send = async (n: ReturnType<typeof notification>) => expect((await postWebhook(stack.gateway.url, n)).status).toBe(200);
const ids = (s: Subscriber, field: string) => s.results.map((r) => r.data?.[field]?.id);

const INBOX_EVENT = /* GraphQL */ `
  subscription Inbox($filter: ConversationEventFilter) {
    conversationEvents(filter: $filter) {
      id
      topic
      createdAt
      conversationId
      conversation { id state adminAssignee { id name } teamAssignee { name } contacts { id name email } tags { name } }
    }
  }
`;

describe("an event's object is a full graph node", () => {
  it("selects conversation { adminAssignee { name } contacts { name } } exactly as a query does, from the webhook's own object", async () => {
    const conversation = ws().conversations.find((c) => c.admin_assignee_id && c.contacts.contacts.length > 0)!;
    const item = await restObject(stack, `/conversations/${conversation.id}`);
    const viaQuery = await stack.query(
      `query ($id: ID!) { conversation(id: $id) { id state adminAssignee { id name } teamAssignee { name } contacts { id name email } tags { name } } }`,
      { id: conversation.id },
    );
    const subscriber = subscribe(INBOX_EVENT);
    await subscribersReach(stack, 1);
    stack.resetUpstream();
    const n = notification("conversation.admin.replied", item);
    await send(n);
    const event = (await subscriber.nth(1)).data.conversationEvents;
    expect(event).toMatchObject({ id: n.id, topic: "ADMIN_REPLIED", conversationId: conversation.id, createdAt: new Date(n.created_at * 1000).toISOString() });
    expect(event.conversation).toEqual(viaQuery.data.conversation);
    // The conversation came with the webhook: its links cost what they cost in a query, the conversation itself nothing.
    expect(calls().sort()).toEqual(["GET /admins", "GET /teams", "POST /contacts/search"]);
  });

  it("parts are the notification's; conversationParts reads the whole conversation by id", async () => {
    const conversation = ws().conversations.find((c) => c.conversation_parts.conversation_parts.length > 3)!;
    const item = await restObject(stack, `/conversations/${conversation.id}`);
    const latest = item.conversation_parts.conversation_parts.slice(-1);
    const subscriber = subscribe(`subscription { conversationEvents { parts { id body } conversation { conversationParts { totalCount } } } }`);
    await subscribersReach(stack, 1);
    stack.resetUpstream();
    await send(notification("conversation.user.replied", { ...item, conversation_parts: { type: "conversation_part.list", conversation_parts: latest, total_count: 1 } }));
    const event = (await subscriber.nth(1)).data.conversationEvents;
    expect(event.parts.map((p: any) => p.id)).toEqual(latest.map((p: any) => p.id));
    expect(event.conversation.conversationParts.totalCount).toBe(item.conversation_parts.total_count);
    expect(calls()).toEqual([`GET /conversations/${conversation.id}`]);
  });

  it("a notification without the object (a deletion) loads nothing and says null", async () => {
    const subscriber = subscribe(`subscription { conversationEvents { topic conversationId conversation { id } } }`);
    await subscribersReach(stack, 1);
    await send(notification("conversation.deleted", { type: "conversation", id: "999999" }));
    expect((await subscriber.nth(1)).data.conversationEvents).toEqual({ topic: "DELETED", conversationId: "999999", conversation: null });
    expect(calls()).toEqual([]);
  });

  it("a notification whose object is partial loads it by id", async () => {
    const conversation = ws().conversations[7]!;
    const subscriber = subscribe(`subscription { conversationEvents { conversation { id state } } }`);
    await subscribersReach(stack, 1);
    await send(notification("conversation.admin.opened", { type: "conversation", id: conversation.id }));
    expect((await subscriber.nth(1)).data.conversationEvents.conversation).toEqual({ id: conversation.id, state: conversation.state.toUpperCase() });
    expect(calls()).toEqual(["POST /conversations/search"]);
  });

  it("contact events carry the contact (and, for tag topics, the tag)", async () => {
    const contact = ws().contacts[5]!;
    const item = await restObject(stack, `/contacts/${contact.id}`);
    const subscriber = subscribe(`subscription { contactEvents { topic contactId contact { id name email role } tag { id name } } }`);
    await subscribersReach(stack, 1);
    stack.resetUpstream();
    await send(notification("contact.user.updated", item));
    expect((await subscriber.nth(1)).data.contactEvents).toEqual({
      topic: "USER_UPDATED",
      contactId: contact.id,
      contact: { id: contact.id, name: item.name, email: item.email || null, role: item.role.toUpperCase() },
      tag: null,
    });
    expect(calls()).toEqual([]);
    const tag = ws().tags[0]!;
    await send(notification("contact.user.tag.created", { type: "contact_tag", created_at: 1, tag: { type: "tag", id: tag.id, name: tag.name }, contact: { type: "contact", id: contact.id } }));
    expect((await subscriber.nth(2)).data.contactEvents).toMatchObject({ topic: "USER_TAG_CREATED", contact: { id: contact.id }, tag: { id: tag.id, name: tag.name } });
  });

  it("ticket events carry the ticket, whose links resolve like a query's", async () => {
    const ticket = ws().tickets.find((t) => t.admin_assignee_id)!;
    const item = await restObject(stack, `/tickets/${ticket.id}`);
    const subscriber = subscribe(`subscription { ticketEvents { topic ticketId ticket { id ticketState adminAssignee { id } } } }`);
    await subscribersReach(stack, 1);
    stack.resetUpstream();
    await send(notification("ticket.state.updated", item));
    expect((await subscriber.nth(1)).data.ticketEvents).toEqual({
      topic: "STATE_UPDATED",
      ticketId: ticket.id,
      ticket: { id: ticket.id, ticketState: item.ticket_state.toUpperCase(), adminAssignee: { id: String(ticket.admin_assignee_id) } },
    });
    expect(calls()).toEqual(["GET /admins"]);
  });

  it("a topic the gateway does not know yet arrives as OTHER, named in intercomTopic", async () => {
    const item = await restObject(stack, `/conversations/${ws().conversations[2]!.id}`);
    const subscriber = subscribe(`subscription { conversationEvents { topic intercomTopic } }`);
    await subscribersReach(stack, 1);
    await send(notification("conversation.admin.levitated", item));
    expect((await subscriber.nth(1)).data.conversationEvents).toEqual({ topic: "OTHER", intercomTopic: "conversation.admin.levitated" });
  });
});

describe("filters", () => {
  it("by conversation ids, assignee admin or team, state and topic; each subscriber gets exactly its events, in order", async () => {
    const [a, b, c] = ws().conversations.filter((x) => x.admin_assignee_id && x.team_assignee_id);
    const items = await Promise.all([a!, b!, c!].map((x) => restObject(stack, `/conversations/${x.id}`)));
    const [itemA, itemB, itemC] = items.map((item, i): Record<string, any> => ({ ...item, state: ["open", "closed", "snoozed"][i], admin_assignee_id: [11, 12, 13][i], team_assignee_id: [21, 22, 23][i] }));
    const filters: Record<string, object | undefined> = {
      all: undefined,
      byId: { conversationIds: [itemA.id] },
      byAdmin: { adminAssigneeIds: ["12"] },
      byTeam: { teamAssigneeIds: ["23", "21"] },
      byState: { states: ["CLOSED"] },
      byTopic: { topics: ["ADMIN_CLOSED", "USER_REPLIED"] },
      combined: { conversationIds: [itemA.id, itemB.id], topics: ["ADMIN_CLOSED"] },
    };
    const on = client();
    const subs = Object.fromEntries(Object.entries(filters).map(([name, filter]) => [name, subscribe(INBOX_EVENT, { filter }, on)]));
    await subscribersReach(stack, Object.keys(filters).length);
    const sequence = [
      notification("conversation.user.replied", itemA),
      notification("conversation.admin.closed", itemB),
      notification("conversation.admin.assigned", itemC),
      notification("conversation.admin.closed", itemA),
    ];
    for (const n of sequence) await send(n);
    const [rA, cB, aC, cA] = sequence.map((n) => n.id);
    const expected: Record<string, string[]> = {
      all: [rA!, cB!, aC!, cA!],
      byId: [rA!, cA!],
      byAdmin: [cB!],
      byTeam: [rA!, aC!, cA!],
      byState: [cB!],
      byTopic: [rA!, cB!, cA!],
      combined: [cB!, cA!],
    };
    // Each subscriber's own last event proves everything before it arrived (events keep their order).
    for (const [name, sub] of Object.entries(subs)) await sub.nth(expected[name]!.length);
    // And a final event everyone matches flushes what might still come: nothing else does.
    const flush = notification("conversation.admin.closed", { ...itemA, state: "closed", admin_assignee_id: 12, team_assignee_id: 23, id: itemB.id });
    await send(flush);
    await subs.byState!.nth(2);
    for (const [name, sub] of Object.entries(subs)) {
      const got = sub.results.map((r) => r.data.conversationEvents.id);
      const beforeFlush = got.includes(flush.id) ? got.slice(0, got.indexOf(flush.id)) : got;
      expect(beforeFlush, name).toEqual(expected[name]);
    }
  });

  it("contact filters by id and role; ticket filters by state and ticket type", async () => {
    const [lead, user] = [ws().contacts.find((c) => c.role === "lead")!, ws().contacts.find((c) => c.role === "user")!];
    const [leadItem, userItem] = await Promise.all([lead, user].map((x) => restObject(stack, `/contacts/${x.id}`)));
    const leads = subscribe(`subscription { contactEvents(filter: { roles: [LEAD] }) { id } }`);
    const one = subscribe(`subscription ($id: ID!) { contactEvents(filter: { contactIds: [$id] }) { id } }`, { id: user.id });
    const ticket = ws().tickets[0]!;
    const ticketItem = await restObject(stack, `/tickets/${ticket.id}`);
    const resolved = subscribe(`subscription { ticketEvents(filter: { states: [RESOLVED] }) { id } }`);
    const ofType = subscribe(`subscription ($t: ID!) { ticketEvents(filter: { ticketTypeIds: [$t] }) { id } }`, { t: String(ticket.ticket_type_id) });
    await subscribersReach(stack, 4);
    const nLead = notification("contact.lead.updated", leadItem);
    const nUser = notification("contact.user.updated", userItem);
    const nOpen = notification("ticket.state.updated", { ...ticketItem, ticket_state: "in_progress" });
    const nResolved = notification("ticket.state.updated", { ...ticketItem, ticket_state: "resolved" });
    for (const n of [nLead, nUser, nOpen, nResolved]) await send(n);
    expect((await leads.nth(1)).data.contactEvents.id).toBe(nLead.id);
    expect((await one.nth(1)).data.contactEvents.id).toBe(nUser.id);
    expect((await resolved.nth(1)).data.ticketEvents.id).toBe(nResolved.id);
    await ofType.nth(2);
    expect(ids(ofType, "ticketEvents")).toEqual([nOpen.id, nResolved.id]);
    expect([leads, one, resolved].map((s) => s.results.length)).toEqual([1, 1, 1]);
  });
});

describe("cost: one event for N subscribers of a workspace", () => {
  const DETAIL = /* GraphQL */ `
    subscription {
      conversationEvents {
        id
        conversation {
          adminAssignee { name }
          teamAssignee { name }
          contacts { name }
          conversationParts { nodes { author { __typename name } } }
        }
      }
    }
  `;

  async function upstreamCallsFor(subscriberCount: number): Promise<string[]> {
    const conversation = ws().conversations.find((c) => c.admin_assignee_id && c.team_assignee_id && c.conversation_parts.conversation_parts.length > 1)!;
    const item = await restObject(stack, `/conversations/${conversation.id}`);
    // 10 connections of up to 10 subscriptions each.
    const connections = Array.from({ length: Math.ceil(subscriberCount / 10) }, () => client());
    const subs = Array.from({ length: subscriberCount }, (_, i) => subscribe(DETAIL, undefined, connections[i % connections.length]));
    await subscribersReach(stack, subscriberCount);
    stack.resetUpstream();
    const n = notification("conversation.admin.replied", item);
    await send(n);
    const results = await Promise.all(subs.map((s) => s.nth(1)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    return calls().sort();
  }

  it("100 subscribers cost what 1 does: one upstream fetch per distinct object the selection needs", async () => {
    const one = await upstreamCallsFor(1);
    await Promise.all(subscribers.splice(0).map((s) => s.dispose()));
    await subscribersReach(stack, 0);
    const hundred = await upstreamCallsFor(100);
    expect(hundred).toEqual(one);
    expect(hundred.map((c) => c.replace(/\/\d+$/, "/{id}"))).toEqual(["GET /admins", "GET /conversations/{id}", "GET /teams", "POST /contacts/search"]);
  });
});

describe("transports", () => {
  it("SSE at /graphql/stream (graphql-sse's client) gets the same events", async () => {
    const sse = subscribeSse(stack.gateway.url.replace(/\/graphql$/, "/graphql/stream"), `subscription { conversationEvents { id topic } }`);
    subscribers.push(sse);
    await subscribersReach(stack, 1);
    const item = await restObject(stack, `/conversations/${ws().conversations[1]!.id}`);
    const n = notification("conversation.admin.snoozed", item);
    await send(n);
    expect((await sse.nth(1)).data.conversationEvents).toEqual({ id: n.id, topic: "ADMIN_SNOOZED" });
  });

  it("SSE by content negotiation on /graphql (Accept: text/event-stream), GET with the query in the URL", async () => {
    const query = `subscription { conversationEvents { id } }`;
    const controller = new AbortController();
    const res = await fetch(`${stack.gateway.url}?query=${encodeURIComponent(query)}`, { headers: { accept: "text/event-stream" }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await subscribersReach(stack, 1);
    const item = await restObject(stack, `/conversations/${ws().conversations[1]!.id}`);
    const n = notification("conversation.admin.unsnoozed", item);
    await send(n);
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("event: next")) text += new TextDecoder().decode((await reader.read()).value);
    while (!text.includes("\n\n", text.indexOf("event: next"))) text += new TextDecoder().decode((await reader.read()).value);
    const frame = text.slice(text.indexOf("event: next")).split("\n\n")[0]!;
    expect(frame.split("\n")[0]).toBe("event: next");
    expect(JSON.parse(frame.split("\n")[1]!.replace(/^data: /, ""))).toEqual({ data: { conversationEvents: { id: n.id } } });
    controller.abort();
    await subscribersReach(stack, 0);
  });

  it("plain POST of a subscription still answers SUBSCRIPTIONS_NOT_SUPPORTED, pointing to both transports", async () => {
    const res = await stack.query(`subscription { conversationEvents { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe("SUBSCRIPTIONS_NOT_SUPPORTED");
  });

  it("queries and mutations are refused over WebSocket and SSE (their limits and plugins live on POST /graphql)", async () => {
    const overWs = subscribe(`{ admins { id } }`);
    await until(() => overWs.error !== undefined, "the WebSocket refusal");
    expect((overWs.error as any[])[0].extensions.code).toBe("OPERATION_NOT_SUPPORTED");
    const overSse = subscribeSse(stack.gateway.url.replace(/\/graphql$/, "/graphql/stream"), `{ admins { id } }`);
    subscribers.push(overSse);
    await until(() => overSse.results.length > 0 || overSse.completed || overSse.error !== undefined, "the SSE refusal");
    expect(overSse.results[0].errors[0].extensions.code).toBe("OPERATION_NOT_SUPPORTED");
    expect(calls()).toEqual([]);
  });

  it("a client that reconnects (graphql-ws retries) keeps receiving, and its old subscription is let go", async () => {
    let socket: any;
    const c = wsClient(stack.gateway.url, { retryAttempts: 5, on: { connected: (s: unknown) => (socket = s) } });
    clients.push(c);
    const sub = subscribe(`subscription { conversationEvents { id } }`, undefined, c);
    await subscribersReach(stack, 1);
    const item = await restObject(stack, `/conversations/${ws().conversations[4]!.id}`);
    const first = notification("conversation.admin.replied", item);
    await send(first);
    await sub.nth(1);
    socket.terminate(); // the network drops
    await subscribersReach(stack, 0);
    await subscribersReach(stack, 1); // graphql-ws reconnected and subscribed again
    const second = notification("conversation.admin.replied", item);
    await send(second);
    expect((await sub.nth(2)).data.conversationEvents.id).toBe(second.id);
    expect(ids(sub, "conversationEvents")).toEqual([first.id, second.id]);
  });
});

describe("events keep caches honest", () => {
  it("an admin's away-mode notification invalidates the shared admins cache; a tag created invalidates tags", async () => {
    const cache = new ResponseCache({ store: inMemoryStore(), defaultTtlSeconds: 300 });
    const cached = await startStack({ gateway: { cache, events: { clientSecrets: [CLIENT_SECRET] } } });
    try {
      const admins = `{ admins { id awayModeEnabled } }`;
      await cached.query(admins);
      await cached.query(`{ tags { nodes { id } } }`);
      cached.resetUpstream();
      await cached.query(admins);
      expect(cached.upstream()).toEqual([]); // served from the cache
      const admin = cached.sandbox.workspace.admins[2]!;
      admin.away_mode_enabled = !admin.away_mode_enabled; // changed in Intercom, which notifies
      expect((await postWebhook(cached.gateway.url, notification("admin.away_mode_updated", { type: "admin", id: admin.id }))).status).toBe(200);
      await until(async () => {
        const read = await cached.query(admins);
        return read.data.admins.find((a: any) => a.id === admin.id).awayModeEnabled === admin.away_mode_enabled;
      }, "the admins cache to be invalidated");
      cached.resetUpstream();
      await cached.query(`{ tags { nodes { id } } }`);
      expect(cached.upstream()).toEqual([]);
      const item = await restObject(cached, `/conversations/${cached.sandbox.workspace.conversations[0]!.id}`);
      const tagged = await postWebhook(cached.gateway.url, notification("conversation_part.tag.created", item));
      expect(tagged.status).toBe(200);
      await until(async () => {
        cached.resetUpstream();
        await cached.query(`{ tags { nodes { id } } }`);
        return cached.upstream().some((r) => r.path === "/tags");
      }, "the tags cache to be invalidated");
    } finally {
      await cached.close();
    }
  });
});
