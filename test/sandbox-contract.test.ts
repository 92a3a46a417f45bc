// Contract test: real sandbox responses validated against the 200 (and error) response
// schemas of the Intercom 2.11 OpenAPI document, with ajv.
import { describe, expect, it } from "vitest";
import { answerProblems, contractSuite, expectValid, specExists, UNDECLARED_BODIES, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract");

describe.skipIf(!specExists)("sandbox ⇄ Intercom 2.11 OpenAPI response schemas", () => {
  const suite = contractSuite();

  const validatorFor = (method: string, apiPath: string, status = "200") => suite.validators.validatorFor(method, apiPath, status);
  const errorValidator = () => suite.validators.errorValidator();

  const { call, check } = suite;

  it("the converted schemas do reject broken bodies (negative control)", async () => {
    const good = (await call("GET", "/conversations/10002")).body as Record<string, any>;
    const validate = validatorFor("GET", "/conversations/{conversation_id}");
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, admin_assignee_id: "7350001" })).toBe(false); // integer in the schema
    expect(validate({ ...good, state: "pending" })).toBe(false);
    expect(validate({ ...good, statistics: null })).toBe(false); // not nullable in the schema
    const { teammates: _t, ...withoutTeammates } = good;
    expect(validate(withoutTeammates)).toBe(false);
    const badPart = { ...good.conversation_parts.conversation_parts[0], author: { type: "admin", id: "1", name: "x", email: "not-an-email" } };
    expect(validate({ ...good, conversation_parts: { ...good.conversation_parts, conversation_parts: [badPart] } })).toBe(false);
    expect(validate({ ...good, snoozed_until: null, waiting_since: null, title: null, ai_agent: null, sla_applied: null })).toBe(true);
  });

  it("the converted schemas are strict: no undeclared property, formats checked (negative control)", async () => {
    const conversation = (await call("GET", "/conversations/10002")).body as Record<string, any>;
    const validate = validatorFor("GET", "/conversations/{conversation_id}");
    expect(validate({ ...conversation, tags_extra: [] })).toBe(false);
    expect(validate({ ...conversation, statistics: { ...conversation.statistics, undeclared: 1 } })).toBe(false);
    expect(validate({ ...conversation, topics: {} })).toBe(true); // required, though its properties forget it
    // allOf: `article` is article_list_item plus statistics; the composite closes over both parts.
    const article = (await call("GET", `/articles/${suite.sandbox.workspace.articles[0]!.id}`)).body as Record<string, any>;
    const validateArticle = validatorFor("GET", "/articles/{article_id}");
    expect(validateArticle(article)).toBe(true);
    expect(validateArticle({ ...article, undeclared: true })).toBe(false);
    // A schema without properties stays free-form (a contact's custom_attributes); a listed one is closed.
    const contact = (await call("GET", `/contacts/${suite.sandbox.workspace.contacts[0]!.id}`)).body as Record<string, any>;
    const validateContact = validatorFor("GET", "/contacts/{contact_id}");
    expect(validateContact({ ...contact, custom_attributes: { anything: 1 } })).toBe(true);
    expect(validateContact({ ...contact, location: { ...contact.location, country_code: "IRL" } })).toBe(false);
    expect(validateContact({ ...contact, utm_source: "google" })).toBe(false);
    // Formats: error.request_id is a uuid, admin emails are emails.
    const error = (await call("GET", "/conversations/999999999")).body;
    expect(errorValidator()(error)).toBe(true);
    expect(errorValidator()({ ...error, request_id: "not-a-uuid" })).toBe(false);
    const me = (await call("GET", "/me")).body;
    expect(validatorFor("GET", "/me")({ ...me, app: { ...me.app, secure: false } })).toBe(false);
  });

  it("answers are judged by the operation's declared content (negative control of the check every call runs)", () => {
    const judge = (method: string, path: string, status: number, contentType: string | null, text: string) =>
      answerProblems(suite.spec, method, path, status, contentType, text);
    // No content declared: no body and no JSON content type.
    expect(judge("POST", "/events", 202, null, "")).toEqual([]);
    expect(judge("POST", "/events", 202, "application/json; charset=utf-8", "")).toHaveLength(1);
    expect(judge("DELETE", "/tags/123", 200, "application/json", "{}")).toHaveLength(2);
    expect(judge("POST", "/events/summaries", 200, null, "ok")).toHaveLength(1);
    // A success status the operation does not declare.
    expect(judge("POST", "/events", 200, null, "")).toHaveLength(1);
    // Content declared: that content type, and a body that is JSON.
    expect(judge("GET", "/admins", 200, "application/json; charset=utf-8", '{"type":"admin.list","admins":[]}')).toEqual([]);
    expect(judge("GET", "/admins", 200, "text/html", "<p>hi</p>")).toHaveLength(1);
    expect(judge("GET", "/admins", 200, null, "")).toHaveLength(1);
    expect(judge("GET", "/admins", 200, "application/json", "not json")).toHaveLength(1);
    // Statuses the document leaves out (most errors) must still be JSON.
    expect(judge("GET", "/admins", 500, "text/plain", "boom")).toHaveLength(1);
    // The literal segment wins: /contacts/search is not /contacts/{contact_id}.
    expect(judge("POST", "/contacts/search", 200, null, "")).toHaveLength(1);
  });

  it("every operation whose success declares no content answers without a body or a JSON content type", async () => {
    const ws = suite.sandbox.workspace;
    const user = ws.contacts.find((c) => c.role === "user" && c.external_id)!;
    const drivers: Record<string, () => Promise<{ status: number; text: string; contentType: string | null }>> = {
      "POST /events": () => call("POST", "/events", { event_name: "no-content-checked", created_at: 1790000000, user_id: user.external_id }),
      "POST /events/summaries": () =>
        call("POST", "/events/summaries", { user_id: user.external_id, event_summaries: { event_name: "no-content", count: 1, first: 1700000000, last: 1700000000 } }),
      "DELETE /tags/{tag_id}": async () => {
        const tag = await check("POST", "/tags", "/tags", { name: "No content doomed" });
        return call("DELETE", `/tags/${tag.id}`);
      },
      "GET /download/content/data/{job_identifier}": async () => {
        const job = await check("POST", "/export/content/data", "/export/content/data", { created_at_after: 1719474967, created_at_before: 1893456000 });
        for (let i = 0; i < 2; i++) await call("GET", `/export/content/data/${job.job_identifier}`);
        return call("GET", `/download/content/data/${job.job_identifier}`, undefined, { Accept: "application/octet-stream" });
      },
    };
    const noContent = Object.entries(suite.spec.paths).flatMap(([apiPath, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.entries(operation.responses ?? {})
          .filter(([status, response]) => status.startsWith("2") && !response.content)
          .map(([status]) => ({ key: `${method.toUpperCase()} ${apiPath}`, status: Number(status) })),
      ),
    );
    expect(noContent.map((o) => o.key).sort()).toEqual(Object.keys(drivers).sort());
    for (const { key, status } of noContent) {
      // call() has already judged the answer by the document (answerProblems); this is what it judged.
      const res = await drivers[key]!();
      expect(res.status, key).toBe(status);
      if (UNDECLARED_BODIES[key]) expect(res.contentType, key).toBe(UNDECLARED_BODIES[key]!.contentType);
      else expect({ key, text: res.text, contentType: res.contentType }).toEqual({ key, text: "", contentType: null });
    }
  });

  it("GET /me → admin_with_app", async () => {
    await check("GET", "/me", "/me");
  });

  it("GET /admins (with and without avatars) → admin_list", async () => {
    await check("GET", "/admins", "/admins");
    const body = await check("GET", "/admins", "/admins?display_avatar=true");
    expect(body.admins.length).toBeGreaterThanOrEqual(8);
  });

  it("GET /admins/{admin_id} → admin, for every admin", async () => {
    for (const admin of suite.sandbox.workspace.admins) await check("GET", "/admins/{admin_id}", `/admins/${admin.id}`);
  });

  it("GET /teams and /teams/{team_id} → team_list, team", async () => {
    await check("GET", "/teams", "/teams");
    for (const team of suite.sandbox.workspace.teams) await check("GET", "/teams/{team_id}", `/teams/${team.id}`);
  });

  it("GET /contacts/{contact_id} → contact, for a varied sample", async () => {
    const contacts = suite.sandbox.workspace.contacts;
    const sample = [
      ...contacts.slice(0, 20),
      ...contacts.filter((c) => c.role === "lead").slice(0, 10),
      ...contacts.filter((c) => c.name === null).slice(0, 3),
      ...contacts.filter((c) => c.notes.total_count > 0).slice(0, 3),
      ...contacts.filter((c) => c.ios_device !== null || c.android_device !== null).slice(0, 3),
    ];
    for (const c of sample) await check("GET", "/contacts/{contact_id}", `/contacts/${c.id}`);
  });

  it("POST /contacts/search → contact_list, every contact across pages", async () => {
    let startingAfter: string | undefined;
    let seen = 0;
    do {
      const body = await check("POST", "/contacts/search", "/contacts/search", {
        query: { field: "created_at", operator: ">", value: 0 },
        pagination: { per_page: 150, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      });
      seen += body.data.length;
      startingAfter = body.pages.next?.starting_after;
    } while (startingAfter);
    expect(seen).toBe(suite.sandbox.workspace.contacts.length);
  });

  it("GET /conversations → paginated_conversation_response, every page", async () => {
    let startingAfter: string | undefined;
    let seen = 0;
    do {
      const body = await check("GET", "/conversations", `/conversations?per_page=150${startingAfter ? `&starting_after=${encodeURIComponent(startingAfter)}` : ""}`);
      seen += body.conversations.length;
      startingAfter = body.pages.next?.starting_after;
    } while (startingAfter);
    expect(seen).toBe(suite.sandbox.workspace.conversations.length);
  });

  it("GET /conversations/{conversation_id} → conversation, for every conversation", async () => {
    for (const c of suite.sandbox.workspace.conversations) {
      await check("GET", "/conversations/{conversation_id}", `/conversations/${c.id}`);
    }
    await check("GET", "/conversations/{conversation_id}", `/conversations/${suite.sandbox.workspace.conversations[0]!.id}?display_as=plaintext`);
  });

  it("POST /conversations/search → paginated_conversation_response", async () => {
    const body = await check("POST", "/conversations/search", "/conversations/search", {
      query: { operator: "OR", value: [{ field: "state", operator: "=", value: "open" }, { field: "priority", operator: "=", value: "priority" }] },
      pagination: { per_page: 50 },
    });
    expect(body.conversations.length).toBeGreaterThan(0);
  });

  it("PUT /conversations/{conversation_id} → conversation", async () => {
    await check("PUT", "/conversations/{conversation_id}", "/conversations/10020", { read: true, custom_attributes: { issue_type: "Billing", escalated: true } });
  });

  it("POST /conversations/{conversation_id}/reply (admin comment, admin note, contact comment) → conversation", async () => {
    const c = suite.sandbox.workspace.conversations[30]!;
    const contactId = c.contacts.contacts[0]!.id;
    await check("POST", "/conversations/{conversation_id}/reply", `/conversations/${c.id}/reply`, { message_type: "comment", type: "admin", admin_id: "7350002", body: "<p>On it!</p>" });
    await check("POST", "/conversations/{conversation_id}/reply", `/conversations/${c.id}/reply`, { message_type: "note", type: "admin", admin_id: "7350003", body: "Internal note" });
    await check("POST", "/conversations/{conversation_id}/reply", `/conversations/${c.id}/reply`, { message_type: "comment", type: "user", intercom_user_id: contactId, body: "Thanks!" });
  });

  it("POST /conversations/{conversation_id}/parts (close, snoozed, open, assignment) → conversation", async () => {
    const id = suite.sandbox.workspace.conversations[31]!.id;
    const op = "/conversations/{conversation_id}/parts";
    await check("POST", op, `/conversations/${id}/parts`, { message_type: "close", type: "admin", admin_id: "7350001", body: "Closing" });
    await check("POST", op, `/conversations/${id}/parts`, { message_type: "open", admin_id: "7350001" });
    await check("POST", op, `/conversations/${id}/parts`, { message_type: "snoozed", admin_id: "7350001", snoozed_until: 1_900_000_000 });
    await check("POST", op, `/conversations/${id}/parts`, { message_type: "assignment", type: "team", admin_id: "7350001", assignee_id: "5017002" });
    await check("POST", op, `/conversations/${id}/parts`, { message_type: "assignment", type: "admin", admin_id: "7350001", assignee_id: "0" });
  });

  it("401 and 404 bodies → error", async () => {
    const unauthorized = await fetch(`${suite.sandbox.url}/me`);
    expect(unauthorized.status).toBe(401);
    expectValid(errorValidator(), await unauthorized.json(), "401 /me");
    const unknownRoute = await call("GET", "/nope");
    expect(unknownRoute.status).toBe(404);
    expectValid(errorValidator(), unknownRoute.body, "404 unknown route");
    const missing = await call("GET", "/conversations/999999999");
    expect(missing.status).toBe(404);
    expectValid(validatorFor("GET", "/conversations/{conversation_id}", "404"), missing.body, "404 conversation");
    const missingAdmin = await call("GET", "/admins/1");
    expect(missingAdmin.status).toBe(404);
    expectValid(errorValidator(), missingAdmin.body, "404 admin");
  });
});
