import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Link budgets of admin activity logs. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);

describe("ActivityLog links", () => {
  it("ActivityLog.performedBy (and metadata.updateByAdmin) for 100 logs costs 2 calls: the list and GET /admins", async () => {
    const res = await stack.query(`{
      activityLogs(createdAtAfter: "1970-01-01T00:00:00Z", first: 100) {
        nodes { performedById performedBy { id name email } metadata { updateBy updateByAdmin { id name } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.activityLogs.nodes;
    expect(nodes).toHaveLength(100);
    expect(new Set(nodes.map((n: any) => n.performedById)).size).toBeGreaterThan(5);
    for (const n of nodes) {
      expect(n.performedBy.id).toBe(n.performedById);
      if (n.metadata?.updateBy) expect(n.metadata.updateByAdmin.id).toBe(n.metadata.updateBy);
    }
    expect(nodes.some((n: any) => n.metadata?.updateByAdmin)).toBe(true);
    expect(calls().sort()).toEqual(["GET /admins", "GET /admins/activity_logs"]);
  });

  it("a log by an admin who left the workspace keeps its raw id and a null link", async () => {
    const ws = stack.sandbox.workspace;
    const log = [...ws.activityLogs].sort((a, b) => b.created_at - a.created_at)[0]!;
    const original = log.performed_by.id;
    log.performed_by.id = "7359999";
    try {
      const res = await stack.query(`{ activityLogs(createdAtAfter: "1970-01-01T00:00:00Z", first: 1) { nodes { performedById performedBy { id } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.activityLogs.nodes[0]).toEqual({ performedById: "7359999", performedBy: null });
    } finally {
      log.performed_by.id = original;
    }
  });
});
