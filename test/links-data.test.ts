import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eventListAnswer, eventsOf } from "./support/events.js";
import { startStack, type Stack } from "./support/stack.js";

/** Upstream-call budgets of the data group's links, counted on the sandbox. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`).sort();

describe("DataAttribute.admin", () => {
  it("DataAttribute.admin for 25+ attributes (contact and company, archived included) costs 2 calls: the list and GET /admins", async () => {
    const res = await stack.query(`{
      dataAttributes(includeArchived: true, first: 500) { nodes { id custom adminId admin { id name email } } }
    }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.dataAttributes.nodes;
    const custom = nodes.filter((n: any) => n.custom);
    expect(nodes.length).toBeGreaterThanOrEqual(25);
    expect(custom.length).toBeGreaterThanOrEqual(15);
    expect(custom.every((n: any) => n.admin?.id === n.adminId)).toBe(true);
    expect(nodes.filter((n: any) => !n.custom).every((n: any) => n.admin === null)).toBe(true);
    expect(calls()).toEqual(["GET /admins", "GET /data_attributes"]);
  });

  it("three models' attributes with their admins cost 4 calls: one list per model and GET /admins", async () => {
    const res = await stack.query(`{
      contact: dataAttributes(model: CONTACT, includeArchived: true) { nodes { name admin { name } } }
      company: dataAttributes(model: COMPANY) { nodes { name admin { name } } }
      archivedToo: dataAttributes(model: COMPANY, includeArchived: true) { nodes { name admin { name } } }
      conversation: dataAttributes(model: CONVERSATION, includeArchived: true) { nodes { name admin { name } } }
    }`);
    expect(res.errors).toBeUndefined();
    const all = [...res.data.contact.nodes, ...res.data.company.nodes, ...res.data.conversation.nodes];
    expect(all.filter((n: any) => n.admin).length).toBeGreaterThanOrEqual(20);
    expect(res.data.archivedToo.nodes.length).toBeGreaterThan(res.data.company.nodes.length);
    // The COMPANY list is fetched once (archived included) and filtered for the non-archived field.
    expect(calls()).toEqual(["GET /admins", "GET /data_attributes", "GET /data_attributes", "GET /data_attributes"]);
  });
});

describe("DataEvent.contact and DataEventSummary.contact", () => {
  it("DataEvent.contact for 20+ events of a user costs 3 calls: the summary, one page of events, one contact search", async () => {
    const ws = stack.sandbox.workspace;
    const user = ws.contacts.find((c) => c.role === "user" && c.external_id && ws.dataEvents.filter((e) => e.intercom_user_id === c.id).length >= 20)!;
    // The sandbox answers GET /events with the documented summary only; the page of events is answered as Intercom may (event.list).
    const summary = await fetch(`${stack.sandbox.url}/events?type=user&user_id=${user.external_id}&summary=true`, { headers: { Authorization: "Bearer t" } }).then((r) => r.json());
    stack.sandbox.injectFault({ method: "GET", path: "/events", status: 200, body: summary });
    stack.sandbox.injectFault({ method: "GET", path: "/events", status: 200, body: eventListAnswer(user, eventsOf(ws.dataEvents, user.id).slice(0, 20)) });
    stack.resetUpstream();
    const res = await stack.query(
      `query($userId: String!) { dataEvents(filter: { userId: $userId }) {
        contact { id email }
        history(first: 20) { nodes { eventName intercomUserId contact { id email } } }
      } }`,
      { userId: user.external_id },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.dataEvents.history.nodes;
    expect(nodes).toHaveLength(20);
    expect(nodes.every((n: any) => n.contact.id === user.id && n.contact.email === user.email)).toBe(true);
    expect(res.data.dataEvents.contact.id).toBe(user.id);
    expect(calls()).toEqual(["GET /events", "GET /events", "POST /contacts/search"]);
  });
});
