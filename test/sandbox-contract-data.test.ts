// Contract test: the sandbox's Data Attributes, Data Events and Data Export answers
// validated against the Intercom 2.11 OpenAPI document's response schemas.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CONTRACT_HEADERS, contractSuite, expectValid, specExists, warnIfSpecMissing } from "./support/openapi.js";

warnIfSpecMissing("sandbox-contract-data");

describe.skipIf(!specExists)("sandbox data attributes, events and export ⇄ OpenAPI response schemas", () => {
  const suite = contractSuite();

  const { call, check, checkError } = suite;

  const someUser = () => suite.sandbox.workspace.contacts.find((c) => c.role === "user" && suite.sandbox.workspace.dataEvents.some((e) => e.intercom_user_id === c.id))!;

  it("GET /data_attributes for contacts and companies, archived or not", async () => {
    for (const query of ["?model=contact", "?model=company&include_archived=true", ""]) {
      const body = await check("GET", "/data_attributes", `/data_attributes${query}`);
      expect(body.data.length).toBeGreaterThan(5);
    }
  });

  it("GET /data_attributes?model=conversation matches the schema but for the model enum (a document defect)", async () => {
    const body = (await call("GET", "/data_attributes?model=conversation")).body;
    expect(body.data.every((a: any) => a.model === "conversation")).toBe(true);
    // data_attribute.model lists contact and company only, though the list operation takes conversation.
    const relabelled = { ...body, data: body.data.map((a: any) => ({ ...a, model: "contact" })) };
    expectValid(suite.validators.validatorFor("GET", "/data_attributes"), relabelled, "conversation attributes");
  });

  it("POST /data_attributes and PUT /data_attributes/{data_attribute_id}", async () => {
    const created = await check("POST", "/data_attributes", "/data_attributes", { name: "Contract Shirt", model: "company", data_type: "string" });
    expect(created).toMatchObject({ name: "Contract Shirt", custom: true, model: "company" });
    const updated = await check("PUT", "/data_attributes/{data_attribute_id}", `/data_attributes/${created.id}`, {
      description: "Just a plain old ring", options: [{ value: "1-10" }, { value: "11-20" }], archived: false,
    });
    expect(updated.options).toEqual(["1-10", "11-20"]);
    const listed = await call("GET", "/data_attributes?model=company");
    expect(listed.body.data.some((a: any) => a.id === created.id)).toBe(true);
  });

  it("data attribute errors use the document's codes", async () => {
    await checkError("POST", "/data_attributes", 400, "parameter_invalid", { name: "!nv@l!d n@me", model: "company", data_type: "string" });
    await checkError("POST", "/data_attributes", 400, "parameter_invalid", { name: "The Second Ring", model: "company", data_type: "mithril" });
    await checkError("POST", "/data_attributes", 400, "parameter_invalid", { name: "account_tier", model: "contact", data_type: "integer" });
    await checkError("PUT", "/data_attributes/999999", 404, "field_not_found", { description: "x" });
    await checkError("PUT", "/data_attributes/12801", 400, "parameter_invalid", { options: { value: "1-10" } });
    await checkError("PUT", `/data_attributes/${suite.sandbox.workspace.dataAttributesInUse[0]}`, 422, "data_invalid", { archived: true });
  });

  it("GET /events?summary=true matches data_event_summary (the operation's documented schema)", async () => {
    const user = someUser();
    const body = await check("GET", "/events", `/events?type=user&user_id=${user.external_id}&summary=true`);
    expect(body.intercom_user_id).toBe(user.id);
    expect(body.events.length).toBeGreaterThan(0);
  });

  it("GET /events without summary answers the operation's documented 200 too: data_event_summary, not an event.list", async () => {
    const user = someUser();
    for (const query of [`type=user&intercom_user_id=${user.id}&per_page=2`, `type=user&email=${encodeURIComponent(user.email)}&summary=false`]) {
      const body = await check("GET", "/events", `/events?${query}`);
      expect(body.type).toBe("event.summary");
      expect(body.intercom_user_id).toBe(user.id);
    }
    // Negative control: what the sandbox used to answer fails the operation's schema.
    const list = { type: "event.list", events: [{ type: "event", event_name: "x", created_at: 1, intercom_user_id: user.id }], pages: {} };
    expect(suite.validators.validatorFor("GET", "/events")(list)).toBe(false);
    await checkError("GET", `/events?type=user&intercom_user_id=${user.id}&summary=maybe`, 400, "parameter_invalid");
    await checkError("GET", `/events?intercom_user_id=${user.id}`, 400, "parameter_not_found");
  });

  it("POST /events answers 202 with an empty body; the event then counts in the summary", async () => {
    const user = someUser();
    const res = await call("POST", "/events", { event_name: "contract-checked", created_at: 1790000000, user_id: user.external_id, metadata: { k: "v" } });
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    expect(res.contentType).toBeNull();
    const summary = await check("GET", "/events", `/events?type=user&user_id=${user.external_id}&summary=true`);
    expect(summary.events.find((e: any) => e.name === "contract-checked")).toMatchObject({ count: 1, first: "2026-09-21T14:13:20.000+00:00" });
    expect(suite.sandbox.workspace.dataEvents.find((e) => e.event_name === "contract-checked")).toMatchObject({ created_at: 1790000000, metadata: { k: "v" } });
    await checkError("POST", "/events", 404, "not_found", { event_name: "x", created_at: 1, user_id: "nobody" });
  });

  it("POST /events/summaries answers 200 and the counts show in the summary", async () => {
    const user = someUser();
    const res = await call("POST", "/events/summaries", { user_id: user.external_id, event_summaries: { event_name: "imported-legacy", count: 7, first: 1700000000, last: 1710000000 } });
    expect(res.status).toBe(200);
    const summary = await check("GET", "/events", `/events?type=user&user_id=${user.external_id}&summary=true`);
    expect(summary.events.find((e: any) => e.name === "imported-legacy")).toMatchObject({ count: 7 });
  });

  it("POST /export/content/data, GET its status, download, and cancel", async () => {
    const job = await check("POST", "/export/content/data", "/export/content/data", { created_at_after: 1719474967, created_at_before: 1893456000 });
    expect(job.status).toBe("pending");
    await checkError("POST", "/export/content/data", 429, "rate_limit_exceeded", { created_at_after: 1, created_at_before: 2 });
    const polled1 = await check("GET", "/export/content/data/{job_identifier}", `/export/content/data/${job.job_identifier}`);
    const polled2 = await check("GET", "/export/content/data/{job_identifier}", `/export/content/data/${job.job_identifier}`);
    // One status read moves it on, two complete it (or the wall clock did, on a slow machine).
    expect(["in_progress", "completed"]).toContain(polled1.status);
    expect(polled2.status).toBe("completed");
    expect(Number(polled2.download_expires_at)).toBeGreaterThan(Date.now() / 1000);

    const file = await fetch(`${suite.sandbox.url}/download/content/data/${job.job_identifier}`, { headers: { ...CONTRACT_HEADERS, Accept: "application/octet-stream" } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("application/octet-stream");
    const csv = gunzipSync(Buffer.from(await file.arrayBuffer())).toString("utf8");
    expect(csv.split("\n")[0]).toContain("content_id,content_type");

    const next = await check("POST", "/export/content/data", "/export/content/data", { created_at_after: 1719474967, created_at_before: 1893456000 });
    const canceled = await check("POST", "/export/cancel/{job_identifier}", `/export/cancel/${next.job_identifier}`);
    expect(canceled.status).toBe("canceled");
    await checkError("GET", `/download/content/data/${next.job_identifier}`, 404, "not_found");
    await checkError("GET", "/export/content/data/nosuchjob", 404, "not_found");
  });
});
