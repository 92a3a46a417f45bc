// The sandbox's route table against the Intercom 2.11 document: every operation of the document
// has exactly one handler, with the document's method and path, and no handler names an
// operationId the document lacks. And the router: the most specific route wins, whatever the
// order of the table.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiGroups, routeTable } from "../src/sandbox/operations.js";
import { Router, type ApiGroup, type Route } from "../src/sandbox/router.js";
import { Rng } from "../src/sandbox/rng.js";
import { loadSpec, SPEC_PATH, specExists, type Spec } from "./support/openapi.js";

const METHODS = ["get", "post", "put", "delete", "patch", "head", "options"];

interface DocOperation {
  operationId: string;
  method: string;
  /** The template with `:name` for `{name}`, as routes write it. */
  path: string;
  tags: string[];
}

function documentOperations(spec: Spec): DocOperation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const op = item[m] as { operationId?: string; tags?: string[] };
      return { operationId: op.operationId ?? `(none: ${m.toUpperCase()} ${path})`, method: m.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ":$1"), tags: op.tags ?? [] };
    }),
  );
}

const label = (r: { operationId: string; method: string; path: string }) => `${r.operationId} (${r.method} ${r.path})`;

if (!specExists) console.warn(`[sandbox-operations] the route table is not checked against the document: OpenAPI document not found at ${SPEC_PATH}`);

