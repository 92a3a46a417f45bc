import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Upstream-call budgets of the links the contacts group owns. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

describe("Contact.owner", () => {
  it("Contact.owner for 25 contacts costs 2 calls: the list and GET /admins", async () => {
    const res = await stack.query(`{ contacts(first: 25) { nodes { id ownerId owner { id name email } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.contacts.nodes;
    expect(nodes).toHaveLength(25);
    expect(nodes.filter((c: any) => c.ownerId !== null).length).toBeGreaterThan(5);
    const admins = new Map(stack.sandbox.workspace.admins.map((a) => [a.id, a]));
    for (const c of nodes) {
      if (c.ownerId === null) expect(c.owner).toBeNull();
      else expect(c.owner).toEqual({ id: c.ownerId, name: admins.get(c.ownerId)!.name, email: admins.get(c.ownerId)!.email });
    }
    expect(calls().sort()).toEqual(["GET /admins", "GET /contacts"]);
  });

  it("Contact.owner for 150 searched contacts costs 2 calls: the search and GET /admins", async () => {
    const res = await stack.query(
      `{ searchContacts(query: { field: ROLE, operator: EQ, value: { string: "user" } }, first: 150) { nodes { ownerId owner { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.searchContacts.nodes).toHaveLength(150);
    expect(calls().sort()).toEqual(["GET /admins", "POST /contacts/search"]);
  });
});
