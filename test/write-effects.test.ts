import { describe, expect, it } from "vitest";
import { WRITE_EFFECTS } from "../src/datasources/write-effects.js";
import { gatewaySchema } from "../src/schema/index.js";

/** What each write changes is declared once, in WRITE_EFFECTS: one entry per mutation of the graph. */
describe("the write-effects table", () => {
  it("has an entry for every mutation, and none for a field the graph lacks", async () => {
    const mutations = Object.keys((await gatewaySchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(WRITE_EFFECTS).sort()).toEqual(mutations);
  });
});
