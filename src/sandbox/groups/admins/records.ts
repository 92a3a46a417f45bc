// Admins: the workspace's teammates, its bot, and the admin activity log.

/** `admin` schema. `avatar` is only rendered by GET /admins?display_avatar=true and GET /me. */
export interface Admin {
  type: "admin";
  id: string; // numeric string, e.g. "7350001"
  name: string;
  email: string;
  job_title: string;
  away_mode_enabled: boolean;
  away_mode_reassign: boolean;
  has_inbox_seat: boolean;
  team_ids: number[]; // integers per the schema
  avatar: { image_url: string } | null;
}

/** The Operator / Fin bot: authors parts with author.type "bot"; not listed by GET /admins. */
export interface Bot {
  type: "bot";
  id: string;
  name: string;
  email: string;
}

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

/** The workspace collections this group owns. */
export interface AdminsState {
  admins: Admin[];
  bot: Bot;
  /** Every admin activity, oldest first (the list serves newest first). */
  activityLogs: ActivityLogRecord[];
}
