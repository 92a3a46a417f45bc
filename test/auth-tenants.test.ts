import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import { startGateway, type RunningGateway } from "../src/server/app.js";
import { startTokenRouter } from "./support/token-router.js";

/**
 * Pass-through auth for multi-workspace apps: each request runs with its caller's token,
 * and nothing (loaders, de-duplication) is shared between requests, so between tenants.
 */
const TOKEN_A = "tok_tenant_a_0123456789abcdef";
const TOKEN_B = "tok_tenant_b_fedcba9876543210";

let workspaceA: Sandbox;
let workspaceB: Sandbox;
let router: http.Server;
let gateway: RunningGateway;
const logs: string[] = [];

beforeAll(async () => {
  workspaceA = await startSandbox({ seed: 1111 });
  workspaceB = await startSandbox({ seed: 2222 });
  router = await startTokenRouter({ [TOKEN_A]: workspaceA, [TOKEN_B]: workspaceB });
  gateway = await startGateway({
    baseUrl: `http://127.0.0.1:${(router.address() as AddressInfo).port}`,
    intercomVersion: "2.11",
    authMode: "passthrough",
    upstreamTimeoutMs: 5_000,
    upstreamRetries: 1,
    logger: createLogger({ level: "debug", write: (line) => logs.push(line) }),
    port: 0,
  });
});

afterAll(async () => {
  await gateway.close();
  router.closeAllConnections();
  router.close();
  await workspaceA.close();
  await workspaceB.close();
});

async function query(token: string | undefined, source: string) {
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: source }),
  });
  const raw = await res.text();
  return { status: res.status, raw, body: JSON.parse(raw) as any };
}

const INBOX = `{ conversations(first: 15) { nodes { id contacts { id email } source { author { id } } } } }`;

describe("AUTH_MODE=passthrough", () => {
  it("answers UNAUTHENTICATED, before any upstream call, when the caller sends no token", async () => {
    workspaceA.clearRequests();
    workspaceB.clearRequests();
    const res = await query(undefined, `{ admins { id } }`);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(res.body.errors[0].message).toMatch(/Authorization: Bearer/);
    expect(workspaceA.requests.length + workspaceB.requests.length).toBe(0);
  });

  it("two tenants querying concurrently each see only their own workspace", async () => {
    const contactsOf = (s: Sandbox) => new Set(s.workspace.contacts.map((c) => c.id));
    const ownA = contactsOf(workspaceA);
    const ownB = contactsOf(workspaceB);
    expect([...ownA].filter((id) => ownB.has(id))).toEqual([]); // the two workspaces really differ

    const runs = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? TOKEN_A : TOKEN_B));
    const answers = await Promise.all(runs.map(async (token) => ({ token, res: await query(token, INBOX) })));
    for (const { token, res } of answers) {
      expect(res.body.errors).toBeUndefined();
      const own = token === TOKEN_A ? ownA : ownB;
      const ids = res.body.data.conversations.nodes.flatMap((n: any) => n.contacts.map((c: any) => c.id));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(own.has(id)).toBe(true);
    }
    // Each workspace served only its own tenant's calls.
    expect(workspaceA.requests.length).toBeGreaterThan(0);
    expect(workspaceB.requests.length).toBeGreaterThan(0);
  });

  it("a wrong token gets UNAUTHENTICATED from upstream, and no token appears in responses or logs", async () => {
    const res = await query("tok_nobody_42424242", `{ me { id } }`);
    expect(res.body.errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", intercom: { status: 401 } });
    for (const token of [TOKEN_A, TOKEN_B, "tok_nobody_42424242"]) {
      expect(res.raw).not.toContain(token);
      expect(logs.join("\n")).not.toContain(token);
    }
  });
});
