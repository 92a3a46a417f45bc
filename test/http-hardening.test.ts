import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** The HTTP surface: probes, CSRF prevention, body size limit and CORS. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { corsOrigins: ["https://app.example.com"] } });
});
afterAll(() => stack.close());

const origin = () => stack.gateway.url.replace(/\/graphql$/, "");

describe("probes", () => {
  it("/healthz says the process is up", async () => {
    const res = await fetch(`${origin()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz checks GET /me with the configured token, and reuses the answer briefly", async () => {
    stack.resetUpstream();
    const first = await fetch(`${origin()}/readyz`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ready: true, check: "token", status: 200 });
    await fetch(`${origin()}/readyz`);
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`)).toEqual(["GET /me"]);
  });

  it("/readyz answers 503 when Intercom refuses the token", async () => {
    const refused = await startStack({ gateway: { accessToken: undefined } });
    try {
      const res = await fetch(`${refused.gateway.url.replace(/\/graphql$/, "")}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, status: 401, reason: "Intercom answered 401" });
    } finally {
      await refused.close();
    }
  });
});

describe("request hygiene", () => {
  it("refuses a CSRF-able simple request (text/plain POST) before running it", async () => {
    stack.resetUpstream();
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ admins { id } }" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
    expect(stack.upstream()).toHaveLength(0);
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ admins { id } }", variables: { padding: "x".repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it("CORS: an allowed origin gets CORS headers on the preflight, another origin none", async () => {
    const preflight = (from: string) =>
      fetch(stack.gateway.url, {
        method: "OPTIONS",
        headers: { origin: from, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const allowed = await preflight("https://app.example.com");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const other = await preflight("https://evil.example.net");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the POST /graphql fast path (no CORS configured)", () => {
  let plain: Stack;
  beforeAll(async () => {
    plain = await startStack();
  });
  afterAll(() => plain.close());

  it("answers GraphQL, keeps the 1 MB limit, rejects malformed JSON, and leaves CSRF-able requests to Apollo's check", async () => {
    expect((await plain.query(`{ admins { id } }`)).data.admins.length).toBeGreaterThan(0);
    const big = await fetch(plain.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ admins { id } }", variables: { padding: "x".repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    const malformed = await fetch(plain.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{ nope" });
    expect(malformed.status).toBe(400);
    const simple = await fetch(plain.gateway.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ admins { id } }" }),
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
  });
});
