// Seeded admins, the bot, and two hundred activities of the admin activity log.
import type { App } from "../../records.js";
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME, slug } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { Team } from "../teams/records.js";
import { awayMetadata, ipOf, performer } from "./activity.js";
import type { ActivityLogRecord, Admin, Bot } from "./records.js";

export const FIRST_ADMIN_ID = 7350001;

export const ADMIN_DEFS = [
  { name: "Ava Thompson", job: "Head of Support", away: false, reassign: false, seat: true },
  { name: "Liam Chen", job: "Support Engineer", away: false, reassign: false, seat: true },
  { name: "Sofia Martínez", job: "Customer Success Manager", away: false, reassign: false, seat: true },
  { name: "Noah Patel", job: "Account Executive", away: false, reassign: false, seat: true },
  { name: "Emma Johansson", job: "Billing Specialist", away: false, reassign: false, seat: true },
  { name: "Lucas Rossi", job: "Support Engineer", away: true, reassign: false, seat: true },
  { name: "Mia Nakamura", job: "Sales Development Representative", away: false, reassign: false, seat: true },
  { name: "Ethan Okafor", job: "Technical Support Lead", away: true, reassign: true, seat: true },
  { name: "Chloe Dubois", job: "Billing Operations", away: false, reassign: false, seat: true },
  { name: "Oliver Schmidt", job: "Solutions Engineer", away: false, reassign: false, seat: false },
] as const;

export function seededAdmins(teams: Team[]): Admin[] {
  return ADMIN_DEFS.map((def, i) => {
    const first = slug(def.name.split(" ")[0]!);
    return {
      type: "admin",
      id: String(FIRST_ADMIN_ID + i),
      name: def.name,
      email: `${first}@northwind.example`,
      job_title: def.job,
      away_mode_enabled: def.away,
      away_mode_reassign: def.reassign,
      has_inbox_seat: def.seat,
      team_ids: teams.filter((t) => t.admin_ids.includes(FIRST_ADMIN_ID + i)).map((t) => Number(t.id)),
      avatar: i % 3 === 2 ? null : { image_url: `https://static.intercomassets.com/avatars/${FIRST_ADMIN_ID + i}/square_128/${first}.png` },
    };
  });
}

export const seededBot = (app: App): Bot => ({ type: "bot", id: "7350099", name: "Operator", email: `operator+${app.id_code}@intercom.io` });

// ---------------------------------------------------------------- activity log

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

export function seedActivityLogs(ws: Workspace, rng: Rng): void {
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
