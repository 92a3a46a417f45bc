// Data export: jobs created, polled (they move along as they are polled, or as time passes),
// canceled, and their gzipped CSV downloaded.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { RestDataExport } from "../../../generated/rest/data-export.js";
import { ApiError, badRequest, notFound } from "../../errors.js";
import { RawResponse, type ApiGroup, type RouteContext } from "../../router.js";
import { DAY } from "../../seeding.js";
import { isObject, nowSeconds } from "../../validate.js";
import type { DataExportRecord, DataExportStatus, OutboundReceipt } from "./records.js";

const EXPORT_COLUMNS: Array<keyof OutboundReceipt> = [
  "content_id", "content_type", "content_title", "receipt_id", "received_at", "user_id", "user_external_id", "user_email",
  "opened_at", "clicked_at", "replied_at", "completed_at", "dismissed_at", "unsubscribed_at", "bounced_at",
];

/** Jobs move pending → in_progress → completed after one and two status reads, or one and two seconds. */
const STEP_MS = 1000;
const DOWNLOAD_TTL = 2 * DAY;
const ACTIVE: DataExportStatus[] = ["pending", "in_progress"];

function rowsOf(ctx: RouteContext, job: DataExportRecord): OutboundReceipt[] {
  return ctx.ws.outboundReceipts.filter((r) => r.received_at >= job.created_at_after && r.received_at <= job.created_at_before);
}

function advance(ctx: RouteContext, job: DataExportRecord, poll: boolean): DataExportRecord {
  if (!ACTIVE.includes(job.status)) return job;
  if (poll) job.polls++;
  const stage = Math.max(Math.min(job.polls, 2), Math.floor((ctx.now() - job.created_ms) / STEP_MS));
  if (stage === 1) job.status = "in_progress";
  if (stage >= 2) {
    if (rowsOf(ctx, job).length === 0) job.status = "no_data";
    else {
      job.status = "completed";
      job.download_url = `https://api.intercom.io/download/content/data/${job.job_identifier}`;
      job.download_expires_at = String(nowSeconds(ctx) + DOWNLOAD_TTL);
    }
  }
  return job;
}

const exportView = (job: DataExportRecord): RestDataExport => ({
  job_identifier: job.job_identifier,
  status: job.status,
  download_url: job.download_url,
  download_expires_at: job.download_expires_at,
});

function findExport(ctx: RouteContext, id: string): DataExportRecord {
  const job = ctx.ws.dataExports.find((j) => j.job_identifier === id);
  if (!job) throw notFound("not_found", "Export job not found");
  return job;
}

function createDataExport(ctx: RouteContext, body: unknown): RestDataExport {
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  for (const field of ["created_at_after", "created_at_before"]) {
    const v = body[field];
    if (v === undefined || v === null) throw badRequest("parameter_not_found", `Missing required parameter: ${field}`, field);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw badRequest("parameter_invalid", `${field} must be a Unix timestamp`, field);
  }
  const after = body.created_at_after as number;
  const before = body.created_at_before as number;
  if (after > before) throw badRequest("parameter_invalid", "created_at_after must be before created_at_before", "created_at_after");
  if (ctx.ws.dataExports.some((j) => ACTIVE.includes(advance(ctx, j, false).status))) {
    throw new ApiError(429, "rate_limit_exceeded", "Exceeded rate limit of 1 pending message data export jobs");
  }
  const job: DataExportRecord = {
    job_identifier: randomBytes(12).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "").padEnd(16, "x").slice(0, 16),
    status: "pending", download_url: "", download_expires_at: "",
    created_at_after: after, created_at_before: before, created_ms: ctx.now(), polls: 0,
  };
  ctx.ws.dataExports.push(job);
  return exportView(job);
}

function cancelDataExport(ctx: RouteContext, id: string): RestDataExport {
  const job = advance(ctx, findExport(ctx, id), false);
  // Only a job still running can be canceled; a finished one is answered as it is.
  if (ACTIVE.includes(job.status)) job.status = "canceled";
  return exportView(job);
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function downloadDataExport(ctx: RouteContext, id: string): RawResponse {
  const job = advance(ctx, findExport(ctx, id), false);
  if (job.status !== "completed") throw notFound("not_found", `The export is not available for download (status: ${job.status})`);
  if (nowSeconds(ctx) > Number(job.download_expires_at)) throw notFound("not_found", "The export's download has expired");
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const row of rowsOf(ctx, job)) lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return new RawResponse(200, gzipSync(Buffer.from(lines.join("\n") + "\n")), "application/octet-stream", {
    "Content-Disposition": `attachment; filename="${job.job_identifier}.csv.gz"`,
  });
}

export const dataExportGroup: ApiGroup = {
  tag: "Data Export",
  routes: [
    { operationId: "createDataExport", method: "POST", path: "/export/content/data", handler: (ctx, { body }) => createDataExport(ctx, body) },
    {
      operationId: "getDataExport",
      method: "GET",
      path: "/export/content/data/:job_identifier",
      handler: (ctx, { params }): RestDataExport => exportView(advance(ctx, findExport(ctx, params.job_identifier!), true)),
    },
    { operationId: "cancelDataExport", method: "POST", path: "/export/cancel/:job_identifier", handler: (ctx, { params }) => cancelDataExport(ctx, params.job_identifier!) },
    { operationId: "downloadDataExport", method: "GET", path: "/download/content/data/:job_identifier", handler: (ctx, { params }) => downloadDataExport(ctx, params.job_identifier!) },
  ],
};
