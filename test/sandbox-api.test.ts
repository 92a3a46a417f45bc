// Behaviour of the Intercom 2.11 sandbox over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_RECORDED_REQUESTS, startSandbox, type Conversation, type Sandbox } from "../src/sandbox/index.js";
import { RequestLog } from "../src/sandbox/request-log.js";

const TOKEN = "sandbox-api-test-token-4f1c";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

async function api(method: string, path: string, body?: unknown, sb: Sandbox = sandbox): Promise<Reply> {
  const res = await fetch(sb.url + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", Accept: "application/json", "Intercom-Version": "2.11" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const search = (kind: "contacts" | "conversations", query: unknown, pagination?: unknown) =>
  api("POST", `/${kind}/search`, pagination === undefined ? { query } : { query, pagination });

function expectError(res: Reply, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.type).toBe("error.list");
  expect(res.body.request_id).toMatch(UUID);
  expect(res.body.errors[0].code).toBe(code);
  expect(typeof res.body.errors[0].message).toBe("string");
}

/** Walks a search to the end and returns every record id. */
async function searchAll(kind: "contacts" | "conversations", query: unknown, perPage = 150): Promise<string[]> {
  const ids: string[] = [];
  let startingAfter: string | undefined;
  do {
    const res = await search(kind, query, { per_page: perPage, ...(startingAfter ? { starting_after: startingAfter } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = kind === "contacts" ? res.body.data : res.body.conversations;
    ids.push(...items.map((x: { id: string }) => x.id));
    startingAfter = res.body.pages.next?.starting_after;
  } while (startingAfter);
  return ids;
}

const sorted = (ids: string[]) => [...ids].sort();
const convs = () => sandbox.workspace.conversations;
const contacts = () => sandbox.workspace.contacts;
/** Expected ids, computed from the live workspace; never trivially empty or everything. */
function idsWhere<T extends { id: string }>(items: T[], f: (x: T) => boolean): string[] {
  const ids = sorted(items.filter(f).map((x) => x.id));
  expect(ids.length, "a meaningful expectation matches some but not all records").toBeGreaterThan(0);
  expect(ids.length).toBeLessThan(items.length);
  return ids;
}

describe("seeded workspace", () => {
  it("is deterministic and has the promised size and variety", async () => {
    const other = await startSandbox();
    try {
      expect(JSON.stringify(other.workspace.conversations)).toBe(JSON.stringify(sandbox.workspace.conversations));
      expect(JSON.stringify(other.workspace.contacts)).toBe(JSON.stringify(sandbox.workspace.contacts));
    } finally {
      await other.close();
    }
    const ws = sandbox.workspace;
    expect(ws.admins.length).toBeGreaterThanOrEqual(8);
    expect(ws.teams.length).toBeGreaterThanOrEqual(3);
    expect(ws.contacts.length).toBeGreaterThanOrEqual(200);
    expect(ws.companies.length).toBeGreaterThanOrEqual(30);
    expect(ws.conversations.length).toBeGreaterThanOrEqual(300);
    expect(new Set(ws.contacts.map((c) => c.role))).toEqual(new Set(["user", "lead"]));
    expect(ws.contacts.every((c) => /^[0-9a-f]{24}$/.test(c.id))).toBe(true);
    expect(new Set(ws.conversations.map((c) => c.source.type)).size).toBe(10);
    expect(new Set(ws.conversations.map((c) => c.state))).toEqual(new Set(["open", "closed", "snoozed"]));
    expect(ws.conversations.some((c) => c.contacts.contacts.length >= 2)).toBe(true);
    for (const team of ws.teams) {
      for (const adminId of team.admin_ids) expect(ws.admins.find((a) => a.id === String(adminId))!.team_ids).toContain(Number(team.id));
    }
    for (const c of ws.conversations) {
      expect(c.open).toBe(c.state !== "closed");
      expect(c.snoozed_until !== null).toBe(c.state === "snoozed");
    }
    const authorTypes = new Set(ws.conversations.flatMap((c) => c.conversation_parts.conversation_parts.map((p) => p.author.type)));
    expect(authorTypes).toEqual(new Set(["admin", "bot", "team", "user", "lead"]));
  });

  it("150 conversations of the list reference more than 100 distinct contacts", async () => {
    const res = await api("GET", "/conversations?per_page=150");
    const distinct = new Set(res.body.conversations.flatMap((c: Conversation) => c.contacts.contacts.map((x) => x.id)));
    expect(distinct.size).toBeGreaterThan(100);
  });
});

describe("auth, errors and headers", () => {
  it("answers 401 error.list without a bearer token, and does not log it", async () => {
    sandbox.clearRequests();
    const variants: Record<string, string>[] = [{}, { Authorization: "Bearer " }, { Authorization: "Basic abc" }, { Authorization: TOKEN }];
    for (const headers of variants) {
      const res = await fetch(`${sandbox.url}/me`, { headers });
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body).toEqual({ type: "error.list", request_id: expect.stringMatching(UUID), errors: [{ code: "unauthorized", message: "Access Token Invalid" }] });
      expect(res.headers.get("x-ratelimit-limit")).toBeTruthy();
    }
    expect(sandbox.requests).toEqual([]);
  });

  it("gives every error a fresh request id", async () => {
    const a = await api("GET", "/conversations/1");
    const b = await api("GET", "/conversations/1");
    expect(a.body.request_id).not.toBe(b.body.request_id);
  });

  it("answers 404 with Intercom's codes", async () => {
    expectError(await api("GET", "/nope"), 404, "not_found");
    expectError(await api("DELETE", "/conversations/10001"), 404, "not_found");
    expectError(await api("GET", "/conversations/999999"), 404, "not_found");
    expectError(await api("GET", "/contacts/000000000000000000000000"), 404, "not_found");
    expectError(await api("GET", "/admins/42"), 404, "admin_not_found");
    expectError(await api("GET", "/teams/42"), 404, "team_not_found");
  });

  it("answers 400 to a malformed JSON body", async () => {
    expectError(await api("POST", "/conversations/search", "{not json"), 400, "bad_request");
  });

  it("accepts any Intercom-Version header", async () => {
    const res = await fetch(`${sandbox.url}/me`, { headers: { Authorization: `Bearer ${TOKEN}`, "Intercom-Version": "Unstable" } });
    expect(res.status).toBe(200);
  });
});

describe("admins, teams, contacts", () => {
  it("GET /me is the first admin with the app", async () => {
    const res = await api("GET", "/me");
    expect(res.body).toMatchObject({ type: "admin", id: sandbox.workspace.admins[0]!.id, app: { type: "app" } });
  });

  it("GET /admins lists admins; avatars only with display_avatar=true", async () => {
    const plain = await api("GET", "/admins");
    expect(plain.body.type).toBe("admin.list");
    expect(plain.body.admins).toHaveLength(sandbox.workspace.admins.length);
    expect(plain.body.admins[0].avatar).toBeUndefined();
    const withAvatar = await api("GET", "/admins?display_avatar=true");
    expect(withAvatar.body.admins[0].avatar.image_url).toMatch(/^https:/);
    const one = await api("GET", "/admins/7350002");
    expect(one.body).toMatchObject({ type: "admin", id: "7350002", team_ids: expect.any(Array) });
  });

  it("GET /teams and /teams/{id}", async () => {
    const list = await api("GET", "/teams");
    expect(list.body.type).toBe("team.list");
    const team = sandbox.workspace.teams[0]!;
    expect((await api("GET", `/teams/${team.id}`)).body).toEqual(team);
  });

  it("GET /contacts/{id} returns the full contact", async () => {
    const c = contacts().find((x) => x.companies.total_count > 0 && x.tags.total_count > 0)!;
    const res = await api("GET", `/contacts/${c.id}`);
    expect(res.body).toEqual(c);
    expect(res.body.companies.data[0]).toMatchObject({ type: "company", url: `/companies/${c.companies.data[0]!.id}` });
  });
});

describe("GET /conversations (cursor pagination)", () => {
  it("walks every conversation once, newest updated_at first", async () => {
    const ids: string[] = [];
    let startingAfter: string | undefined;
    let page = 0;
    let last: any;
    do {
      const res = await api("GET", `/conversations?per_page=37${startingAfter ? `&starting_after=${encodeURIComponent(startingAfter)}` : ""}`);
      expect(res.status).toBe(200);
      page++;
      expect(res.body.type).toBe("conversation.list");
      expect(res.body.total_count).toBe(convs().length);
      expect(res.body.pages).toMatchObject({ type: "pages", page, per_page: 37, total_pages: Math.ceil(convs().length / 37) });
      for (const c of res.body.conversations) expect(c.conversation_parts).toBeUndefined();
      ids.push(...res.body.conversations.map((c: Conversation) => c.id));
      startingAfter = res.body.pages.next?.starting_after;
      if (startingAfter) expect(res.body.pages.next.per_page).toBe(37);
      last = res.body;
    } while (startingAfter);
    expect(last.pages.next).toBeUndefined();
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [...convs()].sort((a, b) => b.updated_at - a.updated_at || Number(b.id) - Number(a.id)).map((c) => c.id);
    expect(ids).toEqual(expected);
  });

  it("defaults to 20 per page and rejects per_page over 150", async () => {
    const res = await api("GET", "/conversations");
    expect(res.body.conversations).toHaveLength(20);
    expect(res.body.pages.per_page).toBe(20);
    expect((await api("GET", "/conversations?per_page=150")).body.conversations).toHaveLength(150);
    expectError(await api("GET", "/conversations?per_page=151"), 400, "parameter_invalid");
    expectError(await api("GET", "/conversations?per_page=0"), 400, "parameter_invalid");
    expectError(await api("GET", "/conversations?per_page=abc"), 400, "parameter_invalid");
    expectError(await api("GET", "/conversations?starting_after=garbage!"), 400, "parameter_invalid");
  });
});

describe("GET /conversations/{id}", () => {
  it("returns the conversation with its parts", async () => {
    const c = convs().find((x) => x.conversation_parts.conversation_parts.length > 5)!;
    const res = await api("GET", `/conversations/${c.id}`);
    expect(res.body).toEqual(c);
    expect(res.body.conversation_parts).toMatchObject({ type: "conversation_part.list", total_count: c.conversation_parts.conversation_parts.length });
  });

  it("caps parts at the 500 most recent", async () => {
    const big = convs().find((x) => x.conversation_parts.conversation_parts.length > 500)!;
    const res = await api("GET", `/conversations/${big.id}`);
    const all = big.conversation_parts.conversation_parts;
    expect(res.body.conversation_parts.conversation_parts).toHaveLength(500);
    expect(res.body.conversation_parts.conversation_parts.at(-1).id).toBe(all.at(-1)!.id);
    expect(res.body.conversation_parts.conversation_parts[0].id).toBe(all[all.length - 500]!.id);
  });

  it("strips HTML with display_as=plaintext", async () => {
    const res = await api("GET", "/conversations/10002?display_as=plaintext");
    expect(res.body.source.body).not.toMatch(/<p>/);
  });
});

describe("search", () => {
  it("single filter", async () => {
    const ids = await searchAll("conversations", { field: "state", operator: "=", value: "open" });
    expect(sorted(ids)).toEqual(idsWhere(convs(), (c) => c.state === "open"));
    const res = await search("conversations", { field: "state", operator: "=", value: "open" });
    expect(res.body.type).toBe("conversation.list");
    expect(res.body.pages.per_page).toBe(20); // documented default
    expect(res.body.conversations[0].conversation_parts).toBeUndefined();
    const leads = await search("contacts", { field: "role", operator: "=", value: "lead" });
    expect(leads.body.type).toBe("list");
    expect(leads.body.pages.per_page).toBe(50); // documented default
    expect(leads.body.total_count).toBe(contacts().filter((c) => c.role === "lead").length);
  });

  it("nested AND/OR groups", async () => {
    const admin = convs().find((c) => c.admin_assignee_id !== null)!.admin_assignee_id!;
    const query = {
      operator: "AND",
      value: [
        { operator: "OR", value: [{ field: "state", operator: "=", value: "open" }, { field: "state", operator: "=", value: "snoozed" }] },
        { field: "admin_assignee_id", operator: "=", value: admin },
      ],
    };
    expect(sorted(await searchAll("conversations", query))).toEqual(
      idsWhere(convs(), (c) => (c.state === "open" || c.state === "snoozed") && c.admin_assignee_id === admin),
    );
  });

  it("equality family: =, !=, IN, NIN on scalar and array fields", async () => {
    const c0 = convs()[0]!;
    const contactId = c0.contacts.contacts[0]!.id;
    expect(sorted(await searchAll("conversations", { field: "contact_ids", operator: "=", value: contactId }))).toEqual(
      idsWhere(convs(), (c) => c.contacts.contacts.some((x) => x.id === contactId)),
    );
    const someContacts = contacts().slice(0, 25).map((c) => c.id);
    expect(sorted(await searchAll("conversations", { field: "contact_ids", operator: "IN", value: someContacts }))).toEqual(
      idsWhere(convs(), (c) => c.contacts.contacts.some((x) => someContacts.includes(x.id))),
    );
    const tagId = sandbox.workspace.tags[0]!.id;
    expect(sorted(await searchAll("conversations", { field: "tag_ids", operator: "!=", value: tagId }))).toEqual(
      idsWhere(convs(), (c) => !c.tags.tags.some((t) => t.id === tagId)),
    );
    expect(sorted(await searchAll("conversations", { field: "source.type", operator: "NIN", value: ["email", "conversation"] }))).toEqual(
      idsWhere(convs(), (c) => !["email", "conversation"].includes(c.source.type)),
    );
    const teammate = "7350003";
    expect(sorted(await searchAll("conversations", { field: "teammate_ids", operator: "=", value: teammate }))).toEqual(
      idsWhere(convs(), (c) => c.teammates.teammates.some((t) => t.id === teammate)),
    );
    const author = convs().find((c) => c.source.author.type === "user")!.source.author.id;
    expect(sorted(await searchAll("conversations", { field: "source.author.id", operator: "=", value: author }))).toEqual(
      idsWhere(convs(), (c) => c.source.author.id === author),
    );
    expect(sorted(await searchAll("conversations", { field: "open", operator: "=", value: false }))).toEqual(idsWhere(convs(), (c) => !c.open));
    expect(sorted(await searchAll("conversations", { field: "team_assignee_id", operator: "=", value: null }))).toEqual(
      idsWhere(convs(), (c) => c.team_assignee_id === null),
    );
  });

  it("IN on ids (the loader batching pattern)", async () => {
    const wanted = [convs()[3]!.id, convs()[100]!.id, convs()[250]!.id, "99999999"];
    const res = await search("conversations", { field: "id", operator: "IN", value: wanted }, { per_page: 150 });
    expect(sorted(res.body.conversations.map((c: Conversation) => c.id))).toEqual(sorted(wanted.slice(0, 3)));
    const contactIds = contacts().slice(10, 160).map((c) => c.id);
    const cres = await search("contacts", { field: "id", operator: "IN", value: contactIds }, { per_page: 150 });
    expect(cres.body.total_count).toBe(150);
    expect(sorted(cres.body.data.map((c: { id: string }) => c.id))).toEqual(sorted(contactIds));
  });

  it("comparison family: <, <=, >, >= on integers; <, >, = by day on contact dates", async () => {
    const field = "statistics.count_conversation_parts";
    const count = (c: Conversation) => c.statistics.count_conversation_parts;
    for (const [operator, test] of [
      ["<", (n: number) => n < 10],
      ["<=", (n: number) => n <= 10],
      [">", (n: number) => n > 10],
      [">=", (n: number) => n >= 10],
    ] as const) {
      expect(sorted(await searchAll("conversations", { field, operator, value: 10 }))).toEqual(idsWhere(convs(), (c) => test(count(c))));
    }
    const pivot = convs()[50]!.created_at;
    expect(sorted(await searchAll("conversations", { field: "created_at", operator: ">", value: String(pivot) }))).toEqual(
      idsWhere(convs(), (c) => c.created_at > pivot),
    );
    // Contacts: dates match by calendar day (UTC workspace), per the document.
    const day = (t: number) => Math.floor(t / 86_400) * 86_400;
    const sample = contacts()[7]!.created_at;
    expect(sorted(await searchAll("contacts", { field: "created_at", operator: "=", value: sample }))).toEqual(
      idsWhere(contacts(), (c) => day(c.created_at) === day(sample)),
    );
    expect(sorted(await searchAll("contacts", { field: "created_at", operator: ">", value: sample }))).toEqual(
      idsWhere(contacts(), (c) => c.created_at >= day(sample) + 86_400),
    );
    expect(sorted(await searchAll("contacts", { field: "created_at", operator: "<", value: sample }))).toEqual(
      idsWhere(contacts(), (c) => c.created_at < day(sample)),
    );
    expectError(await search("contacts", { field: "created_at", operator: ">=", value: sample }), 400, "parameter_invalid");
    expectError(await search("contacts", { field: "created_at", operator: "!=", value: sample }), 400, "parameter_invalid");
  });

  it("text family: ~, !~, ^, $ (case-insensitive)", async () => {
    const has = (s: string | null, f: (v: string) => boolean) => s !== null && f(s.toLowerCase());
    expect(sorted(await searchAll("contacts", { field: "email", operator: "~", value: "Gmail" }))).toEqual(
      idsWhere(contacts(), (c) => has(c.email, (v) => v.includes("gmail"))),
    );
    expect(sorted(await searchAll("contacts", { field: "email", operator: "!~", value: "gmail" }))).toEqual(
      idsWhere(contacts(), (c) => !has(c.email, (v) => v.includes("gmail"))),
    );
    expect(sorted(await searchAll("contacts", { field: "name", operator: "^", value: "gr" }))).toEqual(
      idsWhere(contacts(), (c) => has(c.name, (v) => v.startsWith("gr"))),
    );
    expect(sorted(await searchAll("contacts", { field: "email", operator: "$", value: ".example" }))).toEqual(
      idsWhere(contacts(), (c) => has(c.email, (v) => v.endsWith(".example"))),
    );
    expect(sorted(await searchAll("contacts", { field: "custom_attributes.plan", operator: "=", value: "enterprise" }))).toEqual(
      idsWhere(contacts(), (c) => c.custom_attributes.plan === "enterprise"),
    );
    expect(sorted(await searchAll("contacts", { field: "location.city", operator: "IN", value: ["Dublin", "Tokyo"] }))).toEqual(
      idsWhere(contacts(), (c) => c.location.city === "Dublin" || c.location.city === "Tokyo"),
    );
    const tagId = sandbox.workspace.tags[1]!.id;
    expect(sorted(await searchAll("contacts", { field: "tag_id", operator: "=", value: tagId }))).toEqual(
      idsWhere(contacts(), (c) => c.tags.data.some((t) => t.id === tagId)),
    );
    expectError(await search("contacts", { field: "tag_id", operator: "IN", value: [tagId] }), 400, "parameter_invalid");
    // source.body: `=` matches a single word of the body.
    expect((await searchAll("conversations", { field: "source.body", operator: "=", value: "refund" })).length).toBeGreaterThan(0);
    expect(await searchAll("conversations", { field: "source.body", operator: "=", value: "unused seats" })).toEqual([]);
  });

  it("enforces nesting depth, group size and value types", async () => {
    const leaf = { field: "state", operator: "=", value: "open" };
    const twoLevels = { operator: "AND", value: [{ operator: "OR", value: [leaf, leaf] }, leaf] };
    expect((await search("conversations", twoLevels)).status).toBe(200);
    const threeLevels = { operator: "AND", value: [{ operator: "OR", value: [{ operator: "AND", value: [leaf, leaf] }] }] };
    expectError(await search("conversations", threeLevels), 400, "parameter_invalid");
    expect((await search("conversations", { operator: "OR", value: Array(15).fill(leaf) })).status).toBe(200);
    expectError(await search("conversations", { operator: "OR", value: Array(16).fill(leaf) }), 400, "parameter_invalid");
    expectError(await search("conversations", { field: "state", operator: "LIKE", value: "open" }), 400, "parameter_invalid");
    expectError(await search("conversations", { operator: "XOR", value: [leaf] }), 400, "parameter_invalid");
    expectError(await search("conversations", { field: "id", operator: "IN", value: "10001" }), 400, "parameter_invalid");
    expectError(await search("conversations", { field: "created_at", operator: ">", value: "yesterday" }), 400, "parameter_invalid");
    expectError(await search("conversations", { field: "state", operator: ">", value: "open" }), 400, "parameter_invalid");
    expectError(await api("POST", "/conversations/search", { pagination: { per_page: 5 } }), 400, "parameter_not_found");
    expectError(await search("conversations", leaf, { per_page: 151 }), 400, "parameter_invalid");
    expectError(await search("contacts", { field: "role", operator: "=", value: "user" }, { per_page: 151 }), 400, "parameter_invalid");
  });

  it("paginates search results with starting_after", async () => {
    const query = { field: "role", operator: "=", value: "user" };
    const expected = contacts().filter((c) => c.role === "user");
    const ids: string[] = [];
    let startingAfter: string | undefined;
    let page = 0;
    do {
      const res = await search("contacts", query, { per_page: 40, ...(startingAfter ? { starting_after: startingAfter } : {}) });
      page++;
      expect(res.body.total_count).toBe(expected.length);
      expect(res.body.pages).toMatchObject({ type: "pages", page, per_page: 40, total_pages: Math.ceil(expected.length / 40) });
      ids.push(...res.body.data.map((c: { id: string }) => c.id));
      startingAfter = res.body.pages.next?.starting_after;
    } while (startingAfter);
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("segment_id finds exactly the contacts whose GET /contacts/{id}/segments lists the segment", async () => {
    const members = new Map<string, Set<string>>();
    for (const contact of contacts()) {
      const res = await api("GET", `/contacts/${contact.id}/segments`);
      for (const segment of res.body.data as Array<{ id: string }>) {
        if (!members.has(segment.id)) members.set(segment.id, new Set());
        members.get(segment.id)!.add(contact.id);
      }
    }
    expect(members.size).toBeGreaterThan(1);
    for (const [segmentId, expected] of members) {
      const found: string[] = [];
      let startingAfter: string | undefined;
      do {
        const res = await search("contacts", { field: "segment_id", operator: "=", value: segmentId }, { per_page: 150, ...(startingAfter ? { starting_after: startingAfter } : {}) });
        found.push(...res.body.data.map((c: { id: string }) => c.id));
        startingAfter = res.body.pages.next?.starting_after;
      } while (startingAfter);
      expect(new Set(found)).toEqual(expected);
      const others = await search("contacts", { field: "segment_id", operator: "!=", value: segmentId });
      expect(others.body.total_count).toBe(contacts().length - expected.size);
    }
  });
});

describe("writes: reply, update, manage", () => {
  it("admin reply appends a comment, bumps updated_at and moves the conversation to the top", async () => {
    const target = convs()[200]!;
    const before = target.conversation_parts.conversation_parts.length;
    const res = await api("POST", `/conversations/${target.id}/reply`, { message_type: "comment", type: "admin", admin_id: 7350002, body: "<p>Looking into it</p>" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const parts = res.body.conversation_parts.conversation_parts;
    expect(parts).toHaveLength(before + 1);
    expect(parts.at(-1)).toMatchObject({ part_type: "comment", body: "<p>Looking into it</p>", author: { type: "admin", id: "7350002" } });
    expect(res.body.waiting_since).toBeNull();
    expect(res.body.teammates.teammates).toContainEqual({ type: "admin", id: "7350002" });
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs(res.body.updated_at - now)).toBeLessThanOrEqual(2);
    const readBack = await api("GET", `/conversations/${target.id}`);
    expect(readBack.body).toEqual(res.body);
    const top = await api("GET", "/conversations?per_page=1");
    expect(top.body.conversations[0].id).toBe(target.id);
  });

  it("admin note and contact reply; a contact reply reopens a closed conversation", async () => {
    const closed = convs().find((c) => c.state === "closed" && c.contacts.contacts.length === 1)!;
    const note = await api("POST", `/conversations/${closed.id}/reply`, { message_type: "note", type: "admin", admin_id: "7350004", body: "FYI" });
    expect(note.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({ part_type: "note", body: "FYI" });
    expect(note.body.state).toBe("closed");
    const contact = contacts().find((c) => c.id === closed.contacts.contacts[0]!.id)!;
    const reply = await api("POST", `/conversations/${closed.id}/reply`, { message_type: "comment", type: "user", email: contact.email, body: "Still broken" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ state: "open", open: true, snoozed_until: null, read: false });
    expect(reply.body.waiting_since).toEqual(expect.any(Number));
    expect(reply.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({ part_type: "comment", author: { type: contact.role, id: contact.id } });
  });

  it("validates replies", async () => {
    const id = convs()[201]!.id;
    expectError(await api("POST", `/conversations/${id}/reply`, { type: "admin", admin_id: "7350001", body: "x" }), 400, "parameter_not_found");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "comment", admin_id: "7350001", body: "x" }), 400, "parameter_not_found");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "comment", type: "admin", body: "x" }), 400, "parameter_not_found");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "comment", type: "admin", admin_id: "7350001" }), 400, "parameter_invalid");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "shout", type: "admin", admin_id: "7350001", body: "x" }), 400, "parameter_invalid");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "note", type: "user", intercom_user_id: contacts()[0]!.id, body: "x" }), 400, "parameter_invalid");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "comment", type: "user", body: "x" }), 400, "parameter_not_found");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "comment", type: "admin", admin_id: "1", body: "x" }), 404, "admin_not_found");
    expectError(await api("POST", `/conversations/${id}/reply`, { message_type: "comment", type: "user", intercom_user_id: "ffffffffffffffffffffffff", body: "x" }), 404, "not_found");
    expectError(await api("POST", `/conversations/424242/reply`, { message_type: "comment", type: "admin", admin_id: "7350001", body: "x" }), 404, "not_found");
  });

  it("PUT updates read, custom_attributes and title", async () => {
    const id = convs()[202]!.id;
    const res = await api("PUT", `/conversations/${id}`, { read: false, custom_attributes: { issue_type: "Refund", escalated: true }, title: "Refund for ACME" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ read: false, title: "Refund for ACME", custom_attributes: { issue_type: "Refund", escalated: true } });
    expect(res.body.conversation_parts.type).toBe("conversation_part.list");
    const back = await api("GET", `/conversations/${id}`);
    expect(back.body).toMatchObject({ read: false, title: "Refund for ACME", custom_attributes: { escalated: true } });
    expectError(await api("PUT", `/conversations/${id}`, { read: "yes" }), 400, "parameter_invalid");
    expectError(await api("PUT", `/conversations/${id}`, { custom_attributes: { nested: { a: 1 } } }), 400, "parameter_invalid");
    expectError(await api("PUT", `/conversations/4242424`, { read: true }), 404, "not_found");
  });

  it("manage: close, open, snooze, assign (and unassign), with read-back", async () => {
    const c = convs().find((x) => x.state === "open")!;
    const path = `/conversations/${c.id}/parts`;
    const close = await api("POST", path, { message_type: "close", type: "admin", admin_id: "7350001", body: "Bye" });
    expect(close.body).toMatchObject({ state: "closed", open: false, snoozed_until: null });
    expect(close.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({ part_type: "close", body: "Bye", author: { type: "admin", id: "7350001" } });
    expect(close.body.statistics.last_closed_by_id).toBe("7350001");

    const reopens = close.body.statistics.count_reopens;
    const open = await api("POST", path, { message_type: "open", admin_id: "7350001" });
    expect(open.body).toMatchObject({ state: "open", open: true });
    expect(open.body.statistics.count_reopens).toBe(reopens + 1);
    expect(open.body.conversation_parts.conversation_parts.at(-1).part_type).toBe("open");

    const until = Math.floor(Date.now() / 1000) + 86_400;
    const snooze = await api("POST", path, { message_type: "snoozed", admin_id: "7350001", snoozed_until: until });
    expect(snooze.body).toMatchObject({ state: "snoozed", open: true, snoozed_until: until });
    expect(snooze.body.conversation_parts.conversation_parts.at(-1).part_type).toBe("snoozed");

    const assign = await api("POST", path, { message_type: "assignment", type: "admin", admin_id: "7350001", assignee_id: "7350005", body: "Over to billing" });
    expect(assign.body.admin_assignee_id).toBe(7350005);
    expect(assign.body.state).toBe("open"); // assignment reopens
    expect(assign.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({
      part_type: "assign_and_reopen",
      assigned_to: { type: "admin", id: "7350005" },
      body: "Over to billing",
    });
    const team = await api("POST", path, { message_type: "assignment", type: "team", admin_id: "7350001", assignee_id: 5017003 });
    expect(team.body.team_assignee_id).toBe(5017003);
    expect(team.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({ part_type: "assignment", assigned_to: { type: "team", id: "5017003" } });
    const unassign = await api("POST", path, { message_type: "assignment", type: "admin", admin_id: "7350001", assignee_id: "0" });
    expect(unassign.body.admin_assignee_id).toBeNull();

    const back = await api("GET", `/conversations/${c.id}`);
    expect(back.body).toEqual(unassign.body);
    const found = await searchAll("conversations", { field: "team_assignee_id", operator: "=", value: 5017003 });
    expect(found).toContain(c.id);
  });

  it("validates manage requests", async () => {
    const path = `/conversations/${convs()[5]!.id}/parts`;
    expectError(await api("POST", path, { admin_id: "7350001" }), 400, "parameter_not_found");
    expectError(await api("POST", path, { message_type: "explode", admin_id: "7350001" }), 400, "parameter_invalid");
    expectError(await api("POST", path, { message_type: "close", admin_id: "7350001" }), 400, "parameter_not_found");
    expectError(await api("POST", path, { message_type: "close", type: "admin" }), 400, "parameter_not_found");
    expectError(await api("POST", path, { message_type: "snoozed", admin_id: "7350001" }), 400, "parameter_not_found");
    expectError(await api("POST", path, { message_type: "snoozed", admin_id: "7350001", snoozed_until: "tomorrow" }), 400, "parameter_invalid");
    expectError(await api("POST", path, { message_type: "assignment", type: "admin", admin_id: "7350001" }), 400, "parameter_not_found");
    expectError(await api("POST", path, { message_type: "assignment", type: "robot", admin_id: "7350001", assignee_id: "1" }), 400, "parameter_invalid");
    expectError(await api("POST", path, { message_type: "open", admin_id: "999" }), 404, "admin_not_found");
    expectError(await api("POST", path, { message_type: "assignment", type: "team", admin_id: "7350001", assignee_id: "123" }), 404, "assignee_not_found");
    expectError(await api("POST", "/conversations/31337/parts", { message_type: "open", admin_id: "7350001" }), 404, "not_found");
  });
});

describe("search index lag", () => {
  it("hides records written less than searchIndexLagMs ago from search, not from GET", async () => {
    const lagged = await startSandbox({ searchIndexLagMs: 300 });
    try {
      const id = lagged.workspace.conversations[0]!.id;
      const byId = { field: "id", operator: "=", value: id };
      expect((await api("POST", "/conversations/search", { query: byId }, lagged)).body.total_count).toBe(1);
      await api("PUT", `/conversations/${id}`, { read: true }, lagged);
      expect((await api("POST", "/conversations/search", { query: byId }, lagged)).body.total_count).toBe(0);
      expect((await api("GET", `/conversations/${id}`, undefined, lagged)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 350));
      expect((await api("POST", "/conversations/search", { query: byId }, lagged)).body.total_count).toBe(1);
      // Contacts follow the same rule (no contact writes exist yet: mark one as just written).
      const contact = lagged.workspace.contacts[0]!;
      lagged.workspace.lastWriteAt.contacts.set(contact.id, Date.now());
      expect((await api("POST", "/contacts/search", { query: { field: "id", operator: "=", value: contact.id } }, lagged)).body.total_count).toBe(0);
    } finally {
      await lagged.close();
    }
  });
});

describe("rate limiting", () => {
  it("reports X-RateLimit-* on every response", async () => {
    const res = await api("GET", "/me");
    expect(Number(res.headers.get("x-ratelimit-limit"))).toBe(10_000);
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeLessThan(10_000);
    const reset = Number(res.headers.get("x-ratelimit-reset"));
    const now = Date.now() / 1000;
    expect(reset).toBeGreaterThan(now);
    expect(reset).toBeLessThanOrEqual(Math.ceil(now) + 10);
    expect(reset % 10).toBe(0); // 10-second windows
    expect((await api("GET", "/nope")).headers.get("x-ratelimit-reset")).toBeTruthy();
  });

  it("answers 429 rate_limit_exceeded past the window budget", async () => {
    const limited = await startSandbox({ rateLimitPerWindow: 5 });
    try {
      // Stay clear of a window boundary so all requests land in one window.
      while (Date.now() % 10_000 > 8_000) await new Promise((r) => setTimeout(r, 100));
      const remaining: number[] = [];
      for (let i = 0; i < 5; i++) {
        const ok = await api("GET", "/me", undefined, limited);
        expect(ok.status).toBe(200);
        remaining.push(Number(ok.headers.get("x-ratelimit-remaining")));
      }
      expect(remaining).toEqual([4, 3, 2, 1, 0]);
      const over = await api("GET", "/admins", undefined, limited);
      expectError(over, 429, "rate_limit_exceeded");
      expect(over.headers.get("x-ratelimit-limit")).toBe("5");
      expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(over.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
      expect(limited.requests.at(-1)).toMatchObject({ path: "/admins", status: 429 });
    } finally {
      await limited.close();
    }
  });
});

describe("fault injection", () => {
  it("fails the next matching request(s) with an error.list, then recovers", async () => {
    sandbox.injectFault({ method: "GET", path: "/me", status: 503 });
    expectError(await api("GET", "/me"), 503, "service_unavailable");
    expect((await api("GET", "/me")).status).toBe(200);

    sandbox.injectFault({ path: /^\/conversations\/\d+$/, status: 403, code: "api_plan_restricted", message: "Active subscription needed.", times: 2 });
    expect((await api("GET", "/admins")).status).toBe(200); // not matching
    const first = await api("GET", "/conversations/10001");
    expect(first.body.errors[0]).toEqual({ code: "api_plan_restricted", message: "Active subscription needed." });
    expectError(await api("PUT", "/conversations/10001", { read: true }), 403, "api_plan_restricted");
    expect((await api("GET", "/conversations/10001")).status).toBe(200);

    sandbox.injectFault({ method: "post", path: "/conversations/search", status: 429 });
    const limited = await api("POST", "/conversations/search", { query: { field: "id", operator: "=", value: "1" } });
    expectError(limited, 429, "rate_limit_exceeded");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-ratelimit-reset")).toBeTruthy();

    sandbox.injectFault({ path: "/teams", status: 500, body: { unexpected: true } });
    const raw = await api("GET", "/teams");
    expect(raw.status).toBe(500);
    expect(raw.body).toEqual({ unexpected: true });

    sandbox.injectFault({ path: "/teams", status: 502, body: "<html>Bad gateway</html>" });
    const html = await fetch(`${sandbox.url}/teams`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(html.status).toBe(502);
    expect(await html.text()).toBe("<html>Bad gateway</html>");
  });

  it("can delay the answer to exercise client timeouts", async () => {
    sandbox.injectFault({ path: "/me", status: 504, delayMs: 200 });
    const started = Date.now();
    expectError(await api("GET", "/me"), 504, "gateway_timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });
});

describe("request log", () => {
  it("records method, path, query, body and status — never the token", async () => {
    sandbox.clearRequests();
    expect(sandbox.requests).toEqual([]);
    await api("GET", "/conversations?per_page=3&starting_after=");
    await api("POST", "/contacts/search", { query: { field: "role", operator: "=", value: "lead" }, pagination: { per_page: 2 } });
    await api("GET", "/conversations/31337");
    sandbox.injectFault({ path: "/me", status: 500 });
    await api("GET", "/me");
    await fetch(`${sandbox.url}/me`); // unauthenticated: not recorded
    expect(sandbox.requests).toEqual([
      { method: "GET", path: "/conversations", query: { per_page: "3", starting_after: "" }, body: undefined, status: 200, intercomVersion: "2.11", requestId: null },
      { method: "POST", path: "/contacts/search", query: {}, body: { query: { field: "role", operator: "=", value: "lead" }, pagination: { per_page: 2 } }, status: 200, intercomVersion: "2.11", requestId: null },
      { method: "GET", path: "/conversations/31337", query: {}, body: undefined, status: 404, intercomVersion: "2.11", requestId: null },
      { method: "GET", path: "/me", query: {}, body: undefined, status: 500, intercomVersion: "2.11", requestId: null },
    ]);
    expect(JSON.stringify(sandbox.requests)).not.toContain(TOKEN);
    expect(JSON.stringify(sandbox.requests)).not.toMatch(/authorization/i);
    sandbox.clearRequests();
    expect(sandbox.requests).toHaveLength(0);
  });

  it("is bounded: keeps the most recent maxRecordedRequests, oldest dropped, in order", async () => {
    const small = await startSandbox({ port: 0, maxRecordedRequests: 5 });
    try {
      for (let i = 1; i <= 12; i++) await api("GET", `/conversations/${90000 + i}`, undefined, small);
      expect(small.requests.map((r) => r.path)).toEqual([8, 9, 10, 11, 12].map((i) => `/conversations/${90000 + i}`));
      expect(small.requests.every((r) => r.status === 404)).toBe(true);
      expect(small.droppedRequests).toBe(7);
      // Wrapped around the ring more than once, still oldest first.
      for (let i = 13; i <= 19; i++) await api("GET", `/conversations/${90000 + i}`, undefined, small);
      expect(small.requests.map((r) => r.path)).toEqual([15, 16, 17, 18, 19].map((i) => `/conversations/${90000 + i}`));
      small.clearRequests();
      expect(small.requests).toEqual([]);
      expect(small.droppedRequests).toBe(0);
      await api("GET", "/admins", undefined, small);
      expect(small.requests.map((r) => r.path)).toEqual(["/admins"]);
    } finally {
      await small.close();
    }
  });

  it("keeps the last 10,000 by default; 0 records none; a bad bound is refused", async () => {
    expect(DEFAULT_MAX_RECORDED_REQUESTS).toBe(10_000);
    expect(sandbox.maxRecordedRequests).toBe(DEFAULT_MAX_RECORDED_REQUESTS); // started without the option
    const log = new RequestLog<number>(DEFAULT_MAX_RECORDED_REQUESTS);
    for (let i = 0; i < 25_000; i++) log.push(i);
    expect(log.size).toBe(10_000);
    expect(log.dropped).toBe(15_000);
    const kept = log.toArray();
    expect(kept[0]).toBe(15_000);
    expect(kept.at(-1)).toBe(24_999);
    expect(kept.every((v, i) => v === 15_000 + i)).toBe(true);

    const none = await startSandbox({ port: 0, maxRecordedRequests: 0 });
    try {
      expect((await api("GET", "/admins", undefined, none)).status).toBe(200);
      expect(none.requests).toEqual([]);
      expect(none.droppedRequests).toBe(1);
    } finally {
      await none.close();
    }
    await expect(startSandbox({ port: 0, maxRecordedRequests: -1 })).rejects.toThrow(/non-negative integer/);
    await expect(startSandbox({ port: 0, maxRecordedRequests: 2.5 })).rejects.toThrow(/non-negative integer/);
  });

});
