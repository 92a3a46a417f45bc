import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startReplica, type Replica } from "./support/processes.js";
import { startStack, type Stack } from "./support/stack.js";
import { CLIENT_SECRET, subscribersReach, subscribeWs, until, webhookUrl, wsClient, type Subscriber } from "./support/webhooks.js";

/**
 * Offline, end to end: the sandbox notifies the gateway of its own writes with Intercom's signed
 * envelope, so a write made through the gateway (a reply, an assignment, a close, a contact
 * update, a ticket change) comes back to its subscribers as an event; and it can simulate
 * customers on a timer. `npm start`'s default mode wires the two together by itself.
 */
let stack: Stack;
const disposables: Array<{ dispose(): unknown }> = [];

beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
  stack.sandbox.webhooks.configure({ url: webhookUrl(stack.gateway.url), secret: CLIENT_SECRET });
});
afterAll(async () => {
  await Promise.all(disposables.map((d) => d.dispose()));
  await stack?.close();
});
beforeEach(async () => {
  await Promise.all(disposables.splice(0).map((d) => d.dispose()));
  await subscribersReach(stack, 0);
});

function subscribe(query: string): Subscriber {
  const client = wsClient(stack.gateway.url);
  disposables.push(client);
  const s = subscribeWs(client, query);
  disposables.push(s);
  return s;
}
const ws = () => stack.sandbox.workspace;
const mutate = async (query: string, variables: Record<string, unknown>) => {
  const res = await stack.query(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};

describe("the sandbox's writes come back as events", () => {
  it("a reply, an assignment and a close through the gateway's mutations", async () => {
    const s = subscribe(`subscription { conversationEvents { topic conversationId parts { partType body } conversation { state adminAssignee { id } } } }`);
    await subscribersReach(stack, 1);
    const conversation = ws().conversations.find((c) => c.state === "open")!;
    const [admin, other] = ws().admins;
    await mutate(`mutation ($id: ID!, $admin: ID!) { replyToConversation(id: $id, input: { admin: { adminId: $admin, body: "On it!" } }) { id } }`, { id: conversation.id, admin: admin!.id });
    await mutate(`mutation ($id: ID!, $admin: ID!, $to: ID!) { assignConversation(id: $id, input: { adminId: $admin, assigneeType: ADMIN, assigneeId: $to }) { id } }`, {
      id: conversation.id,
      admin: admin!.id,
      to: other!.id,
    });
    await mutate(`mutation ($id: ID!, $admin: ID!) { closeConversation(id: $id, input: { adminId: $admin }) { id } }`, { id: conversation.id, admin: admin!.id });
    await s.nth(3);
    const events = s.results.map((r) => r.data.conversationEvents);
    expect(events.map((e) => e.topic)).toEqual(["ADMIN_REPLIED", "ADMIN_ASSIGNED", "ADMIN_CLOSED"]);
    for (const e of events) expect(e.conversationId).toBe(conversation.id);
    expect(events[0].parts).toEqual([{ partType: "comment", body: expect.stringContaining("On it!") }]);
    expect(events[1].conversation.adminAssignee.id).toBe(String(other!.id));
    expect(events[2].conversation.state).toBe("CLOSED");
    await stack.sandbox.webhooks.idle();
    expect(stack.sandbox.webhooks.sent.slice(-3).map((n) => n.status)).toEqual([200, 200, 200]);
  });

  it("a contact update and a ticket change", async () => {
    const contacts = subscribe(`subscription { contactEvents { topic contact { id name } } }`);
    const tickets = subscribe(`subscription { ticketEvents { topic ticket { id ticketState } } }`);
    await subscribersReach(stack, 2);
    const contact = ws().contacts.find((c) => c.role === "user")!;
    await mutate(`mutation ($id: ID!) { updateContact(id: $id, input: { name: "Renamed By Test" }) { id } }`, { id: contact.id });
    const ticket = ws().tickets.find((t) => t.ticket_state !== "resolved")!;
    await mutate(`mutation ($id: ID!) { updateTicket(id: $id, input: { state: RESOLVED }) { id } }`, { id: ticket.id });
    expect((await contacts.nth(1)).data.contactEvents).toEqual({ topic: "USER_UPDATED", contact: { id: contact.id, name: "Renamed By Test" } });
    expect((await tickets.nth(1)).data.ticketEvents).toEqual({ topic: "STATE_UPDATED", ticket: { id: ticket.id, ticketState: "RESOLVED" } });
  });

  it("reads never notify, and a failed write notifies nothing", async () => {
    await stack.sandbox.webhooks.idle();
    const before = stack.sandbox.webhooks.sent.length;
    await stack.query(`{ conversations(first: 5) { nodes { id } } admins { id } }`);
    await stack.query(`mutation { closeConversation(id: "999999999", input: { adminId: "1" }) { id } }`);
    await stack.sandbox.webhooks.idle();
    expect(stack.sandbox.webhooks.sent.length).toBe(before);
  });

  it("simulated customers, when asked: new conversations and contact replies on a timer", async () => {
    const s = subscribe(`subscription { conversationEvents(filter: { topics: [USER_CREATED, USER_REPLIED] }) { topic conversation { contacts { id } } } }`);
    await subscribersReach(stack, 1);
    stack.sandbox.webhooks.simulate(20, stack.sandbox.url);
    try {
      await s.nth(3);
    } finally {
      stack.sandbox.webhooks.simulate(0, stack.sandbox.url);
    }
    for (const r of s.results) {
      expect(["USER_CREATED", "USER_REPLIED"]).toContain(r.data.conversationEvents.topic);
      expect(r.data.conversationEvents.conversation.contacts.length).toBeGreaterThan(0);
    }
  });
});

describe("npm start's default mode (the embedded sandbox) wires the sandbox's webhooks to the gateway", () => {
  let replica: Replica;
  beforeAll(async () => {
    replica = await startReplica({ SANDBOX_PORT: "0" });
  }, 60_000);
  afterAll(() => replica?.stop());

  it("a reply through the gateway reaches a subscriber, with a generated secret that is never logged", async () => {
    const client = wsClient(replica.url);
    const s = subscribeWs(client, `subscription { conversationEvents { topic conversationId } }`);
    const conversations = await fetch(replica.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ conversations(first: 1) { nodes { id } } admins { id } }` }) });
    const { data } = (await conversations.json()) as any;
    const id = data.conversations.nodes[0].id;
    const reply = async () =>
      fetch(replica.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation ($id: ID!, $admin: ID!) { replyToConversation(id: $id, input: { admin: { adminId: $admin, body: "hello" } }) { id } }`, variables: { id, admin: data.admins[0].id } }),
      });
    // The subscription registers asynchronously: reply until its event arrives.
    await until(async () => {
      await reply();
      return s.results.length > 0;
    }, "the event", 20_000);
    expect(s.results[0].data.conversationEvents).toEqual({ topic: "ADMIN_REPLIED", conversationId: id });
    expect(replica.output()).toContain("Sandbox webhooks:");
    expect(replica.output()).not.toMatch(/[0-9a-f]{48}/); // the generated secret
    await s.dispose();
    await client.dispose();
  }, 60_000);
});
