import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Budgets of the links between the core resources, each over a list of at least 20 parents. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`).sort();

describe("Admin.teams and Team.admins", () => {
  it("for the assignees of 40 conversations cost 3 calls: the list, GET /admins and GET /teams", async () => {
    const res = await stack.query(`{ conversations(first: 40) { nodes {
      adminAssignee { id teamIds teams { id name admins { id } } }
      teamAssignee { id adminIds admins { id teamIds } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.conversations.nodes;
    const withAdmin = nodes.filter((n: any) => n.adminAssignee);
    const withTeam = nodes.filter((n: any) => n.teamAssignee);
    expect(withAdmin.length + withTeam.length).toBeGreaterThanOrEqual(20);
    for (const n of withAdmin) expect(n.adminAssignee.teams.map((t: any) => t.id).sort()).toEqual([...n.adminAssignee.teamIds].sort());
    for (const n of withTeam) expect(n.teamAssignee.admins.map((a: any) => a.id).sort()).toEqual([...n.teamAssignee.adminIds].sort());
    expect(calls()).toEqual(["GET /admins", "GET /conversations", "GET /teams"]);
  });
});

describe("Conversation.ticket", () => {
  it("for 150 conversations costs 2 calls: the list and one POST /tickets/search", async () => {
    const res = await stack.query(`{ conversations(first: 150) { nodes { id linkedObjects { nodes { type id } } ticket { id } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.conversations.nodes;
    const linked = nodes.filter((n: any) => n.linkedObjects?.nodes.some((o: any) => o.type === "TICKET"));
    expect(linked.length).toBeGreaterThan(0);
    for (const n of nodes) {
      const first = n.linkedObjects?.nodes.find((o: any) => o.type === "TICKET");
      expect(n.ticket?.id ?? null).toBe(first?.id ?? null);
    }
    expect(calls()).toEqual(["GET /conversations", "POST /tickets/search"]);
  });
});
