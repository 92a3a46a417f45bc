import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import DataLoader from "dataloader";
import { describe, expect, it } from "vitest";
import type { DataSources } from "../src/datasources/index.js";
import { loaderKit } from "../src/loaders/batch.js";
import { createLoaders } from "../src/loaders/index.js";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");
const LOADERS = join(SRC, "loaders");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports of every file under src, type-only ones included (`./x.js` names `./x.ts`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
    graph.set(
      file,
      specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts"))),
    );
  }
  return graph;
}

/** Every cycle through `from`, as the files along it (depth-first; the graph is small). */
function cyclesThrough(graph: Map<string, string[]>, from: string): string[][] {
  const cycles: string[][] = [];
  const walk = (file: string, path: string[], seen: Set<string>) => {
    for (const next of graph.get(file) ?? []) {
      if (next === from) cycles.push([...path, next]);
      else if (!seen.has(next)) {
        seen.add(next);
        walk(next, [...path, next], seen);
      }
    }
  };
  walk(from, [from], new Set([from]));
  return cycles;
}

describe("src/loaders module graph", () => {
  const graph = importGraph();
  const loaderFiles = [...graph.keys()].filter((f) => f.startsWith(LOADERS + "/"));
  const name = (f: string) => relative(SRC, f);

  it("has no import cycle through any loader module (type-only imports count)", () => {
    expect(loaderFiles.length).toBeGreaterThan(5);
    const cycles = loaderFiles.flatMap((f) => cyclesThrough(graph, f)).map((c) => c.map(name).join(" > "));
    expect(cycles).toEqual([]);
  });

  it("group files import only the shared batch helpers from src/loaders; nothing below index.ts imports it (effects.ts sits above it)", () => {
    for (const file of loaderFiles) {
      const local = graph.get(file)!.filter((f) => f.startsWith(LOADERS + "/")).map(name);
      if (name(file) === "loaders/index.ts") continue;
      // Above index.ts: what writes do to the composed loaders.
      const expected = name(file) === "loaders/batch.ts" ? [] : name(file) === "loaders/effects.ts" ? ["loaders/index.ts"] : ["loaders/batch.ts"];
      expect({ file: name(file), imports: local }).toEqual({ file: name(file), imports: expected });
    }
  });

  it("loaders never import resolvers (connections are built by resolvers)", () => {
    for (const file of loaderFiles) {
      expect(graph.get(file)!.filter((f) => f.startsWith(join(SRC, "resolvers")))).toEqual([]);
    }
  });
});

describe("createLoaders", () => {
  // Building loaders must not touch a datasource: upstream work starts when something loads.
  const untouchable = new Proxy({} as DataSources, {
    get(_, property) {
      throw new Error(`dataSources.${String(property)} read while building loaders`);
    },
  });

  it("names every DataLoader after its property (the loader_batch_size label), without touching a datasource", () => {
    const loaders = createLoaders(untouchable, () => {});
    // The loaders are getters of the class createLoaders builds.
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(loaders)).filter((n) => n !== "constructor");
    const entries = names.map((n) => [n, Reflect.get(loaders, n)] as const);
    expect(entries.length).toBeGreaterThan(35);
    const dataLoaders = entries.filter(([, value]) => value instanceof DataLoader);
    expect(dataLoaders.length).toBeGreaterThan(25);
    for (const [key, loader] of dataLoaders) expect((loader as DataLoader<unknown, unknown>).name).toBe(key);
  });

  it("builds each request's own loaders", () => {
    const a = createLoaders(untouchable);
    const b = createLoaders(untouchable);
    expect(a.contact).toBe(a.contact);
    expect(a.contact).not.toBe(b.contact);
    expect(a.companyContacts).not.toBe(b.companyContacts);
  });
});

describe("loaderKit", () => {
  it("reports each batch's size, under the loader's name, from the batch function it built the loader with", async () => {
    const seen: Array<[string, number]> = [];
    const kit = loaderKit((loader, keys) => seen.push([loader, keys]));
    const echo = kit.byGet("echo", async (id) => `#${id}`);
    expect(await Promise.all(["1", "2", "3", "2"].map((id) => echo.load(id)))).toEqual(["#1", "#2", "#3", "#2"]);
    expect(await echo.load("4")).toBe("#4");
    expect(seen).toEqual([
      ["echo", 3],
      ["echo", 1],
    ]);
  });

  it("bySearchThenGet: one `id IN` search per 150 ids, then a GET for each id the search missed", async () => {
    const searches: string[][] = [];
    const gets: string[] = [];
    const kit = loaderKit();
    const loader = kit.bySearchThenGet<{ id: string; via: string }>("thing", {
      search: async (query, perPage) => {
        expect(perPage).toBe(150);
        const ids = (query as { field: string; operator: string; value: string[] }).value;
        expect(query).toMatchObject({ field: "id", operator: "IN" });
        searches.push(ids);
        return { items: ids.filter((id) => Number(id) % 100 !== 0).map((id) => ({ id, via: "search" })) };
      },
      get: async (id) => {
        gets.push(id);
        if (id === "300") throw new Error("gone");
        return { id, via: "get" };
      },
    });
    const ids = Array.from({ length: 301 }, (_, i) => String(i + 1));
    const results = await loader.loadMany(ids);
    expect(searches.map((s) => s.length)).toEqual([150, 150, 1]);
    expect(gets).toEqual(["100", "200", "300"]);
    expect(results[0]).toEqual({ id: "1", via: "search" });
    expect(results[99]).toEqual({ id: "100", via: "get" });
    expect(results[299]).toBeInstanceOf(Error);
  });

  it("byPagesThenGet: one id costs its GET; several read pages while paging pays, then GET the rest", async () => {
    const pages: number[] = [];
    const gets: string[] = [];
    const all = Array.from({ length: 25 }, (_, i) => ({ id: String(i + 1) }));
    const kit = loaderKit();
    const make = () =>
      kit.byPagesThenGet<{ id: string }>("listed", {
        list: async (page) => {
          pages.push(page);
          return { items: all.slice((page - 1) * 10, page * 10), totalPages: 3 };
        },
        perPage: 10,
        get: async (id) => {
          gets.push(id);
          return { id };
        },
      });
    expect(await make().load("7")).toEqual({ id: "7" });
    expect([pages, gets]).toEqual([[], ["7"]]);

    gets.length = 0;
    const loader = make();
    // Page 1 holds two of five; two pages left are fewer than the three still missing, so page 2 is read;
    // then one page left for one missing id: a GET is as cheap.
    expect(await loader.loadMany(["1", "2", "15", "16", "99"])).toEqual([{ id: "1" }, { id: "2" }, { id: "15" }, { id: "16" }, { id: "99" }]);
    expect([pages, gets]).toEqual([[1, 2], ["99"]]);
    // What the pages held and nobody asked for is primed.
    expect(await loader.load("12")).toEqual({ id: "12" });
    expect(gets).toEqual(["99"]);
  });
});
