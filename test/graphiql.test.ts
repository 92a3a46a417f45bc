import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** GraphiQL over plain HTTP: served from the gateway's own assets, under a strict CSP. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const origin = () => stack.gateway.url.replace(/\/graphql$/, "");

describe("GraphiQL", () => {
  it("a browser's GET /graphql gets the GraphiQL page with a strict Content-Security-Policy", async () => {
    const res = await fetch(stack.gateway.url, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).toContain('<div id="graphiql">');
    // Every script and stylesheet is the gateway's own.
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url.startsWith("/graphiql/assets/")).toBe(true);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
  });

  it("serves every asset the page names, with the default inbox query in init.js", async () => {
    const html = await (await fetch(stack.gateway.url, { headers: { accept: "text/html" } })).text();
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const res = await fetch(origin() + url);
      expect(res.status, url).toBe(200);
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(50);
    }
    const init = await (await fetch(origin() + "/graphiql/assets/init.js")).text();
    expect(init).toContain("query Inbox");
    expect(init).toContain("adminAssignee { name }");
  });

  it("GraphQL clients still get GraphQL on /graphql (POST, and GET with a query)", async () => {
    const post = await stack.query(`{ __typename }`);
    expect(post.data).toEqual({ __typename: "Query" });
    const get = await fetch(`${stack.gateway.url}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("with introspection off (NODE_ENV=production without INTROSPECTION=true)", () => {
  let locked: Stack;
  beforeAll(async () => {
    locked = await startStack({ gateway: { introspection: false, graphiql: false } });
  });
  afterAll(() => locked.close());

  it("serves no GraphiQL and answers introspection with an error", async () => {
    const page = await fetch(locked.gateway.url, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    const res = await locked.query(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
