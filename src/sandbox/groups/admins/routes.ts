// Admins: who the token is (GET /me), the workspace's admins, the activity log, and away mode.
import { randomUUID } from "node:crypto";
import type { RestActivityLogList, RestAdmin, RestAdminList, RestAdminWithApp } from "../../../generated/rest/admins.js";
import { badRequest } from "../../errors.js";
import { requireAdmin } from "../../lookups.js";
import { paginate, parsePerPage, type SortSpec } from "../../paging.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { requireBody } from "../../validate.js";
import { awayMetadata, performer } from "./activity.js";
import type { ActivityLogRecord } from "./records.js";
import { adminView } from "./views.js";

/** GET /me: any valid token identifies the first admin (the workspace owner). */
function identifyAdmin({ ws }: RouteContext): RestAdminWithApp {
  const admin = ws.admins[0]!;
  const { avatar, ...rest } = admin;
  return { ...rest, avatar: { type: "avatar", image_url: avatar?.image_url ?? null }, email_verified: true, app: ws.app };
}

/** A Unix timestamp query parameter (the document types them as strings). */
function timestampParam(query: Record<string, string>, name: string, required: boolean): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") {
    if (required) throw badRequest("parameter_not_found", `${name} is a required parameter`, name);
    return undefined;
  }
  if (!/^\d+$/.test(raw)) throw badRequest("parameter_invalid", `${name} must be a UNIX timestamp`, name);
  return Number(raw);
}

const NEWEST_FIRST: SortSpec<ActivityLogRecord> = { value: (r) => r.created_at, descending: true };

/** GET /admins/activity_logs — created_at_after required; paged newest first with per_page/starting_after. */
function listActivityLogs({ ws }: RouteContext, { query }: RouteInput): RestActivityLogList {
  const after = timestampParam(query, "created_at_after", true)!;
  const before = timestampParam(query, "created_at_before", false);
  if (before !== undefined && before < after) {
    throw badRequest("parameter_invalid", "created_at_before must be after created_at_after", "created_at_before");
  }
  const perPage = parsePerPage(query.per_page, 20);
  const inRange = ws.activityLogs.filter((l) => l.created_at >= after && (before === undefined || l.created_at <= before));
  const page = paginate(inRange, NEWEST_FIRST, perPage, query.starting_after);
  return { type: "activity_log.list", pages: page.pages, activity_logs: page.items };
}

/** PUT /admins/{admin_id}/away — both flags required booleans; logs an admin_away_mode_change. */
function setAwayAdmin(ctx: RouteContext, { params, body }: RouteInput): RestAdmin {
  const fields = requireBody(body);
  for (const name of ["away_mode_enabled", "away_mode_reassign"]) {
    if (fields[name] === undefined || fields[name] === null) throw badRequest("parameter_not_found", `${name} is a required parameter`, name);
    if (typeof fields[name] !== "boolean") throw badRequest("parameter_invalid", `${name} must be a boolean`, name);
  }
  const admin = requireAdmin(ctx.ws, params.admin_id);
  admin.away_mode_enabled = fields.away_mode_enabled as boolean;
  admin.away_mode_reassign = fields.away_mode_reassign as boolean;
  ctx.ws.activityLogs.push({
    id: randomUUID(),
    performed_by: performer(admin, "127.0.0.1"),
    metadata: awayMetadata(admin, admin.away_mode_enabled, admin.away_mode_reassign, "", false),
    created_at: Math.floor(ctx.now() / 1000),
    activity_type: "admin_away_mode_change",
    activity_description: `${admin.name} changed their away mode to ${admin.away_mode_enabled ? "away" : "active"}.`,
  });
  return adminView(admin);
}

export const adminsGroup: ApiGroup = {
  tag: "Admins",
  routes: [
    { operationId: "identifyAdmin", method: "GET", path: "/me", handler: identifyAdmin },
    {
      operationId: "listAdmins",
      method: "GET",
      path: "/admins",
      handler: ({ ws }, { query }): RestAdminList => ({
        type: "admin.list",
        admins: ws.admins.map((a) => (query.display_avatar === "true" ? { ...adminView(a), avatar: a.avatar } : adminView(a))),
      }),
    },
    { operationId: "listActivityLogs", method: "GET", path: "/admins/activity_logs", handler: listActivityLogs },
    { operationId: "retrieveAdmin", method: "GET", path: "/admins/:admin_id", handler: ({ ws }, { params }): RestAdmin => adminView(requireAdmin(ws, params.admin_id, "Admin not found")) },
    { operationId: "setAwayAdmin", method: "PUT", path: "/admins/:admin_id/away", handler: setAwayAdmin },
  ],
};
