// What the seeded activity log and the away-mode write both record about an admin.
import type { ActivityLogMetadata, ActivityLogRecord, Admin } from "./records.js";

export function awayMetadata(admin: Admin, away: boolean, reassign: boolean, reason: string, auto: boolean): ActivityLogMetadata {
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

export const performer = (admin: Admin, ip: string): ActivityLogRecord["performed_by"] => ({ type: "admin", id: admin.id, email: admin.email, ip });
export const ipOf = (admin: Admin) => `198.51.100.${Number(admin.id) % 250}`;
