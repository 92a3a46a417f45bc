import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaultSpec } from "../src/sandbox/index.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Faults injected through the sandbox — latency, 5xx bursts, 429s, malformed JSON, dropped
 * connections — become errors on the fields they hit; responses stay well-formed, nothing
 * is shared between requests, and the process stays healthy.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { upstreamTimeoutMs: 300, upstreamRetries: 1 } });
});
afterAll(() => stack.close());

const CODES = new Set(["NOT_FOUND", "UPSTREAM_ERROR", "UPSTREAM_TIMEOUT", "RATE_LIMITED", "BAD_USER_INPUT", "FORBIDDEN"]);

describe("single faults", () => {
  it("a dropped connection on a read is retried; on a write it fails, once", async () => {
    stack.resetUpstream();
    stack.sandbox.injectFault({ method: "GET", path: "/teams", status: 0, drop: true });
    const read = await stack.query(`{ teams { id } }`);
    expect(read.errors).toBeUndefined();
    expect(stack.upstream().map((r) => r.status)).toEqual([0, 200]);

    stack.resetUpstream();
    const conversation = stack.sandbox.workspace.conversations[5]!;
    stack.sandbox.injectFault({ method: "POST", path: `/conversations/${conversation.id}/parts`, status: 0, drop: true });
    const write = await stack.query(
      `mutation ($id: ID!, $admin: ID!) { openConversation(id: $id, input: { adminId: $admin }) { id } }`,
      { id: conversation.id, admin: stack.sandbox.workspace.admins[0]!.id },
    );
    expect(write.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
    expect(stack.upstream().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("an error answer is never reused by the next request", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/admins", status: 503, code: "service_unavailable", times: 2 });
    const failed = await stack.query(`{ admins { id } }`);
    expect(failed.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
    const next = await stack.query(`{ admins { id } }`);
    expect(next.errors).toBeUndefined();
    expect(next.data.admins.length).toBeGreaterThan(0);
  });
});

describe("a mixed burst", () => {
  it("300 queries under injected faults all get well-formed answers, and the gateway stays healthy", async () => {
    const ws = stack.sandbox.workspace;
    const faults: FaultSpec[] = [
      { method: "GET", path: "/teams", status: 503, times: 15 },
      { method: "GET", path: "/admins", status: 429, headers: { "Retry-After": "30" }, times: 15 },
      { method: "POST", path: "/contacts/search", status: 200, body: "{not json", times: 10 },
      { method: "GET", path: /^\/conversations\/\d+$/, status: 0, drop: true, times: 15 },
      { method: "GET", path: "/conversations", status: 200, body: {}, delayMs: 1_000, times: 10 },
      { method: "GET", path: /^\/conversations\/\d+$/, status: 500, times: 15 },
    ];
    for (const fault of faults) stack.sandbox.injectFault(fault);
    const queries = [
      `{ conversations(first: 10) { nodes { id adminAssignee { name } teamAssignee { name } contacts { email } } } }`,
      `{ admins { id teams { name } } }`,
      `{ teams { id admins { name } } }`,
      (i: number) => `{ conversation(id: "${ws.conversations[i % 50]!.id}") { id conversationParts { totalCount } } }`,
      (i: number) => `{ contact(id: "${ws.contacts[i % 100]!.id}") { id owner { name } } }`,
    ];
    const answers: Array<{ status: number; body: any }> = [];
    const total = 300;
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < total) {
          const i = next++;
          const pick = queries[i % queries.length]!;
          const source = typeof pick === "function" ? pick(i) : pick;
          const res = await fetch(stack.gateway.url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: source }),
          });
          answers.push({ status: res.status, body: JSON.parse(await res.text()) });
        }
      }),
    );
    expect(answers).toHaveLength(total);
    let failures = 0;
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data === null || typeof body.data === "object").toBe(true);
      for (const error of body.errors ?? []) {
        failures++;
        expect(typeof error.message).toBe("string");
        expect(CODES.has(error.extensions.code), JSON.stringify(error)).toBe(true);
      }
    }
    expect(failures).toBeGreaterThan(0); // the faults did hit
    const health = await fetch(stack.gateway.url.replace(/\/graphql$/, "/healthz"));
    expect(health.status).toBe(200);
    const after = await stack.query(`{ admins { id } teams { id } }`);
    expect(after.errors).toBeUndefined();
  }, 60_000);
});
