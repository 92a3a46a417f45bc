import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../support/stack.js";
import { answer, expectJsonError, parseRaw, rawRequest } from "./support.js";

/**
 * One entry for /graphql and JSON errors only: whatever an attacker sends, to /graphql or any
 * other route, with CORS configured or not, in production or not, the answer is the gateway's
 * JSON error shape with a precise code, never an HTML page, a stack trace or a file path.
 */
const APP = "https://app.example.com";

describe.each([
  { env: "production", cors: true },
  { env: "production", cors: false },
  { env: "development", cors: true },
])("NODE_ENV=$env, CORS configured: $cors", ({ env, cors }) => {
  let stack: Stack;
  let saved: string | undefined;
  beforeAll(async () => {
    // Express reads NODE_ENV when the app is made (it decides whether its error pages show stacks).
    saved = process.env.NODE_ENV;
    process.env.NODE_ENV = env;
    stack = await startStack({ gateway: cors ? { corsOrigins: [APP] } : {} });
  });
  afterAll(async () => {
    process.env.NODE_ENV = saved;
    await stack.close();
  });

  const origin = () => stack.gateway.url.replace(/\/graphql$/, "");
  const post = (body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) =>
    answer(fetch(stack.gateway.url, { method: "POST", headers: { origin: APP, ...headers }, body }));

  it("malformed JSON, and JSON that is not a request object, are 400 BAD_REQUEST", async () => {
    for (const body of ["{ nope", "{", "null", '"x"', "[1", "\u0000"]) {
      const error = expectJsonError(await post(body), 400, "BAD_REQUEST");
      expect(error.message).not.toMatch(/SyntaxError|position/);
    }
  });

  it("a body over 1 MB is 413 PAYLOAD_TOO_LARGE, declared or streamed", async () => {
    const big = JSON.stringify({ query: "{ admins { id } }", variables: { padding: "x".repeat(1_100_000) } });
    expectJsonError(await post(big), 413, "PAYLOAD_TOO_LARGE");
    // Without a Content-Length (chunked): the limit counts what arrives.
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await answer(
      fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: chunked, duplex: "half" } as RequestInit),
    );
    expectJsonError(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("wrong content types: CSRF-able ones are refused by Apollo's check, others get Apollo's BAD_REQUEST", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const error = expectJsonError(await post('{"query":"{ __typename }"}', { "content-type": type }), 400, "BAD_REQUEST");
      expect(error.message).toMatch(/CSRF/);
    }
    expectJsonError(await post(Buffer.from("{}"), {}), 400, "BAD_REQUEST"); // no content type at all
    const xml = await post("<query/>", { "content-type": "application/xml", "apollo-require-preflight": "true" });
    expectJsonError(xml, 400, "BAD_REQUEST");
  });

  it("a compressed request body is 415 UNSUPPORTED_MEDIA_TYPE (never inflated)", async () => {
    const res = await post(gzipSync(JSON.stringify({ query: "{ __typename }" })), { "content-type": "application/json", "content-encoding": "gzip" });
    expectJsonError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("methods other than GET, POST and OPTIONS are 405 METHOD_NOT_ALLOWED with Allow", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await answer(fetch(stack.gateway.url, { method, headers: { "content-type": "application/json" }, body: "{}" }));
      expectJsonError(res, 405, "METHOD_NOT_ALLOWED");
      expect(res.headers.get("allow")).toBe("GET, POST, OPTIONS");
    }
  });

  it("unknown routes are 404 NOT_FOUND, on any method", async () => {
    for (const [method, path] of [["GET", "/nope"], ["POST", "/metrics"], ["GET", "/graphiql/assets/nope.js"], ["DELETE", "/healthz"], ["GET", "/graphql/extra"]] as const) {
      expectJsonError(await answer(fetch(origin() + path, { method })), 404, "NOT_FOUND");
    }
  });

  it("Express errors (a path that does not decode) are JSON 400 BAD_REQUEST", async () => {
    for (const path of ["/graphiql/assets/%E0%A4%A", "/downloads/data-exports/%ED%A0%80", "/downloads/data-exports/%"]) {
      expectJsonError(await answer(fetch(origin() + path)), 400, "BAD_REQUEST");
    }
  });

  it("requests Node's HTTP parser refuses are JSON too (400, 431)", async () => {
    const garbage = parseRaw(await rawRequest(stack.gateway.port, "HELLO\r\n\r\n"));
    expectJsonError(garbage, 400, "BAD_REQUEST");
    const huge = parseRaw(await rawRequest(stack.gateway.port, `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`));
    expectJsonError(huge, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
  });

  it("GraphQL still works: POST, GET with ?query=, and GraphiQL's page for browsers", async () => {
    expect((await stack.query(`{ __typename }`)).data).toEqual({ __typename: "Query" });
    const get = await fetch(`${stack.gateway.url}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    const page = await fetch(stack.gateway.url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="graphiql">');
  });

  it.runIf(cors)("CORS on every answer of /graphql: allowed origins only, with credentials and max-age 600", async () => {
    const preflight = (from: string) =>
      fetch(stack.gateway.url, {
        method: "OPTIONS",
        headers: { origin: from, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const allowed = await preflight(APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-max-age")).toBe("600");
    expect((await preflight("https://evil.example.net")).headers.get("access-control-allow-origin")).toBeNull();

    // The actual requests, errors included, so a browser app can read what went wrong.
    for (const res of [await post('{"query":"{ __typename }"}'), await post("{ nope"), await post("x".repeat(1_100_000))]) {
      expect(res.headers.get("access-control-allow-origin"), res.text).toBe(APP);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    }
    const other = await answer(fetch(stack.gateway.url, { method: "POST", headers: { origin: "https://evil.example.net", "content-type": "application/json" }, body: "{}" }));
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it.runIf(!cors)("without CORS configured, no CORS headers and a plain OPTIONS answer", async () => {
    const res = await fetch(stack.gateway.url, { method: "OPTIONS", headers: { origin: APP, "access-control-request-method": "POST" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, POST, OPTIONS");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
