import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJsonBody } from "../src/datasources/json-body.js";
import { startStack, TEST_TOKEN, type Stack } from "./support/stack.js";

/**
 * Upstream bodies are bytes: whatever UTF-8 Intercom sends (accents, arrows, emoji, CJK, a byte
 * order mark, even broken sequences) reaches the client exactly as decoding the body as UTF-8
 * and parsing it would give. The gateway parses mostly-ASCII bodies by a faster path than
 * `JSON.parse(body.toString("utf8"))` (src/datasources/json-body.ts), so that is the reference.
 */
const reference = (bytes: Buffer) => JSON.parse(bytes.toString("utf8"));

/** JSON text with each `@@i@@` string replaced by the raw bytes `parts[i]` (which may be invalid UTF-8). */
function withRawStrings(json: string, parts: Buffer[]): Buffer {
  const pieces = json.split(/"@@(\d+)@@"/);
  return Buffer.concat(pieces.map((piece, i) => (i % 2 === 0 ? Buffer.from(piece) : Buffer.concat([Buffer.from('"'), parts[Number(piece)]!, Buffer.from('"')]))));
}

const PADDING = "x".repeat(40_000);

const NAMES: Buffer[] = [
  Buffer.from("Zoë Ångström"),
  Buffer.from("Sales → Support — “VIP”"),
  Buffer.from("😀 emoji 𝄞 astral"),
  Buffer.from("日本語のサポート"),
  Buffer.from("escaped \\u00e9 next to é and \\\" quote ü"),
  Buffer.from([0x42, 0xc3, 0x20, 0xff, 0xfe, 0xe2, 0x82, 0x41]), // a lone lead byte, invalid bytes, a truncated sequence
  Buffer.from("plain ascii"),
];

describe("upstream text", () => {
  let stack: Stack;
  let upstream: http.Server;
  let template: Record<string, unknown>;
  let body: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    const sandbox = await startStack();
    const res = await fetch(`${sandbox.sandbox.url}/admins`, { headers: { authorization: `Bearer ${TEST_TOKEN}`, "intercom-version": "2.11" } });
    template = ((await res.json()) as { admins: Array<Record<string, unknown>> }).admins[0]!;
    await sandbox.close();
    upstream = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    stack = await startStack({ gateway: { baseUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` } });
  });
  afterAll(async () => {
    await stack?.close();
    upstream?.close();
  });

  // Padded with ASCII as Intercom's lists are: a few non-ASCII characters in a large body take the fast path.
  const adminsBody = (names: Buffer[], prefix = Buffer.alloc(0)) =>
    Buffer.concat([
      prefix,
      withRawStrings(JSON.stringify({ type: "admin.list", admins: names.map((_, i) => ({ ...template, id: String(7000 + i), name: `@@${i}@@` })), padding: PADDING }), names),
    ]);

  async function namesThroughGateway(bytes: Buffer) {
    body = bytes;
    const res = await stack.query(`{ admins { id name } }`);
    expect(res.errors).toBeUndefined();
    return (res.data.admins as Array<{ name: string }>).map((a) => a.name);
  }

  it("passes accents, arrows, emoji, CJK, escapes and broken UTF-8 through as UTF-8 decoding gives them", async () => {
    const bytes = adminsBody(NAMES);
    const names = await namesThroughGateway(bytes);
    expect(names).toEqual(reference(bytes).admins.map((a: { name: string }) => a.name));
    expect(names[0]).toBe("Zoë Ångström");
    expect(names[2]).toBe("😀 emoji 𝄞 astral");
    expect(names[5]).toContain("\ufffd");
  });

  it("skips a UTF-8 byte order mark", async () => {
    const names = await namesThroughGateway(adminsBody(NAMES, Buffer.from([0xef, 0xbb, 0xbf])));
    expect(names[3]).toBe("日本語のサポート");
  });

  it("parses bodies with many non-ASCII runs (the plain path) the same way", async () => {
    const many = Array.from({ length: 120 }, (_, i) => Buffer.from(`Ünïcødé ${i} → ✓`));
    const bytes = adminsBody(many);
    expect(await namesThroughGateway(bytes)).toEqual(reference(bytes).admins.map((a: { name: string }) => a.name));
  });

  it("fails a 2xx whose non-ASCII bytes sit outside any string: not JSON, UPSTREAM_ERROR", async () => {
    body = Buffer.concat([Buffer.from('{"type":"admin.list","admins":[]'), Buffer.from("é}")]);
    const res = await stack.query(`{ admins { id } }`);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR" });
    expect(res.errors![0]!.message).toContain("not JSON");
  });

  it("parseJsonBody equals JSON.parse of the UTF-8 text for random strings of every kind of character", () => {
    const alphabet = ["a", " ", "\\\\", '\\"', "\\n", "\\u00e9", "é", "ß", "—", "→", "€", "中", "😀", "\u2028", "\u00a0", "~"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const strings = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""),
      );
      const key = strings[0]!; // non-ASCII object keys too
      const json = `{"${key}": [${strings.map((s) => `"${s}"`).join(", ")}], "n": ${n}`;
      // As is (mostly non-ASCII: the plain path), and padded (a few non-ASCII runs in a large body: the fast path).
      for (const bytes of [Buffer.from(`${json}}`), Buffer.from(`${json}, "padding": "${PADDING}"}`)]) expect(parseJsonBody(bytes)).toEqual(reference(bytes));
    }
    for (const bad of ["", " ", "{", '{"a": "é"', "é", '"\\u12"']) expect(() => parseJsonBody(Buffer.from(bad))).toThrow(SyntaxError);
  });

  it("parseJsonBody finds non-ASCII runs at every offset, across the boundaries of the blocks it checks", () => {
    // Runs of one to eight bytes (é, →, 😀 and two of them together) starting at each offset from 0 to 2,100,
    // in a body long enough for the fast path: every position relative to a block, including runs that straddle one.
    for (const run of ["é", "→", "😀", "é😀"]) {
      for (let offset = 0; offset <= 2_100; offset++) {
        const bytes = Buffer.from(`{"a":"${"x".repeat(offset)}${run}${"y".repeat(3)}","b":"ü","padding":"${"z".repeat(3_000)}"}`);
        const parsed = parseJsonBody(bytes) as { a: string; b: string };
        if (parsed.a !== reference(bytes).a || parsed.b !== "ü") expect({ offset, run, a: parsed.a.slice(-8), b: parsed.b }).toEqual({ offset, run, a: `x${run}yyy`.slice(-8), b: "ü" });
      }
    }
  });
});