describe.skipIf(!specExists)(`sandbox route table ⇄ ${SPEC_PATH}`, () => {
  const operations = specExists ? documentOperations(loadSpec()) : [];
  const byId = new Map(operations.map((o) => [o.operationId, o]));

  it("reads 108 operations, each with a unique operationId", () => {
    expect(operations).toHaveLength(108);
    expect(byId.size).toBe(operations.length);
  });

  it("every operation of the document has exactly one handler", () => {
    const problems = operations.flatMap((op) => {
      const handlers = routeTable.filter((r) => r.operationId === op.operationId);
      return handlers.length === 1 ? [] : [`${label(op)}: ${handlers.length} handlers`];
    });
    expect(problems).toEqual([]);
  });

  it("no handler names an operationId the document lacks", () => {
    expect(routeTable.filter((r) => !byId.has(r.operationId)).map(label)).toEqual([]);
  });

  it("each handler serves its operation's method and path, parameters named as the document names them", () => {
    const problems = routeTable.flatMap((r) => {
      const op = byId.get(r.operationId);
      return op && (op.method !== r.method || op.path !== r.path) ? [`${label(r)}: the document says ${op.method} ${op.path}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("each group serves the operations whose first tag is the group's, one group per tag", () => {
    const problems = apiGroups.flatMap((g) =>
      g.routes.flatMap((r) => {
        const first = byId.get(r.operationId)?.tags[0];
        return first === undefined || first === g.tag ? [] : [`${label(r)} is in the ${g.tag} group; its first tag is ${first}`];
      }),
    );
    expect(problems).toEqual([]);
    const tags = apiGroups.map((g) => g.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(new Set(tags)).toEqual(new Set(operations.map((o) => o.tags[0])));
  });

  it("a request for any operation's path reaches that operation, whatever the order of the table", () => {
    // Each template with ids for its parameters, and with each literal the document has at a
    // parameter's position (so literals and parameters compete: /contacts/search, /companies/scroll …).
    const literalsAt = new Map<number, Set<string>>();
    for (const op of operations) op.path.split("/").forEach((s, i) => s && !s.startsWith(":") && literalsAt.set(i, (literalsAt.get(i) ?? new Set()).add(s)));
    const own = operations.map((op) => ({ op, path: op.path.replace(/:\w+/g, "x1") }));
    const competing = operations.flatMap((op) =>
      op.path.split("/").flatMap((part, i, parts) =>
        part.startsWith(":") ? [...(literalsAt.get(i) ?? [])].map((literal) => ({ op, path: parts.map((p, j) => (j === i ? literal : p.startsWith(":") ? "x1" : p)).join("/") })) : [],
      ),
    );
    const reference = new Router(routeTable);
    const rng = new Rng(99);
    for (const table of [[...routeTable].reverse(), ...[1, 2, 3, 4].map(() => rng.shuffle(routeTable))]) {
      const router = new Router(table);
      for (const { op, path } of own) expect(router.match(op.method, path)?.route.operationId, `${op.method} ${path}`).toBe(op.operationId);
      for (const { op, path } of competing) {
        expect(router.match(op.method, path)?.route.operationId, `${op.method} ${path}`).toBe(reference.match(op.method, path)?.route.operationId);
      }
    }
    // The literal operations win where they compete.
    expect(reference.match("POST", "/contacts/search")?.route.operationId).toBe("SearchContacts");
    expect(reference.match("GET", "/admins/activity_logs")?.route.operationId).toBe("listActivityLogs");
    expect(reference.match("GET", "/companies/scroll")?.route.operationId).toBe("scrollOverAllCompanies");
    expect(reference.match("GET", "/articles/search")?.route.operationId).toBe("searchArticles");
    expect(reference.match("GET", "/contacts/search")?.route.operationId).toBe("ShowContact");
  });
});

describe("sandbox groups", () => {
  it("every folder of src/sandbox/groups exports its group, and the route table holds every group", async () => {
    const root = new URL("../src/sandbox/groups/", import.meta.url);
    const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.length).toBe(apiGroups.length);
    for (const folder of folders) {
      const exports = Object.values(await import(new URL(`${folder}/routes.ts`, root).href)) as unknown[];
      const groups = exports.filter((e): e is ApiGroup => typeof e === "object" && e !== null && "tag" in e && "routes" in e);
      expect(groups, `groups/${folder}/routes.ts exports one group`).toHaveLength(1);
      expect(apiGroups, `groups/${folder} is in operations.ts`).toContain(groups[0]);
    }
  });
});

describe("router", () => {
  const route = (operationId: string, method: Route["method"], path: string): Route => ({ operationId, method, path, handler: () => operationId });
  const table = [
    route("byId", "GET", "/things/:thing_id"),
    route("search", "POST", "/things/search"),
    route("special", "GET", "/things/special"),
    route("items", "GET", "/things/:thing_id/items"),
    route("item", "GET", "/things/:thing_id/items/:item_id"),
    route("firstItem", "GET", "/things/:thing_id/items/first"),
    route("list", "GET", "/things"),
  ];

  it("a literal segment beats a parameter, in either order of registration", () => {
    for (const routes of [table, [...table].reverse()]) {
      const router = new Router(routes);
      expect(router.match("GET", "/things/special")?.route.operationId).toBe("special");
      expect(router.match("GET", "/things/other")).toMatchObject({ route: { operationId: "byId" }, params: { thing_id: "other" } });
      expect(router.match("GET", "/things/a/items/first")?.route.operationId).toBe("firstItem");
      expect(router.match("GET", "/things/a/items/b")).toMatchObject({ route: { operationId: "item" }, params: { thing_id: "a", item_id: "b" } });
      // A literal of another method does not hide the parameter route of this one.
      expect(router.match("GET", "/things/search")).toMatchObject({ route: { operationId: "byId" }, params: { thing_id: "search" } });
      expect(router.match("POST", "/things/search")?.route.operationId).toBe("search");
    }
  });

  it("lists its routes most specific first", () => {
    const ids = new Router(table).routes.map((r) => r.operationId);
    expect(ids.indexOf("special")).toBeLessThan(ids.indexOf("byId"));
    expect(ids.indexOf("firstItem")).toBeLessThan(ids.indexOf("item"));
  });

  it("matches as express does: case-insensitive literals, one optional trailing slash, HEAD served by GET", () => {
    const router = new Router(table);
    expect(router.match("GET", "/THINGS/Special")?.route.operationId).toBe("special");
    expect(router.match("GET", "/things/")?.route.operationId).toBe("list");
    expect(router.match("GET", "/things/a/items/")?.route.operationId).toBe("items");
    expect(router.match("GET", "/things//")).toBeUndefined();
    expect(router.match("GET", "//things")).toBeUndefined();
    expect(router.match("GET", "/things//items")).toBeUndefined();
    expect(router.match("HEAD", "/things/a")?.route.operationId).toBe("byId");
    expect(router.match("PUT", "/things/a")).toBeUndefined();
    expect(router.match("GET", "/nothing")).toBeUndefined();
  });

  it("decodes parameters, and refuses malformed percent-encoding with 400 whatever the method", () => {
    const router = new Router(table);
    expect(router.match("GET", "/things/a%2Fb%20c")?.params).toEqual({ thing_id: "a/b c" });
    for (const method of ["GET", "DELETE", "PATCH"]) {
      expect(() => router.match(method, "/things/%E0%A4%A")).toThrow(expect.objectContaining({ status: 400, code: "bad_request", message: "Failed to decode param '%E0%A4%A'" }));
    }
    expect(router.match("GET", "/elsewhere/%E0")).toBeUndefined();
  });

  it("refuses a table with two routes for one operation or for one request", () => {
    expect(() => new Router([route("a", "GET", "/x/:id"), route("a", "PUT", "/x/:id")])).toThrow(/two routes for operation a/);
    expect(() => new Router([route("a", "GET", "/x/:id"), route("b", "GET", "/X/:other")])).toThrow(/two routes for GET/);
  });
});
