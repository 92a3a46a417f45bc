// Contract test: the sandbox's admins (activity logs, away), subscription types, visitors and
// news responses validated against the Intercom 2.11 document's response schemas.
import { describe, expect, it } from "vitest";
import { SEED_BASE_TIME } from "../src/sandbox/index.js";
import { contractSuite, expectValid, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-admins-news");

describe.skipIf(!specExists)("sandbox ⇄ 2.11 schemas: admins, subscription types, visitors, news", () => {
  const suite = contractSuite();

  const { call, check, checkError } = suite;

  const ws = () => suite.sandbox.workspace;

  describe("admins", () => {
    it("GET /admins/activity_logs → activity_log_list, paged newest first", async () => {
      const after = SEED_BASE_TIME - 90 * 86_400;
      const first = await check("GET", "/admins/activity_logs", `/admins/activity_logs?created_at_after=${after}`);
      expect(first.activity_logs).toHaveLength(20);
      expect(new Set(first.activity_logs.map((l: any) => l.activity_type)).size).toBeGreaterThan(4);
      const times = first.activity_logs.map((l: any) => l.created_at);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const cursor = first.pages.next.starting_after;
      const second = await check("GET", "/admins/activity_logs", `/admins/activity_logs?created_at_after=${after}&starting_after=${cursor}`);
      expect(second.activity_logs[0].created_at).toBeLessThanOrEqual(times.at(-1));
      expect(second.activity_logs.map((l: any) => l.id)).not.toContain(first.activity_logs[0].id);
    });

    it("GET /admins/activity_logs filters by created_at_before and requires created_at_after", async () => {
      const before = SEED_BASE_TIME - 30 * 86_400;
      const body = await check("GET", "/admins/activity_logs", `/admins/activity_logs?created_at_after=0&created_at_before=${before}&per_page=150`);
      expect(body.activity_logs.every((l: any) => l.created_at <= before)).toBe(true);
      await checkError("GET", "/admins/activity_logs", 400, "parameter_not_found");
      await checkError("GET", "/admins/activity_logs?created_at_after=yesterday", 400, "parameter_invalid");
    });

    it("PUT /admins/{admin_id}/away → admin, and the change shows in GET /admins/{id}", async () => {
      const admin = ws().admins[2]!;
      const body = await check("PUT", "/admins/{admin_id}/away", `/admins/${admin.id}/away`, { away_mode_enabled: true, away_mode_reassign: true });
      expect(body).toMatchObject({ id: admin.id, away_mode_enabled: true, away_mode_reassign: true });
      expect((await call("GET", `/admins/${admin.id}`)).body.away_mode_enabled).toBe(true);
      await checkError("PUT", "/admins/999/away", 404, "admin_not_found", { away_mode_enabled: true, away_mode_reassign: false });
      await checkError("PUT", `/admins/${admin.id}/away`, 400, "parameter_not_found", { away_mode_enabled: true });
    });
  });

  describe("subscription types", () => {
    it("GET /subscription_types → subscription_type_list", async () => {
      const body = await check("GET", "/subscription_types", "/subscription_types");
      expect(body.data.length).toBeGreaterThanOrEqual(4);
      expect(new Set(body.data.map((t: any) => t.consent_type))).toEqual(new Set(["opt_in", "opt_out"]));
    });

    it("attach, list and detach a contact's subscription", async () => {
      const contact = ws().contacts.find((c) => !ws().subscriptionChoices.has(c.id))!;
      const optIn = ws().subscriptionTypes.find((t) => t.consent_type === "opt_in" && t.state === "live")!;
      const path = `/contacts/${contact.id}/subscriptions`;
      expect((await check("GET", "/contacts/{contact_id}/subscriptions", path)).data).toEqual([]);
      const attached = await check("POST", "/contacts/{contact_id}/subscriptions", path, { id: optIn.id, consent_type: "opt_in" });
      expect(attached.id).toBe(optIn.id);
      expect((await check("GET", "/contacts/{contact_id}/subscriptions", path)).data.map((t: any) => t.id)).toEqual([optIn.id]);
      expect(ws().subscriptionChoices.get(contact.id)).toEqual([optIn.id]);
      await check("GET", "/contacts/{contact_id}", `/contacts/${contact.id}`); // the contact schema has no lists of choices
      await check("DELETE", "/contacts/{contact_id}/subscriptions/{subscription_id}", `${path}/${optIn.id}`);
      expect((await check("GET", "/contacts/{contact_id}/subscriptions", path)).data).toEqual([]);
    });

    it("answers the document's errors", async () => {
      const contact = ws().contacts[0]!;
      await checkError("GET", "/contacts/nope/subscriptions", 404, "not_found");
      await checkError("POST", `/contacts/${contact.id}/subscriptions`, 404, "not_found", { id: "invalid_id", consent_type: "opt_in" });
      await checkError("POST", `/contacts/${contact.id}/subscriptions`, 400, "parameter_not_found", { consent_type: "opt_in" });
      await checkError("POST", `/contacts/${contact.id}/subscriptions`, 400, "parameter_invalid", { id: "37846", consent_type: "maybe" });
    });
  });

  describe("visitors", () => {
    it("GET /visitors?user_id → visitor; PUT /visitors → visitor", async () => {
      const visitor = ws().visitors[0]!;
      const body = await check("GET", "/visitors", `/visitors?user_id=${visitor.user_id}`);
      expect(body.id).toBe(visitor.id);
      const updated = await check("PUT", "/visitors", "/visitors", { id: visitor.id, name: "Gareth Bale", custom_attributes: { plan: "pro" } });
      expect(updated).toMatchObject({ name: "Gareth Bale", custom_attributes: { plan: "pro" } });
      const byUserId = await check("PUT", "/visitors", "/visitors", { user_id: visitor.user_id, name: "G. Bale" });
      expect(byUserId.name).toBe("G. Bale");
      await checkError("GET", "/visitors?user_id=fail", 404, "not_found");
      await checkError("GET", "/visitors", 400, "parameter_not_found");
      await checkError("PUT", "/visitors", 404, "not_found", { user_id: "fail", name: "Christian Fail" });
      await checkError("PUT", "/visitors", 400, "parameter_not_found", { name: "Nobody" });
    });

    it("every seeded visitor validates, companies and tags included", async () => {
      const validate = suite.validators.validatorFor("GET", "/visitors");
      for (const v of ws().visitors) expectValid(validate, (await call("GET", `/visitors?user_id=${v.user_id}`)).body, v.id);
    });

    it("POST /visitors/convert → contact; the visitor is gone", async () => {
      const visitor = ws().visitors[1]!;
      const body = await check("POST", "/visitors/convert", "/visitors/convert", {
        type: "user",
        user: { user_id: "converted-1", email: "foo@bar.example" },
        visitor: { user_id: visitor.user_id },
      });
      expect(body).toMatchObject({ type: "contact", id: visitor.id, role: "user", external_id: "converted-1", email: "foo@bar.example" });
      expect((await call("GET", `/contacts/${visitor.id}`)).status).toBe(200);
      await checkError("GET", `/visitors?user_id=${visitor.user_id}`, 404, "not_found");
      await checkError("POST", "/visitors/convert", 400, "parameter_not_found", { type: "user", user: { user_id: "x" } });
    });

    it("POST /visitors/convert into an existing user merges and returns that user", async () => {
      const visitor = ws().visitors[2]!;
      const user = ws().contacts.find((c) => c.role === "user" && c.external_id)!;
      const body = await check("POST", "/visitors/convert", "/visitors/convert", { type: "user", user: { id: user.id }, visitor: { id: visitor.id } });
      expect(body.id).toBe(user.id);
      expect(ws().visitors.some((v) => v.id === visitor.id)).toBe(false);
    });
  });

  describe("news", () => {
    it("GET /news/news_items → paginated_news_item_response", async () => {
      const body = await check("GET", "/news/news_items", "/news/news_items?per_page=150");
      expect(body.data.length).toBeGreaterThanOrEqual(25);
      expect(new Set(body.data.map((n: any) => n.state))).toEqual(new Set(["live", "draft"]));
      const page2 = await check("GET", "/news/news_items", "/news/news_items?page=2&per_page=10");
      expect(page2.pages).toMatchObject({ page: 2, per_page: 10 });
      expect(page2.data[0].id).toBe(body.data[10].id);
    });

    it("create, retrieve, update and delete a news item", async () => {
      const sender = ws().admins[0]!;
      const created = await check("POST", "/news/news_items", "/news/news_items", {
        title: "Halloween is here!",
        body: "<p>New costumes</p>",
        sender_id: Number(sender.id),
        state: "live",
        labels: ["Product"],
        reactions: ["😆", "😅"],
        newsfeed_assignments: [{ newsfeed_id: Number(ws().newsfeeds[0]!.id), published_at: SEED_BASE_TIME - 86_400 }],
      });
      const path = `/news/news_items/${created.id}`;
      expect((await check("GET", "/news/news_items/{news_item_id}", path)).title).toBe("Halloween is here!");
      const updated = await check("PUT", "/news/news_items/{news_item_id}", path, { title: "Christmas is here!", sender_id: Number(sender.id) });
      expect(updated).toMatchObject({ title: "Christmas is here!", labels: ["Product"] });
      const feedItems = await check("GET", "/news/newsfeeds/{newsfeed_id}/items", `/news/newsfeeds/${ws().newsfeeds[0]!.id}/items?per_page=150`);
      expect(feedItems.data.map((n: any) => n.id)).toContain(created.id);
      const deleted = await check("DELETE", "/news/news_items/{news_item_id}", path);
      expect(deleted).toEqual({ id: created.id, object: "news-item", deleted: true });
      await checkError("GET", path, 404, "not_found");
    });

    it("rejects invalid news items", async () => {
      await checkError("POST", "/news/news_items", 400, "parameter_not_found", { sender_id: Number(ws().admins[0]!.id) });
      await checkError("POST", "/news/news_items", 400, "parameter_invalid", { title: "x", sender_id: 1 });
      await checkError("PUT", "/news/news_items/999999", 404, "not_found", { title: "x" });
    });

    it("GET /news/newsfeeds, /news/newsfeeds/{id} and its live items", async () => {
      const feeds = await check("GET", "/news/newsfeeds", "/news/newsfeeds");
      expect(feeds.data).toHaveLength(3);
      await check("GET", "/news/newsfeeds/{newsfeed_id}", `/news/newsfeeds/${feeds.data[1].id}`);
      const items = await check("GET", "/news/newsfeeds/{newsfeed_id}/items", `/news/newsfeeds/${feeds.data[1].id}/items`);
      expect(items.data.every((n: any) => n.state === "live")).toBe(true);
      await checkError("GET", "/news/newsfeeds/0", 404, "not_found");
    });
  });
});
