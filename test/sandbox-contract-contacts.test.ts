// Contract test of the contacts group: sandbox responses validated against the
// 200 (and error) response schemas of the Intercom 2.11 OpenAPI document.
import { describe, expect, it } from "vitest";
import { contractSuite, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-contacts");

describe.skipIf(!specExists)("contacts sandbox ⇄ Intercom 2.11 OpenAPI response schemas", () => {
  const suite = contractSuite();

  const { call, check, checkError } = suite;

  const ws = () => suite.sandbox.workspace;

  it("GET /contacts → contact_list, every contact across pages, archived ones left out", async () => {
    let startingAfter: string | undefined;
    const seen: string[] = [];
    do {
      const q = `per_page=150${startingAfter ? `&starting_after=${encodeURIComponent(startingAfter)}` : ""}`;
      const body = await check("GET", "/contacts", `/contacts?${q}`);
      expect(body.total_count).toBe(ws().contacts.length);
      seen.push(...body.data.map((c: { id: string }) => c.id));
      startingAfter = body.pages.next?.starting_after;
    } while (startingAfter);
    expect(new Set(seen)).toEqual(new Set(ws().contacts.map((c) => c.id)));
    expect(seen).toHaveLength(ws().contacts.length);
    const archived = ws().archivedContacts.map((c) => c.id);
    expect(archived.length).toBeGreaterThan(0);
    expect(seen.filter((id) => archived.includes(id))).toEqual([]);
    const defaults = await check("GET", "/contacts", "/contacts");
    expect(defaults.data).toHaveLength(50);
    await checkError("GET", "/contacts?per_page=151", 400, "parameter_invalid");
  });

  it("POST /contacts → contact (user by email, lead by role, user by external_id with every attribute)", async () => {
    const user = await check("POST", "/contacts", "/contacts", { email: "contract.user@northwind.example" });
    expect(user).toMatchObject({ role: "user", email: "contract.user@northwind.example", email_domain: "northwind.example" });
    const lead = await check("POST", "/contacts", "/contacts", { role: "lead" });
    expect(lead.role).toBe("lead");
    const full = await check("POST", "/contacts", "/contacts", {
      external_id: "contract-ext-1",
      role: "user",
      email: "full@northwind.example",
      phone: "+353 87 123 4567",
      name: "Full Contract",
      avatar: "https://example.org/avatar.png",
      signed_up_at: 1_700_000_000,
      last_seen_at: 1_700_100_000,
      owner_id: 7350002,
      unsubscribed_from_emails: true,
      custom_attributes: { plan: "growth", seats: 3, beta_tester: false },
    });
    expect(full).toMatchObject({ external_id: "contract-ext-1", owner_id: 7350002, formatted_phone: "+353871234567", avatar: { image_url: "https://example.org/avatar.png" } });
    await check("GET", "/contacts/{contact_id}", `/contacts/${full.id}`);
  });

  it("POST /contacts errors: nothing to identify, bad role, unknown owner, duplicates → 409", async () => {
    await checkError("POST", "/contacts", 400, "parameter_not_found", {});
    await checkError("POST", "/contacts", 400, "parameter_invalid", { role: "admin" });
    await checkError("POST", "/contacts", 400, "parameter_invalid", { email: "not-an-email" });
    await checkError("POST", "/contacts", 400, "parameter_invalid", { email: "x@y.example", owner_id: 1 });
    const existingUser = ws().contacts.find((c) => c.role === "user")!;
    await checkError("POST", "/contacts", 409, "conflict", { email: existingUser.email.toUpperCase() });
    await checkError("POST", "/contacts", 409, "conflict", { external_id: existingUser.external_id });
    await checkError("POST", "/contacts", 409, "conflict", { email: ws().archivedContacts[0]!.email });
    // Leads may share an email with a user.
    await check("POST", "/contacts", "/contacts", { role: "lead", email: existingUser.email });
  });

  it("PUT /contacts/{contact_id} → contact", async () => {
    const c = ws().contacts[3]!;
    const body = await check("PUT", "/contacts/{contact_id}", `/contacts/${c.id}`, { name: "Renamed Person", custom_attributes: { vip: true }, phone: null });
    expect(body).toMatchObject({ id: c.id, name: "Renamed Person", phone: null });
    expect(body.custom_attributes.vip).toBe(true);
    await checkError("PUT", "/contacts/000000000000000000000000", 404, "not_found", { name: "x" });
    const user = ws().contacts.find((x) => x.role === "user" && x.id !== c.id)!;
    await checkError("PUT", `/contacts/${user.id}`, 400, "parameter_invalid", { role: "lead" });
  });

  it("POST /contacts/search → contact_list for the created contacts", async () => {
    const body = await check("POST", "/contacts/search", "/contacts/search", {
      query: { field: "email", operator: "=", value: "contract.user@northwind.example" },
    });
    expect(body.data).toHaveLength(1);
  });

  it("POST /contacts/merge → contact: the lead disappears, its data moves to the user", async () => {
    const lead = ws().contacts.find((c) => c.role === "lead" && c.tags.data.length > 0)!;
    const user = ws().contacts.find((c) => c.role === "user" && !c.tags.data.some((t) => lead.tags.data.some((l) => l.id === t.id)))!;
    const leadConversations = ws().conversations.filter((c) => c.contacts.contacts.some((r) => r.id === lead.id)).map((c) => c.id);
    const body = await check("POST", "/contacts/merge", "/contacts/merge", { from: lead.id, into: user.id });
    expect(body.id).toBe(user.id);
    for (const tag of lead.tags.data) expect(body.tags.data.map((t: { id: string }) => t.id)).toContain(tag.id);
    expect((await call("GET", `/contacts/${lead.id}`)).status).toBe(404);
    for (const id of leadConversations) {
      const conversation = ws().conversations.find((c) => c.id === id)!;
      expect(conversation.contacts.contacts.map((r) => r.id)).toContain(user.id);
      expect(conversation.contacts.contacts.map((r) => r.id)).not.toContain(lead.id);
    }
    await checkError("POST", "/contacts/merge", 400, "parameter_not_found", { from: lead.id });
    const otherUser = ws().contacts.find((c) => c.role === "user" && c.id !== user.id)!;
    await checkError("POST", "/contacts/merge", 400, "parameter_invalid", { from: otherUser.id, into: user.id });
  });

  it("POST /contacts/{contact_id}/archive and /unarchive → contact_archived, contact_unarchived", async () => {
    const c = ws().contacts[5]!;
    const archived = await check("POST", "/contacts/{contact_id}/archive", `/contacts/${c.id}/archive`);
    expect(archived).toEqual({ id: c.id, external_id: c.external_id, type: "contact", archived: true });
    expect((await call("GET", `/contacts/${c.id}`)).status).toBe(404);
    const search = await check("POST", "/contacts/search", "/contacts/search", { query: { field: "id", operator: "=", value: c.id } });
    expect(search.data).toHaveLength(0);
    const unarchived = await check("POST", "/contacts/{contact_id}/unarchive", `/contacts/${c.id}/unarchive`);
    expect(unarchived).toEqual({ id: c.id, external_id: c.external_id, type: "contact", archived: false });
    await check("GET", "/contacts/{contact_id}", `/contacts/${c.id}`);
    await checkError("POST", "/contacts/000000000000000000000000/archive", 404, "not_found");
  });

  it("DELETE /contacts/{contact_id} → contact_deleted; then 404", async () => {
    const c = ws().contacts[9]!;
    const body = await check("DELETE", "/contacts/{contact_id}", `/contacts/${c.id}`);
    expect(body).toEqual({ id: c.id, external_id: c.external_id, type: "contact", deleted: true });
    expect((await call("GET", `/contacts/${c.id}`)).status).toBe(404);
    await checkError("DELETE", `/contacts/${c.id}`, 404, "not_found");
    // An archived contact can be deleted for good by its id.
    const archived = ws().archivedContacts[1]!;
    await check("DELETE", "/contacts/{contact_id}", `/contacts/${archived.id}`);
    expect(ws().archivedContacts.some((x) => x.id === archived.id)).toBe(false);
  });
});
