// Sandbox resource module: Admins. The core serves GET /me, GET /admins and GET /admins/{id};
// this module adds the activity log and away mode (which writes to ws.admins).
import { randomUUID } from "node:crypto";
import { badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { RouteContext, RouteInput } from "../routes.js";
import { paginate, parsePerPage, type SortSpec } from "../search.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Admin, Workspace } from "../types.js";

/** `activity_log_metadata`: the only keys the document gives an activity's metadata. */
export interface ActivityLogMetadata {
  sign_in_method?: string | null;
  external_id?: string | null;
  away_mode?: boolean | null;
  away_status_reason?: string | null;
  reassign_conversations?: boolean | null;
  source?: string | null;
  auto_changed?: string | null;
  update_by?: number | null;
  update_by_name?: string | null;
}

/** `activity_log` schema. */
export interface ActivityLogRecord {
  id: string;
  performed_by: { type: "admin"; id: string; email: string; ip: string };
  metadata: ActivityLogMetadata;
  created_at: number;
  activity_type: string;
  activity_description: string;
}

/** The workspace collections this module owns. */
export interface AdminsState {
  /** Every admin activity, oldest first (the list serves newest first). */
  activityLogs: ActivityLogRecord[];
}

const DAY = 86_400;


const AWAY_REASONS = ["😌 On a break", "🍔 At lunch", "🏝️ On vacation", "🤒 Out sick", "📅 In a meeting"] as const;
const SIGN_IN_METHODS = ["email_password", "google_sso", "saml_sso"] as const;
const APP_NAMES = ["Northwind", "Northwind Cloud"] as const;
const MESSAGE_TITLES = ["Welcome series", "Autumn launch", "Trial ending reminder", "NPS survey"] as const;

type Entry = Pick<ActivityLogRecord, "activity_type" | "activity_description" | "metadata">;

/**
 * One activity of a kind, with Intercom's wording. Its metadata holds only what the document's
 * activity_log_metadata declares: the subject of other kinds (a message, a team, a webhook url)
 * is told by the description. Every kind makes the same draws it always did, so a seed still
 * gives the same log.
 */
function activity(rng: Rng, ws: Workspace, admin: Admin): Entry {
  const kind = rng.weighted([
    ["admin_login_success", 30],
    ["admin_logout", 12],
    ["admin_login_failure", 4],
    ["admin_away_mode_change", 18],
    ["message_state_change", 8],
    ["app_name_change", 2],
    ["admin_permission_change", 5],
    ["app_team_membership_modification", 5],
    ["conversation_pdf_export", 4],
    ["bulk_export", 3],
    ["app_webhook_creation", 2],
    ["office_hours_change", 3],
    ["admin_two_factor_auth_change", 2],
    ["help_center_settings_change", 2],
  ] as const);
  const who = admin.name;
  switch (kind) {
    case "admin_login_success":
    case "admin_login_failure": {
      const method = rng.pick(SIGN_IN_METHODS);
      const verb = kind === "admin_login_success" ? "successfully logged in" : "failed to log in";
      return { activity_type: kind, metadata: { sign_in_method: method }, activity_description: `${who} ${verb} using ${method}.` };
    }
    case "admin_logout":
      return { activity_type: kind, metadata: {}, activity_description: `${who} logged out.` };
    case "admin_away_mode_change": {
      const away = rng.chance(0.5);
      const reassign = away && rng.chance(0.4);
      return {
        activity_type: kind,
        metadata: awayMetadata(admin, away, reassign, away ? rng.pick(AWAY_REASONS) : "", rng.chance(0.1)),
        activity_description: `${who} changed their away mode to ${away ? "away" : "active"}.`,
      };
    }
    case "message_state_change": {
      const title = rng.pick(MESSAGE_TITLES);
      const [before, after] = rng.pick([["draft", "live"], ["live", "paused"], ["paused", "live"]] as const);
      rng.int(100, 999); // the message id, drawn as before
      return { activity_type: kind, metadata: {}, activity_description: `${who} changed your ${title} message from ${before} to ${after}.` };
    }
    case "app_name_change": {
      const [before, after] = rng.shuffle(APP_NAMES);
      return { activity_type: kind, metadata: {}, activity_description: `${who} changed your app name from ${before} to ${after}.` };
    }
    case "admin_permission_change": {
      const target = rng.pick(ws.admins);
      return { activity_type: kind, metadata: {}, activity_description: `${who} changed ${target.name}'s permissions.` };
    }
    case "app_team_membership_modification": {
      const team = rng.pick(ws.teams);
      return { activity_type: kind, metadata: {}, activity_description: `${who} changed the members of the ${team.name} team.` };
    }
    case "conversation_pdf_export": {
      const conversationId = String(10001 + rng.int(0, 300));
      return { activity_type: kind, metadata: {}, activity_description: `${who} exported conversation ${conversationId} as PDF.` };
    }
    case "bulk_export": {
      const model = rng.pick(["users", "companies"]);
      return { activity_type: kind, metadata: {}, activity_description: `${who} exported ${model} data in bulk.` };
    }
    case "app_webhook_creation":
      return { activity_type: kind, metadata: {}, activity_description: `${who} created a webhook to https://hooks.northwind.example/intercom.` };
    case "office_hours_change":
      return { activity_type: kind, metadata: {}, activity_description: `${who} changed your office hours from 9am-5pm to 8am-6pm.` };
    case "admin_two_factor_auth_change":
      return { activity_type: kind, metadata: {}, activity_description: `${who} turned on two-factor authentication.` };
    case "help_center_settings_change":
      return { activity_type: kind, metadata: {}, activity_description: `${who} changed your Help Center settings.` };
  }
}

function awayMetadata(admin: Admin, away: boolean, reassign: boolean, reason: string, auto: boolean): ActivityLogMetadata {
  return {
    away_mode: away,
    away_status_reason: reason,
    reassign_conversations: reassign,
    source: `admin update from web - Admin id: ${admin.id}`,
    auto_changed: auto ? "true" : "false",
    update_by: Number(admin.id),
    update_by_name: admin.name,
  };
}

const performer = (admin: Admin, ip: string): ActivityLogRecord["performed_by"] => ({ type: "admin", id: admin.id, email: admin.email, ip });
const ipOf = (admin: Admin) => `198.51.100.${Number(admin.id) % 250}`;

function seed(ws: Workspace, rng: Rng): void {
  const logs: ActivityLogRecord[] = [];
  for (let i = 0; i < 200; i++) {
    const admin = rng.pick(ws.admins);
    logs.push({
      id: rng.uuid(),
      performed_by: performer(admin, ipOf(admin)),
      created_at: SEED_BASE_TIME - rng.int(0, 90 * DAY),
      ...activity(rng, ws, admin),
    });
  }
  ws.activityLogs = logs.sort((a, b) => a.created_at - b.created_at);
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
function listActivityLogs({ ws }: RouteContext, { query }: RouteInput) {
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
function setAway(ctx: RouteContext, { params, body }: RouteInput) {
  const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!fields) throw badRequest("bad_request", "The request body must be a JSON object");
  for (const name of ["away_mode_enabled", "away_mode_reassign"]) {
    if (fields[name] === undefined || fields[name] === null) throw badRequest("parameter_not_found", `${name} is a required parameter`, name);
    if (typeof fields[name] !== "boolean") throw badRequest("parameter_invalid", `${name} must be a boolean`, name);
  }
  const admin = ctx.ws.admins.find((a) => a.id === params.admin_id);
  if (!admin) throw notFound("admin_not_found", "Admin for admin_id not found");
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
  const { avatar: _avatar, ...view } = admin;
  return view;
}

export const adminsResource: ResourceModule = {
  name: "admins",
  seed,
  routes: [
    // Needs to be matched before the core GET /admins/:admin_id.
    { operationId: "listActivityLogs", method: "GET", path: "/admins/activity_logs", handler: listActivityLogs },
    { operationId: "setAwayAdmin", method: "PUT", path: "/admins/:admin_id/away", handler: setAway },
  ],
};
