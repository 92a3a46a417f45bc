import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/**
 * A read that answers the very same bytes as last time reuses the body parsed then
 * (intercom_bodies_parsed_total{reused="true"}); it is never stale, since every read still goes
 * upstream and only identical bytes are reused.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const parsed = async () => {
  const text = await (await fetch(stack.gateway.url.replace(/\/graphql$/, "/metrics"))).text();
  const count = (reused: string) => Number(text.match(new RegExp(`^intercom_bodies_parsed_total\\{reused="${reused}"\\} (\\d+)`, "m"))?.[1] ?? 0);
  return { reused: count("true"), parsed: count("false") };
};

async function measured(query: string, variables?: Record<string, unknown>) {
  const before = await parsed();
  stack.resetUpstream();
  const answer = await stack.query(query, variables);
  const after = await parsed();
  return { answer, calls: stack.upstream().map((r) => `${r.method} ${r.path}`), reused: after.reused - before.reused, parsed: after.parsed - before.parsed };
}

describe("a read answering the same bytes again", () => {
  it("reuses the parsed body, still calls upstream, and sees a change the moment the bytes change", async () => {
    const { data } = await stack.query(`{ contacts(first: 1) { nodes { id } } }`);
    const id = data.contacts.nodes[0].id;
    const read = `query One($id: ID!) { contact(id: $id) { id name } }`;
    const first = await measured(read, { id });
    const second = await measured(read, { id });
    expect(second.calls).toEqual(first.calls);
    expect(second.calls).toContain(`GET /contacts/${id}`);
    expect(second.answer.raw).toBe(first.answer.raw);
    expect(second.reused).toBeGreaterThanOrEqual(1);

    const renamed = `Renamed ${Date.now()}`;
    const write = await stack.query(`mutation Rename($id: ID!, $name: String!) { updateContact(id: $id, input: { name: $name }) { name } }`, { id, name: renamed });
    expect(write.errors).toBeUndefined();
    const third = await measured(read, { id });
    expect(third.answer.data.contact.name).toBe(renamed);
    expect(third.parsed).toBeGreaterThanOrEqual(1);
    expect(third.reused).toBe(0);
  });

  it("searches (POST reads) are reused the same way, per request body", async () => {
    const search = `{ searchContacts(query: { field: ROLE, operator: EQ, value: { string: "user" } }, first: 3) { nodes { id } } }`;
    const first = await measured(search);
    const again = await measured(search);
    expect(again.answer.raw).toBe(first.answer.raw);
    expect(again.calls).toEqual(first.calls);
    expect(again.reused).toBeGreaterThanOrEqual(1);
    const other = await measured(search.replace("first: 3", "first: 4"));
    expect(other.answer.data.searchContacts.nodes).toHaveLength(4);
    expect(other.reused).toBe(0);
  });
});
