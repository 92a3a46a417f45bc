import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, TEST_TOKEN, type Stack } from "./support/stack.js";

/**
 * Upstream failures become GraphQL errors on the field that failed, with
 * extensions.code, extensions.intercom.status and Intercom's codes and request
 * id; the rest of the response stays intact and the token appears nowhere.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const everythingSeen: string[] = [];
afterAll(() => {
  // Every response body and log line of this file, checked once more for the token.
  expect(everythingSeen.join("\n")).not.toContain(TEST_TOKEN);
  expect(stack.logs.join("\n")).not.toContain(TEST_TOKEN);
});

async function query(q: string, variables?: Record<string, unknown>) {
  const res = await stack.query(q, variables);
  everythingSeen.push(res.raw);
  expect(res.raw).not.toContain(TEST_TOKEN);
  return res;
}

describe("error mapping", () => {
  it("404 → NOT_FOUND on that field only, the rest of the answer intact", async () => {
    const res = await query(`{ admins { id } conversation(id: "999999999") { id } }`);
    expect(res.status).toBe(200);
    expect(res.data.admins.length).toBeGreaterThan(0);
    expect(res.data.conversation).toBeNull();
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error!.path).toEqual(["conversation"]);
    expect(error!.extensions).toMatchObject({
      code: "NOT_FOUND",
      intercom: { status: 404, errors: [{ code: "not_found" }] },
    });
    expect(error!.extensions!.intercom.requestId).toMatch(/\S+/);
  });

  it.each([
    [401, "unauthorized", "UNAUTHENTICATED"],
    [403, "api_plan_restricted", "FORBIDDEN"],
    [400, "parameter_invalid", "BAD_USER_INPUT"],
    [422, "parameter_invalid", "BAD_USER_INPUT"],
    [409, "conflict", "CONFLICT"],
  ])("%i %s → %s", async (status, code, graphqlCode) => {
    stack.sandbox.injectFault({ method: "GET", path: "/teams", status, code, message: `injected ${status}` });
    const res = await query(`{ teams { id } admins { id } }`);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ admins: expect.any(Array) });
    const error = res.errors!.find((e) => e.path?.[0] === "teams")!;
    expect(error.extensions).toMatchObject({
      code: graphqlCode,
      intercom: { status, errors: [{ code, message: `injected ${status}` }] },
    });
    expect(error.message).toContain(code);
  });

  it("429 whose window resets too late → RATE_LIMITED with retryAfter, not retried", async () => {
    // A window that resets later than the gateway will wait: it fails fast.
    stack.sandbox.injectFault({ method: "GET", path: "/admins", status: 429, code: "rate_limit_exceeded", message: "Too many requests", headers: { "Retry-After": "30" } });
    const res = await query(`{ admins { id } }`);
    const error = res.errors![0]!;
    expect(error.extensions).toMatchObject({ code: "RATE_LIMITED", intercom: { status: 429 }, retryAfter: 30 });
    expect(stack.upstream()).toHaveLength(1);
  });

  it("5xx on a read is retried; if it persists → UPSTREAM_ERROR", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/teams", status: 503, code: "service_unavailable", times: 1 });
    const recovered = await query(`{ teams { id } }`);
    expect(recovered.errors).toBeUndefined();
    expect(stack.upstream().map((r) => r.status)).toEqual([503, 200]);

    stack.resetUpstream();
    stack.sandbox.injectFault({ method: "GET", path: "/teams", status: 500, code: "server_error", times: 10 });
    const failed = await query(`{ teams { id } }`);
    expect(failed.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR", intercom: { status: 500 } });
    expect(stack.upstream()).toHaveLength(3); // 1 try + 2 retries
  });

  it("a write that fails with 5xx is reported as failed and never replayed", async () => {
    const conversation = stack.sandbox.workspace.conversations.find((c) => c.state === "open")!;
    const admin = stack.sandbox.workspace.admins[0]!;
    stack.sandbox.injectFault({ method: "POST", path: `/conversations/${conversation.id}/parts`, status: 502, code: "bad_gateway" });
    const res = await query(
      `mutation ($id: ID!, $admin: ID!) { closeConversation(id: $id, input: { adminId: $admin }) { id state } }`,
      { id: conversation.id, admin: admin.id },
    );
    expect(res.data).toEqual({ closeConversation: null });
    expect(res.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR", intercom: { status: 502 } });
    expect(stack.upstream().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("a body that is not JSON → UPSTREAM_ERROR", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/admins", status: 200, body: "<html>oops</html>" });
    const res = await query(`{ admins { id } }`);
    expect(res.errors![0]!.extensions!.code).toBe("UPSTREAM_ERROR");
  });

  it("Intercom's own 400 for a bad parameter → BAD_USER_INPUT with its error code", async () => {
    const conversation = stack.sandbox.workspace.conversations[0]!;
    const res = await query(
      `mutation ($id: ID!) { assignConversation(id: $id, input: { adminId: "424242", assigneeType: ADMIN, assigneeId: "1" }) { id } }`,
      { id: conversation.id },
    );
    const error = res.errors![0]!;
    expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(error.extensions!.code);
    expect(error.extensions!.intercom.status).toBeGreaterThanOrEqual(400);
    expect(error.extensions!.intercom.errors.length).toBeGreaterThan(0);
  });
});

describe("without a token and when upstream hangs", () => {
  it("no token → upstream 401 → UNAUTHENTICATED", async () => {
    const noToken = await startStack({ gateway: { accessToken: undefined } });
    try {
      const res = await noToken.query(`{ me { id } }`);
      expect(res.errors![0]!.extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        intercom: { status: 401, errors: [{ code: "unauthorized" }] },
      });
    } finally {
      await noToken.close();
    }
  });

  it("an upstream that never answers → UPSTREAM_TIMEOUT after the configured timeout", async () => {
    const sockets = new Set<import("node:net").Socket>();
    const hanging = http.createServer(() => {
      /* never answers */
    });
    hanging.on("connection", (s) => sockets.add(s));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const slow = await startStack({ gateway: { baseUrl: url, upstreamTimeoutMs: 200, upstreamRetries: 0 } });
    try {
      const res = await slow.query(`{ admins { id } }`);
      everythingSeen.push(res.raw);
      expect(res.errors![0]!.extensions!.code).toBe("UPSTREAM_TIMEOUT");
      expect(res.errors![0]!.message).toContain("timed out");
    } finally {
      await slow.close();
      sockets.forEach((s) => s.destroy());
      hanging.close();
    }
  });
});

describe("the token never leaks", () => {
  it("the token is sent upstream but appears in no error or log line", async () => {
    stack.sandbox.injectFault({ method: "GET", path: "/me", status: 401, code: "unauthorized", message: `Bearer ${TEST_TOKEN} is invalid` });
    const res = await query(`{ me { id } }`);
    expect(res.errors).toBeDefined();
    expect(res.raw).not.toContain(TEST_TOKEN);
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(stack.logs.join("\n")).not.toContain(TEST_TOKEN);
    // The sandbox does not record credentials either.
    expect(JSON.stringify(stack.upstream())).not.toContain(TEST_TOKEN);
  });
});
