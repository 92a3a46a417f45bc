// Admins: the workspace's teammates, its bot, and the admin activity log.
import type { RestActivityLog, RestActivityLogMetadata, RestAdmin } from "../../../generated/rest/admins.js";

/** `admin`. `avatar` is kept for every admin, but only rendered by GET /admins?display_avatar=true and GET /me. */
export type Admin = RestAdmin & Required<Pick<RestAdmin, "type" | "avatar">>;

/** The Operator / Fin bot: authors parts with author.type "bot"; not listed by GET /admins (no schema of its own). */
export interface Bot {
  type: "bot";
  id: string;
  name: string;
  email: string;
}

/** `activity_log_metadata`: the only keys the document gives an activity's metadata. */
export type ActivityLogMetadata = RestActivityLogMetadata;

/** `activity_log`: the sandbox records every activity with its metadata, time and description. */
export type ActivityLogRecord = RestActivityLog & Required<Pick<RestActivityLog, "metadata" | "created_at" | "activity_description">>;

/** The workspace collections this group owns. */
export interface AdminsState {
  admins: Admin[];
  bot: Bot;
  /** Every admin activity, oldest first (the list serves newest first). */
  activityLogs: ActivityLogRecord[];
}
