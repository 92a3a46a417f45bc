// Contract test: the sandbox's tag and note endpoints validated against the 200 (and error)
// response schemas of the Intercom 2.11 OpenAPI document.
import { describe, expect, it } from "vitest";
import type { Sandbox } from "../src/sandbox/index.js";
import { contractSuite, expectValid, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-tags-notes");

describe.skipIf(!specExists)("sandbox tags and notes ⇄ Intercom 2.11 OpenAPI response schemas", () => {
  const suite = contractSuite();

  const { call, check } = suite;

  /** An error answer; where the document declares this status for the operation, its schema holds too. */
  async function checkError(method: string, apiPath: string, urlPath: string, status: number, code: string, body?: unknown) {
    const errors = await suite.checkError(method, urlPath, status, code, body);
    const declared = suite.spec.paths[apiPath]?.[method.toLowerCase()]?.responses[String(status)];
    if (declared?.content) expectValid(suite.validators.validatorFor(method, apiPath, String(status)), errors, `${status} ${method} ${urlPath}`);
  }

  const ws = () => suite.sandbox.workspace;
  const contactWith = (pred: (c: Sandbox["workspace"]["contacts"][number]) => boolean) => ws().contacts.find(pred)!;

  it("GET /tags → tag_list, the whole workspace list", async () => {
    const body = await check("GET", "/tags", "/tags");
    expect(body.data.map((t: any) => t.id)).toEqual(ws().tags.map((t) => t.id));
  });

  it("GET /tags/{tag_id} → tag_basic, for every tag; 404 for an unknown one", async () => {
    for (const tag of ws().tags) await check("GET", "/tags/{tag_id}", `/tags/${tag.id}`);
    await checkError("GET", "/tags/{tag_id}", "/tags/1", 404, "not_found");
  });

  it("POST /tags → tag_basic for each of the four payloads; 400 and 404 per the document", async () => {
    const created = await check("POST", "/tags", "/tags", { name: "Contract created" });
    await check("POST", "/tags", "/tags", { name: "Contract renamed", id: created.id });
    const company = ws().companies[0]!;
    await check("POST", "/tags", "/tags", { name: "Contract companies", companies: [{ id: company.id }, { company_id: ws().companies[1]!.company_id }] });
    await check("POST", "/tags", "/tags", { name: "Contract companies", companies: [{ id: company.id, company_id: company.company_id, untag: true }] });
    await check("POST", "/tags", "/tags", { name: "Contract users", users: [{ id: ws().contacts[0]!.id }, { id: ws().contacts[1]!.id }] });
    await checkError("POST", "/tags", "/tags", 400, "parameter_invalid", { test: "invalid" });
    await checkError("POST", "/tags", "/tags", 404, "company_not_found", { name: "test", companies: [{ company_id: "123" }] });
    await checkError("POST", "/tags", "/tags", 404, "not_found", { name: "test", users: [{ id: "123" }] });
  });

  it("DELETE /tags/{tag_id} → 200 without a body; 400 tag_has_dependent_objects; 404", async () => {
    const created = await check("POST", "/tags", "/tags", { name: "Contract doomed" });
    const res = await call("DELETE", `/tags/${created.id}`);
    expect(res.status).toBe(200);
    await checkError("DELETE", "/tags/{tag_id}", `/tags/${created.id}`, 404, "not_found");
    const used = ws().tags.find((t) => ws().tagSegments.has(t.id))!;
    await checkError("DELETE", "/tags/{tag_id}", `/tags/${used.id}`, 400, "tag_has_dependent_objects");
  });

  it("GET /contacts/{contact_id}/tags → tag_list with applied_at/applied_by; 404 for an unknown contact", async () => {
    const contact = contactWith((c) => c.tags.data.length >= 2);
    const body = await check("GET", "/contacts/{contact_id}/tags", `/contacts/${contact.id}/tags`);
    expect(body.data.map((t: any) => t.id)).toEqual(contact.tags.data.map((r) => r.id));
    expect(body.data.every((t: any) => typeof t.applied_at === "number" && t.applied_by.type === "admin")).toBe(true);
    await check("GET", "/contacts/{contact_id}/tags", `/contacts/${contactWith((c) => c.tags.data.length === 0).id}/tags`);
    await checkError("GET", "/contacts/{contact_id}/tags", "/contacts/000000000000000000000000/tags", 404, "not_found");
  });

  it("POST and DELETE /contacts/{contact_id}/tags → tag; unknown tag 404", async () => {
    const contact = contactWith((c) => c.tags.data.length === 0);
    const tag = ws().tags[3]!;
    await check("POST", "/contacts/{contact_id}/tags", `/contacts/${contact.id}/tags`, { id: tag.id });
    await check("POST", "/contacts/{contact_id}/tags", `/contacts/${contact.id}/tags`, { id: Number(ws().tags[4]!.id) }); // examples send integers
    expect(contact.tags.data.map((r) => r.id)).toEqual([tag.id, ws().tags[4]!.id]);
    await check("DELETE", "/contacts/{contact_id}/tags/{tag_id}", `/contacts/${contact.id}/tags/${tag.id}`);
    expect(contact.tags.data.map((r) => r.id)).toEqual([ws().tags[4]!.id]);
    await checkError("POST", "/contacts/{contact_id}/tags", `/contacts/${contact.id}/tags`, 404, "not_found", { id: "123" });
    await checkError("POST", "/contacts/{contact_id}/tags", "/contacts/000000000000000000000000/tags", 404, "not_found", { id: tag.id });
    await checkError("POST", "/contacts/{contact_id}/tags", `/contacts/${contact.id}/tags`, 400, "parameter_not_found", {});
  });

  it("POST and DELETE /conversations/{conversation_id}/tags → tag; admin_id required; 404s", async () => {
    const conversation = ws().conversations.find((c) => c.tags.tags.length === 0)!;
    const tag = ws().tags[2]!;
    const admin = ws().admins[2]!;
    const added = await check("POST", "/conversations/{conversation_id}/tags", `/conversations/${conversation.id}/tags`, { id: tag.id, admin_id: admin.id });
    expect(added.applied_by).toEqual({ type: "admin", id: admin.id });
    expect(conversation.tags.tags.map((t) => t.id)).toEqual([tag.id]);
    await check("DELETE", "/conversations/{conversation_id}/tags/{tag_id}", `/conversations/${conversation.id}/tags/${tag.id}`, { admin_id: admin.id });
    expect(conversation.tags.tags).toEqual([]);
    await checkError("POST", "/conversations/{conversation_id}/tags", `/conversations/${conversation.id}/tags`, 400, "parameter_not_found", { id: tag.id });
    await checkError("POST", "/conversations/{conversation_id}/tags", "/conversations/1/tags", 404, "not_found", { id: tag.id, admin_id: admin.id });
    await checkError("DELETE", "/conversations/{conversation_id}/tags/{tag_id}", `/conversations/${conversation.id}/tags/${tag.id}`, 404, "tag_not_found", { admin_id: admin.id });
    await checkError("DELETE", "/conversations/{conversation_id}/tags/{tag_id}", `/conversations/${conversation.id}/tags/${tag.id}`, 400, "parameter_not_found");
  });

  it("GET /notes/{note_id} → note, for every seeded note; 404 for an unknown one", async () => {
    for (const note of ws().notes) await check("GET", "/notes/{note_id}", `/notes/${note.id}`);
    await checkError("GET", "/notes/{note_id}", "/notes/1", 404, "not_found");
  });

  it("GET /contacts/{contact_id}/notes → note_list, every page, newest first", async () => {
    const contact = contactWith((c) => c.notes.data.length > 15);
    const seen: string[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const body = await check("GET", "/contacts/{contact_id}/notes", `/contacts/${contact.id}/notes?page=${page}&per_page=10`);
      seen.push(...body.data.map((n: any) => n.id));
      total = body.total_count;
      if (page >= body.pages.total_pages) break;
    }
    expect(total).toBe(contact.notes.data.length);
    expect(new Set(seen)).toEqual(new Set(contact.notes.data.map((r) => r.id)));
    await check("GET", "/contacts/{contact_id}/notes", `/contacts/${contactWith((c) => c.notes.data.length === 0).id}/notes`);
    await checkError("GET", "/contacts/{contact_id}/notes", "/contacts/000000000000000000000000/notes", 404, "not_found");
  });

  it("POST /contacts/{contact_id}/notes → note, retrievable and listed; 404s per the document", async () => {
    const contact = contactWith((c) => c.notes.data.length === 0);
    const note = await check("POST", "/contacts/{contact_id}/notes", `/contacts/${contact.id}/notes`, { body: "Hello", admin_id: Number(ws().admins[1]!.id) });
    expect(note.body).toBe("<p>Hello</p>");
    expect(note.author.id).toBe(ws().admins[1]!.id);
    await check("GET", "/notes/{note_id}", `/notes/${note.id}`);
    expect(contact.notes.data.map((r) => r.id)).toEqual([note.id]);
    await checkError("POST", "/contacts/{contact_id}/notes", `/contacts/${contact.id}/notes`, 404, "not_found", { body: "Hello", admin_id: 123 });
    await checkError("POST", "/contacts/{contact_id}/notes", "/contacts/123/notes", 404, "not_found", { body: "Hello" });
    await checkError("POST", "/contacts/{contact_id}/notes", `/contacts/${contact.id}/notes`, 400, "parameter_not_found", {});
  });
});
