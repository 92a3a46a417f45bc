import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Subscription types, a contact's choices, attach/detach round trips and the Contact link budget. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const ws = () => stack.sandbox.workspace;
const calls = () => stack.upstream().map((r) => `${r.method} ${r.path}`);
const TYPE = "id state consentType contentTypes defaultTranslation { name description locale } translations { locale name }";
const CHOICES = `query ($id: ID!) { contactSubscriptionTypes(contactId: $id) { totalCount nodes { id consentType } } }`;
const unattached = (skip = 0) =>
  ws().contacts.filter((c) => !ws().subscriptionChoices.has(c.id))[skip]!;

describe("subscriptionTypes", () => {
  it("lists every type with its translations, enums mapped", async () => {
    const res = await stack.query(`{ subscriptionTypes { totalCount nodes { ${TYPE} } } }`);
    expect(res.errors).toBeUndefined();
    const rest = ws().subscriptionTypes;
    expect(res.data.subscriptionTypes.totalCount).toBe(rest.length);
    const first = res.data.subscriptionTypes.nodes[0];
    expect(first).toEqual({
      id: rest[0]!.id,
      state: rest[0]!.state.toUpperCase(),
      consentType: rest[0]!.consent_type.toUpperCase(),
      contentTypes: rest[0]!.content_types.map((c) => c.toUpperCase()),
      defaultTranslation: rest[0]!.default_translation,
      translations: rest[0]!.translations.map(({ locale, name }) => ({ locale, name })),
    });
    expect(calls()).toEqual(["GET /subscription_types"]);
  });
});

describe("attach and detach", () => {
  const ATTACH = `mutation ($contactId: ID!, $input: AttachSubscriptionTypeInput!) {
    attachSubscriptionTypeToContact(contactId: $contactId, input: $input) { id consentType }
  }`;
  const DETACH = `mutation ($contactId: ID!, $typeId: ID!) {
    detachSubscriptionTypeFromContact(contactId: $contactId, subscriptionTypeId: $typeId) { id }
  }`;

  it("opts a contact out of an opt-out type, reads it back, and detaches it", async () => {
    const contact = unattached(0);
    const optOut = ws().subscriptionTypes.find((t) => t.consent_type === "opt_out" && t.state === "live")!;
    const res = await stack.query(ATTACH, { contactId: contact.id, input: { id: optOut.id, consentType: "OPT_OUT" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.attachSubscriptionTypeToContact).toEqual({ id: optOut.id, consentType: "OPT_OUT" });
    expect(stack.upstream().at(-1)).toMatchObject({ method: "POST", path: `/contacts/${contact.id}/subscriptions`, body: { id: optOut.id, consent_type: "opt_out" } });

    const read = await stack.query(CHOICES, { id: contact.id });
    expect(read.data.contactSubscriptionTypes).toEqual({ totalCount: 1, nodes: [{ id: optOut.id, consentType: "OPT_OUT" }] });

    const detached = await stack.query(DETACH, { contactId: contact.id, typeId: optOut.id });
    expect(detached.data.detachSubscriptionTypeFromContact).toEqual({ id: optOut.id });
    const after = await stack.query(CHOICES, { id: contact.id });
    expect(after.data.contactSubscriptionTypes.totalCount).toBe(0);
  });

  it("attaching the same type twice is idempotent", async () => {
    const contact = unattached(1);
    const optIn = ws().subscriptionTypes.find((t) => t.consent_type === "opt_in" && t.state === "live")!;
    const res = await stack.query(
      `mutation ($contactId: ID!, $input: AttachSubscriptionTypeInput!) {
        before: attachSubscriptionTypeToContact(contactId: $contactId, input: $input) { id }
        after: attachSubscriptionTypeToContact(contactId: $contactId, input: $input) { id }
      }`,
      { contactId: contact.id, input: { id: optIn.id, consentType: "OPT_IN" } },
    );
    expect(res.errors).toBeUndefined();
    const read = await stack.query(CHOICES, { id: contact.id });
    expect(read.data.contactSubscriptionTypes.nodes).toEqual([{ id: optIn.id, consentType: "OPT_IN" }]);
  });

  it("maps the upstream's errors: unknown type NOT_FOUND, wrong consent BAD_USER_INPUT, unknown contact NOT_FOUND", async () => {
    const contact = unattached(2);
    const optIn = ws().subscriptionTypes.find((t) => t.consent_type === "opt_in" && t.state === "live")!;
    const unknown = await stack.query(ATTACH, { contactId: contact.id, input: { id: "invalid_id", consentType: "OPT_IN" } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const wrong = await stack.query(ATTACH, { contactId: contact.id, input: { id: optIn.id, consentType: "OPT_OUT" } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(wrong.data.attachSubscriptionTypeToContact).toBeNull();
    const noContact = await stack.query(CHOICES, { id: "000000000000000000000000" });
    expect(noContact.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const badEnum = await stack.query(ATTACH, { contactId: contact.id, input: { id: optIn.id, consentType: "MAYBE" } });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Contact.subscriptionTypes", () => {
  it("for 25+ contacts of 40 conversations costs 2 + one GET /contacts/{id}/subscriptions per distinct contact", async () => {
    const res = await stack.query(`{
      conversations(first: 40) { nodes { contacts { id subscriptionTypes { nodes { id consentType } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const contacts = res.data.conversations.nodes.flatMap((c: any) => c.contacts);
    const distinct = new Set(contacts.map((c: any) => c.id));
    expect(distinct.size).toBeGreaterThanOrEqual(25);
    for (const c of contacts) {
      const rest = ws().contacts.find((x) => x.id === c.id)!;
      const chosen = [...(ws().subscriptionChoices.get(rest.id) ?? [])].sort();
      expect(c.subscriptionTypes.nodes.map((t: any) => t.id).sort()).toEqual(chosen);
    }
    expect(contacts.some((c: any) => c.subscriptionTypes.nodes.length > 0)).toBe(true);
    const made = calls();
    expect(made.filter((c) => /^GET \/contacts\/\w+\/subscriptions$/.test(c))).toHaveLength(distinct.size);
    expect(made).toHaveLength(2 + distinct.size);
  });
});
