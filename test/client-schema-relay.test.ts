import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_SCHEMA_FILE } from "../scripts/schema.js";

/**
 * schema.client.graphql exists for client tools: relay-compiler panics on the subgraph SDL
 * (`extend schema @link(...)`, federation's types), so Relay users point it at this file.
 */
const run = promisify(execFile);
const relayCli = createRequire(import.meta.url).resolve("relay-compiler/cli.js");
const dir = mkdtempSync(path.join(tmpdir(), "relay-client-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("schema.client.graphql with relay-compiler", () => {
  it("relay-compiler compiles an inbox query with a fragment against schema.client.graphql", async () => {
    mkdirSync(path.join(dir, "src"));
    mkdirSync(path.join(dir, "__generated__"));
    writeFileSync(
      path.join(dir, "relay.config.json"),
      JSON.stringify({
        src: "./src",
        schema: CLIENT_SCHEMA_FILE,
        language: "javascript",
        artifactDirectory: "./__generated__",
        // Harmless without a Node interface; with the graph's Relay `Node`, ids are `nodeId`.
        schemaConfig: { nodeInterfaceIdField: "nodeId" },
      }),
    );
    writeFileSync(
      path.join(dir, "src", "Inbox.js"),
      [
        "graphql`",
        "  fragment Inbox_conversation on Conversation { id state adminAssignee { name } contacts { name email } source { author { __typename name } } }",
        "`;",
        "graphql`",
        "  query InboxQuery($after: String) {",
        "    conversations(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ...Inbox_conversation } }",
        "  }",
        "`;",
      ].join("\n"),
    );
    const { stdout, stderr } = await run(process.execPath, [relayCli], { cwd: dir, timeout: 60_000 });
    expect(`${stdout}${stderr}`).toContain("Compilation completed");
    expect(readdirSync(path.join(dir, "__generated__")).sort()).toEqual(["InboxQuery.graphql.js", "Inbox_conversation.graphql.js"]);
    expect(readFileSync(path.join(dir, "__generated__", "InboxQuery.graphql.js"), "utf8")).toContain("conversations(first: 20, after: $after)");
  });
});
