import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDownloadRouter } from "../src/server/downloads.js";
import { startStack, TEST_TOKEN, type Stack } from "./support/stack.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const origin = () => `http://127.0.0.1:${stack.gateway.port}`;
const FIELDS = "id jobIdentifier status downloadUrl downloadExpiresAt";
const CREATE = `mutation($input: CreateDataExportInput!) { createDataExport(input: $input) { ${FIELDS} } }`;
const SHOW = `query($job: ID!) { dataExport(jobIdentifier: $job) { ${FIELDS} } }`;
const CANCEL = `mutation($job: ID!) { cancelDataExport(jobIdentifier: $job) { ${FIELDS} } }`;
const RANGE = { createdAtAfter: "2026-07-01T00:00:00Z", createdAtBefore: "2026-09-30T23:59:59Z" };

async function pollUntilDone(job: string): Promise<any> {
  for (let i = 0; i < 10; i++) {
    const res = await stack.query(SHOW, { job });
    expect(res.errors).toBeUndefined();
    if (!["PENDING", "IN_PROGRESS"].includes(res.data.dataExport.status)) return res.data.dataExport;
  }
  throw new Error("export never finished");
}

describe("data export over the graph", () => {
  it("create → poll until completed → download through the gateway's streaming route → gunzip", async () => {
    const created = await stack.query(CREATE, { input: RANGE });
    expect(created.errors).toBeUndefined();
    const job = created.data.createDataExport;
    expect(job).toMatchObject({ status: "PENDING", downloadUrl: null, downloadExpiresAt: null });
    expect(job.id).toBe(job.jobIdentifier);
    expect(stack.upstream()[0]!.body).toEqual({ created_at_after: Date.parse(RANGE.createdAtAfter) / 1000, created_at_before: Date.parse(RANGE.createdAtBefore) / 1000 });

    const done = await pollUntilDone(job.jobIdentifier);
    expect(done.status).toBe("COMPLETED");
    expect(done.downloadUrl).toBe(`/downloads/data-exports/${job.jobIdentifier}`);
    expect(new Date(done.downloadExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const info = await stack.query(`query($job: ID!) { dataExportDownload(jobIdentifier: $job) { jobIdentifier url status ready expiresAt } }`, { job: job.jobIdentifier });
    expect(info.data.dataExportDownload).toMatchObject({ url: done.downloadUrl, status: "COMPLETED", ready: true });

    stack.resetUpstream();
    const file = await fetch(origin() + done.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("application/octet-stream");
    expect(file.headers.get("content-disposition")).toContain(`${job.jobIdentifier}.csv.gz`);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(Number(file.headers.get("content-length"))).toBe(bytes.length);
    const lines = gunzipSync(bytes).toString("utf8").trim().split("\n");
    expect(lines[0]).toBe("content_id,content_type,content_title,receipt_id,received_at,user_id,user_external_id,user_email,opened_at,clicked_at,replied_at,completed_at,dismissed_at,unsubscribed_at,bounced_at");
    const after = Date.parse(RANGE.createdAtAfter) / 1000;
    const before = Date.parse(RANGE.createdAtBefore) / 1000;
    const expected = stack.sandbox.workspace.outboundReceipts.filter((r) => r.received_at >= after && r.received_at <= before);
    expect(expected.length).toBeGreaterThan(100);
    expect(lines.length - 1).toBe(expected.length);
    expect(lines.slice(1).every((l) => { const at = Number(l.split(",")[4]); return at >= after && at <= before; })).toBe(true);

    const upstream = stack.upstream();
    expect(upstream.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /download/content/data/${job.jobIdentifier}`]);
    expect(upstream[0]!.intercomVersion).toBe("2.11");
  });

  it("cancel: a running job becomes CANCELED, has no download, and frees the workspace's one job slot", async () => {
    const first = (await stack.query(CREATE, { input: RANGE })).data.createDataExport;
    // One active job per workspace: a second is refused with Intercom's 429.
    const second = await stack.query(CREATE, { input: RANGE });
    expect(second.data.createDataExport).toBeNull();
    expect(second.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", intercom: { status: 429 } });

    const canceled = await stack.query(CANCEL, { job: first.jobIdentifier });
    expect(canceled.errors).toBeUndefined();
    expect(canceled.data.cancelDataExport).toMatchObject({ jobIdentifier: first.jobIdentifier, status: "CANCELED", downloadUrl: null });
    const read = await stack.query(SHOW, { job: first.jobIdentifier });
    expect(read.data.dataExport.status).toBe("CANCELED");

    const info = await stack.query(`query($job: ID!) { dataExportDownload(jobIdentifier: $job) { url status ready } }`, { job: first.jobIdentifier });
    expect(info.data.dataExportDownload).toMatchObject({ status: "CANCELED", ready: false });
    const file = await fetch(origin() + info.data.dataExportDownload.url);
    expect(file.status).toBe(404);
    expect(((await file.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");

    const third = await stack.query(CREATE, { input: RANGE });
    expect(third.errors).toBeUndefined();
    await stack.query(CANCEL, { job: third.data.createDataExport.jobIdentifier });
  });

  it("a range with no messages ends NO_DATA; a reversed range is BAD_USER_INPUT before any upstream call", async () => {
    const empty = (await stack.query(CREATE, { input: { createdAtAfter: "2001-01-01T00:00:00Z", createdAtBefore: "2001-01-02T00:00:00Z" } })).data.createDataExport;
    expect((await pollUntilDone(empty.jobIdentifier)).status).toBe("NO_DATA");

    stack.resetUpstream();
    const reversed = await stack.query(CREATE, { input: { createdAtAfter: "2026-09-01T00:00:00Z", createdAtBefore: "2026-08-01T00:00:00Z" } });
    expect(reversed.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(stack.upstream()).toHaveLength(0);
  });

  it("an unknown job is NOT_FOUND in the graph and on the download route (JSON body, same code)", async () => {
    const res = await stack.query(SHOW, { job: "nosuchjob" });
    expect(res.data.dataExport).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404 } });
    const cancel = await stack.query(CANCEL, { job: "nosuchjob" });
    expect(cancel.errors![0]!.extensions!.code).toBe("NOT_FOUND");

    const file = await fetch(`${origin()}/downloads/data-exports/nosuchjob`);
    expect(file.status).toBe(404);
    expect(file.headers.get("content-type")).toContain("application/json");
    const body = (await file.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: "NOT_FOUND", intercom: { status: 404 } });
    expect(body.errors[0].extensions.http).toBeUndefined();
    expect(body.errors[0].extensions.intercom.errors[0].code).toBe("not_found");
  });

  it("upstream failures on the route: 5xx is retried, then 502 UPSTREAM_ERROR; 401 is UNAUTHENTICATED", async () => {
    stack.sandbox.injectFault({ method: "GET", path: /^\/download\//, status: 503, times: 3 });
    const failed = await fetch(`${origin()}/downloads/data-exports/anything`);
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as any).errors[0].extensions.code).toBe("UPSTREAM_ERROR");
    expect(stack.upstream().filter((r) => r.path.startsWith("/download/"))).toHaveLength(3);

    stack.sandbox.injectFault({ method: "GET", path: /^\/download\//, status: 401 });
    const denied = await fetch(`${origin()}/downloads/data-exports/anything`);
    expect(denied.status).toBe(401);
    const text = await denied.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(text).not.toContain(TEST_TOKEN);
  });
});

describe("the download route streams", () => {
  /** A fake Intercom whose download sends one chunk, then waits for the test's go-ahead before the rest. */
  async function fakeIntercom(onRequest: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
    const server = http.createServer(onRequest);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  async function gatewayRoute(baseUrl: string, token: string) {
    const app = express();
    app.use("/downloads", createDownloadRouter(() => ({ baseUrl, version: "2.11", token, timeoutMs: 2000, retries: 0 })));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  const close = (server: http.Server) => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });

  it("the first chunk reaches the client before Intercom has sent the rest (the route pipes, never buffers)", async () => {
    let releaseRest!: () => void;
    const rest = new Promise<void>((resolve) => (releaseRest = resolve));
    const seen: http.IncomingHttpHeaders[] = [];
    const upstream = await fakeIntercom((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-disposition": 'attachment; filename="big.csv.gz"' });
      res.write(Buffer.alloc(64 * 1024, 1));
      void rest.then(() => res.end(Buffer.alloc(64 * 1024, 2)));
    });
    const route = await gatewayRoute(upstream.url, "tok_stream_secret");
    try {
      const response = await fetch(`${route.url}/downloads/data-exports/job123`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="big.csv.gz"');
      const reader = response.body!.getReader();
      // Had the route buffered, this read would wait for an end that never comes.
      const first = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no chunk before the upstream finished: buffered")), 3000)),
      ]);
      expect(first.done).toBe(false);
      expect(first.value![0]).toBe(1);
      releaseRest();
      let total = first.value!.length;
      let last = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        total += chunk.value.length;
        last = chunk.value.at(-1)!;
      }
      expect(total).toBe(128 * 1024);
      expect(last).toBe(2);
      expect(seen[0]!.authorization).toBe("Bearer tok_stream_secret");
      expect(seen[0]!.accept).toBe("application/octet-stream");
    } finally {
      releaseRest();
      await close(route.server);
      await close(upstream.server);
    }
  });

  it("an error answer never carries the token, even when Intercom's message does", async () => {
    const upstream = await fakeIntercom((req, res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error.list", request_id: "r1", errors: [{ code: "token_unauthorized", message: `token ${req.headers.authorization} is not allowed` }] }));
    });
    const route = await gatewayRoute(upstream.url, "tok_stream_secret");
    try {
      const response = await fetch(`${route.url}/downloads/data-exports/job123`);
      expect(response.status).toBe(403);
      const text = await response.text();
      expect(text).not.toContain("tok_stream_secret");
      expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: "FORBIDDEN", intercom: { status: 403, requestId: "r1" } });
    } finally {
      await close(route.server);
      await close(upstream.server);
    }
  });
});
