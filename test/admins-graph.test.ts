import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_BASE_TIME } from "../src/sandbox/index.js";
import { startStack, type Stack } from "./support/stack.js";

/** Activity logs and away mode over the graph. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

const LOGS = `query ($after: DateTime!, $before: DateTime, $first: Int, $cursor: String) {
  activityLogs(createdAtAfter: $after, createdAtBefore: $before, first: $first, after: $cursor) {
    nodes { id activityType activityDescription createdAt performedById performedByEmail performedByIp
      metadata { awayMode reassignConversations updateBy updateByName signInMethod raw } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("activityLogs", () => {
  it("lists a period's activities newest first, every REST property mapped", async () => {
    const after = SEED_BASE_TIME - 60 * 86_400;
    const res = await stack.query(LOGS, { after: iso(after), first: 5 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.activityLogs.nodes;
    expect(nodes).toHaveLength(5);
    const expected = [...ws().activityLogs].filter((l) => l.created_at >= after).sort((a, b) => b.created_at - a.created_at)[0]!;
    expect(nodes[0]).toMatchObject({
      id: expected.id,
      activityType: expected.activity_type.toUpperCase(),
      activityDescription: expected.activity_description,
      createdAt: iso(expected.created_at),
      performedById: expected.performed_by.id,
      performedByEmail: expected.performed_by.email,
      performedByIp: expected.performed_by.ip,
    });
    expect(nodes[0].metadata.raw).toEqual(expected.metadata);
    expect(stack.upstream()[0]!.query).toMatchObject({ created_at_after: String(after), per_page: "5" });
  });

  it("pages with after: the next page continues where the first ended", async () => {
    const after = SEED_BASE_TIME - 90 * 86_400;
    const before = SEED_BASE_TIME - 10 * 86_400;
    const all = ws().activityLogs.filter((l) => l.created_at >= after && l.created_at <= before).sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
    const first = await stack.query(LOGS, { after: iso(after), before: iso(before), first: 30 });
    const second = await stack.query(LOGS, { after: iso(after), before: iso(before), first: 30, cursor: first.data.activityLogs.pageInfo.endCursor });
    const ids = [...first.data.activityLogs.nodes, ...second.data.activityLogs.nodes].map((n: any) => n.id);
    expect(ids).toEqual(all.slice(0, 60).map((l) => l.id));
    expect(first.data.activityLogs.pageInfo.hasNextPage).toBe(true);
  });

  it("an away-mode change carries typed metadata", async () => {
    const res = await stack.query(LOGS, { after: iso(0), first: 150 });
    const away = res.data.activityLogs.nodes.find((n: any) => n.activityType === "ADMIN_AWAY_MODE_CHANGE");
    expect(away.metadata).toMatchObject({ awayMode: expect.any(Boolean), updateBy: away.performedById, updateByName: expect.any(String) });
  });
});

describe("setAdminAway", () => {
  const SET = `mutation ($id: ID!, $input: SetAdminAwayInput!) {
    setAdminAway(id: $id, input: $input) { id awayModeEnabled awayModeReassign }
  }`;

  it("sets an admin away and back; reads see the change", async () => {
    const admin = ws().admins.find((a) => !a.away_mode_enabled)!;
    const res = await stack.query(SET, { id: admin.id, input: { awayModeEnabled: true, awayModeReassign: true } });
    expect(res.errors).toBeUndefined();
    expect(res.data.setAdminAway).toEqual({ id: admin.id, awayModeEnabled: true, awayModeReassign: true });
    expect(stack.upstream().at(-1)).toMatchObject({ method: "PUT", path: `/admins/${admin.id}/away`, body: { away_mode_enabled: true, away_mode_reassign: true } });
    const read = await stack.query(`query ($id: ID!) { admin(id: $id) { awayModeEnabled awayModeReassign } }`, { id: admin.id });
    expect(read.data.admin).toEqual({ awayModeEnabled: true, awayModeReassign: true });

    const back = await stack.query(SET, { id: admin.id, input: { awayModeEnabled: false, awayModeReassign: false } });
    expect(back.data.setAdminAway.awayModeEnabled).toBe(false);
    // The change is in the activity log too.
    const logs = await stack.query(LOGS, { after: iso(Math.floor(Date.now() / 1000) - 60), first: 10 });
    expect(logs.data.activityLogs.nodes.filter((n: any) => n.performedById === admin.id && n.activityType === "ADMIN_AWAY_MODE_CHANGE")).toHaveLength(2);
  });

  it("an unknown admin is NOT_FOUND", async () => {
    const res = await stack.query(SET, { id: "999", input: { awayModeEnabled: true, awayModeReassign: false } });
    expect(res.data.setAdminAway).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(res.errors?.[0]?.extensions?.intercom?.errors?.[0]?.code).toBe("admin_not_found");
  });

  it("the existing admin reads still work", async () => {
    const res = await stack.query(`{ me { id app { name } } admins { id teams { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.admins).toHaveLength(ws().admins.length);
  });
});
