import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inMemoryStore } from "../../src/datasources/cache.js";
import { createLogger } from "../../src/logger.js";
import type { RateBudget } from "../../src/datasources/rate-budget.js";
import { startStack, type Stack } from "../support/stack.js";
import { answer, expectJsonError } from "./support.js";

/**
 * Client mistakes are client errors with a precise code (never INTERNAL_SERVER_ERROR), they cost
 * no upstream call, and the log keeps what went wrong: no log line ever says `"error":{}`.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { apqStore: inMemoryStore() } });
});
afterAll(() => stack.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const post = (body: unknown) =>
  answer(fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));
/** The gateway's log lines about one request, parsed. */
const linesOf = (requestId: unknown) => stack.logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId);

describe("client mistakes get a 4xx and a precise code, and are logged with their message", () => {
  const cases: Array<{ name: string; body: unknown; status: number; code: string; message: RegExp }> = [
    { name: "a subscription operation over plain POST", body: { query: "subscription { conversationEvents { id } }" }, status: 400, code: "SUBSCRIPTIONS_NOT_SUPPORTED", message: /graphql-ws.*Server-Sent Events/ },
    {
      name: "an APQ hash that does not match the query",
      body: { query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ admins { id } }") } } },
      status: 400,
      code: "PERSISTED_QUERY_HASH_MISMATCH",
      message: /sha does not match/,
    },
    {
      name: "an unknown APQ version",
      body: { query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: sha256("{ __typename }") } } },
      status: 400,
      code: "PERSISTED_QUERY_NOT_SUPPORTED",
      message: /persisted query version/,
    },
    {
      name: "an unknown APQ hash",
      body: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256("never sent") } } },
      status: 200, // Apollo's own answer, so that clients send the query next
      code: "PERSISTED_QUERY_NOT_FOUND",
      message: /PersistedQueryNotFound/,
    },
    // JSON's \ud800 escape is the only way to send a lone surrogate (the GraphQL lexer refuses
    // them in the document): it would reach encodeURIComponent (URIError), labels and logs.
    {
      name: "a lone surrogate in a variable",
      body: '{"query":"query($id: ID!) { contact(id: $id) { id } }","variables":{"id":"\\ud800"}}',
      status: 400,
      code: "BAD_USER_INPUT",
      message: /\$id.*Unicode/,
    },
    {
      name: "a lone surrogate deep in a JSON variable, as a key",
      body: '{"query":"mutation($c: JSONObject) { createContact(input: {email: \\"x@y.example\\", customAttributes: $c}) { id } }","variables":{"c":{"a":[{"\\udc00":1}]}}}',
      status: 400,
      code: "BAD_USER_INPUT",
      message: /\$c.*Unicode/,
    },
    {
      name: "a variable nested thousands of levels deep (JSON.stringify would overflow the stack)",
      body: `{"query":"mutation($c: JSONObject) { createContact(input: {email: \\"x@y.example\\", customAttributes: $c}) { id } }","variables":{"c":{"a":${"[".repeat(20_000)}${"]".repeat(20_000)}}}}`,
      status: 400,
      code: "QUERY_TOO_COMPLEX", // the query limits bound every nesting, variables too
      message: /\$c.*nested/,
    },
  ];

  for (const { name, body, status, code, message } of cases) {
    it(name, async () => {
      stack.resetUpstream();
      const before = stack.logs.length;
      const res = await post(body);
      const error = expectJsonError(res, status, code);
      expect(error.message).toMatch(message);
      expect(stack.upstream()).toHaveLength(0);
      const lines = linesOf(error.extensions.requestId);
      expect(lines.find((l) => l.message === "graphql error")).toMatchObject({ level: "warn", code, error: expect.stringMatching(message) });
      expect(lines.find((l) => l.message === "graphql request")).toMatchObject({ status });
      expect(stack.logs.slice(before).filter((l) => l.includes('"level":"error"'))).toEqual([]);
    });
  }

  it("the well-formed forms of the same requests still work", async () => {
    const query = "{ __typename }";
    const registered = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(JSON.parse(registered.text)).toEqual({ data: { __typename: "Query" } });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(JSON.parse(byHash.text)).toEqual({ data: { __typename: "Query" } });
    // A surrogate pair is one well-formed character.
    const pair = await post('{"query":"query($q: String!) { __type(name: $q) { name } }","variables":{"q":"\\ud83d\\ude00"}}');
    expect(JSON.parse(pair.text)).toEqual({ data: { __type: null } });
  });
});

describe("client text in logs", () => {
  it("a caller's X-Request-Id is kept only when short and plain, else replaced by a new one", async () => {
    const ask = (id: string) => fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json", "x-request-id": id }, body: '{"query":"{ __typename }"}' });
    expect((await ask("req-42")).headers.get("x-request-id")).toBe("req-42");
    for (const id of ["r".repeat(1000), "with space"]) expect((await ask(id)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("error messages quoting client text are bounded in the log", async () => {
    const claimed = "N".repeat(100_000);
    const error = expectJsonError(await post({ query: "query A { __typename }", operationName: claimed }), 400, "OPERATION_RESOLUTION_FAILURE");
    const line = linesOf(error.extensions.requestId).find((l) => l.message === "graphql error");
    expect(line.error.length).toBeLessThanOrEqual(1000);
  });
});

describe("unexpected errors", () => {
  let broken: Stack;
  beforeAll(async () => {
    // A rate budget that fails: a bug of ours, not the client's (a malformed upstream answer is UPSTREAM_ERROR instead).
    const budget = { limitPerWindow: 100, take: async () => Promise.reject(new Error("the budget store is broken")) } as unknown as RateBudget;
    broken = await startStack({ gateway: { budget } });
  });
  afterAll(() => broken.close());

  it("keep their message and stack in the log, and only 'Internal server error' in the response", async () => {
    const res = await broken.query(`{ admins { id } }`);
    expect(res.errors![0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(res.raw).not.toMatch(/budget store|\.ts:\d+|\n\s+at /);
    const line = broken.logs.map((l) => JSON.parse(l)).find((l) => l.message === "unexpected error");
    expect(line.error).toMatchObject({ type: "Error", message: expect.stringContaining("the budget store is broken") });
    expect(line.error.stack).toMatch(/\n\s+at /);
  });
});

describe("the logger", () => {
  it("writes an Error field as its type, message, stack and cause, whatever the field's name", () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.error("failed", { error: new TypeError("boom", { cause: new Error("underneath") }), reason: new RangeError("too deep"), plain: "text" });
    const line = JSON.parse(lines[0]!);
    expect(line.error).toMatchObject({ type: "TypeError", message: "boom: underneath" });
    expect(line.error.stack).toContain("caused by: Error: underneath");
    expect(line.reason).toMatchObject({ type: "RangeError", message: "too deep" });
    expect(line.plain).toBe("text");
    expect(lines[0]).not.toContain('"error":{}');
  });
});

afterAll(() => {
  // Nothing this file did left an empty error in the log.
  for (const line of stack.logs) expect(line).not.toContain('"error":{}');
});
