import { ActivityLog, ActivityLogMetadata, Admin, App, CurrentAdmin, type ActivityType } from "../schema/admin.js";
import { build, fromUnix, toUnix } from "../schema/scalars.js";
import { requiredId } from "./reducers.js";
import { IntercomDataSource, path } from "./intercom.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { nextCursorOf, type CursorPage, type RestPages } from "./paging.js";

export interface RestAdmin {
  type?: "admin";
  id: string;
  name: string;
  email: string;
  job_title?: string | null;
  away_mode_enabled: boolean;
  away_mode_reassign: boolean;
  has_inbox_seat: boolean;
  team_ids: Array<number | string>;
  avatar?: { image_url?: string | null } | null;
  team_priority_level?: { primary_team_ids?: number[] | null; secondary_team_ids?: number[] | null } | null;
  email_verified?: boolean | null;
  app?: {
    id_code: string;
    name: string;
    region: string;
    timezone: string;
    created_at: number;
    identity_verification: boolean;
  } | null;
}

const ids = (list: Array<number | string> | null | undefined) => (list ? list.map(String) : null);

function adminFields(rest: RestAdmin): Partial<Admin> {
  return {
    id: requiredId(rest.id),
    name: rest.name,
    email: rest.email,
    jobTitle: rest.job_title ?? null,
    awayModeEnabled: rest.away_mode_enabled,
    awayModeReassign: rest.away_mode_reassign,
    hasInboxSeat: rest.has_inbox_seat,
    teamIds: ids(rest.team_ids) ?? [],
    avatar: rest.avatar ? { imageUrl: rest.avatar.image_url ?? null } : null,
    teamPriorityLevel: rest.team_priority_level
      ? {
          primaryTeamIds: ids(rest.team_priority_level.primary_team_ids),
          secondaryTeamIds: ids(rest.team_priority_level.secondary_team_ids),
        }
      : null,
  };
}

export const adminReducer = (rest: RestAdmin): Admin => build(Admin, adminFields(rest));

export function currentAdminReducer(rest: RestAdmin): CurrentAdmin {
  return build(CurrentAdmin, {
    ...adminFields(rest),
    emailVerified: rest.email_verified ?? null,
    app: rest.app
      ? build(App, {
          idCode: rest.app.id_code,
          name: rest.app.name,
          region: rest.app.region,
          timezone: rest.app.timezone,
          createdAt: fromUnix(rest.app.created_at)!,
          identityVerification: rest.app.identity_verification,
        })
      : null,
  });
}

export interface RestActivityLog {
  id: string;
  performed_by: { type?: "admin"; id: string | number; email?: string | null; ip?: string | null };
  metadata?: Record<string, unknown> | null;
  created_at?: number | null;
  activity_type: string;
  activity_description?: string | null;
}

const stringOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
const boolOrNull = (v: unknown) => (typeof v === "boolean" ? v : null);

export function activityLogReducer(rest: RestActivityLog): ActivityLog {
  const m = rest.metadata;
  return build(ActivityLog, {
    id: requiredId(rest.id),
    performedById: String(rest.performed_by.id),
    performedByEmail: rest.performed_by.email ?? null,
    performedByIp: rest.performed_by.ip ?? null,
    metadata: m
      ? build(ActivityLogMetadata, {
          signInMethod: stringOrNull(m.sign_in_method),
          externalId: stringOrNull(m.external_id),
          awayMode: boolOrNull(m.away_mode),
          awayStatusReason: stringOrNull(m.away_status_reason),
          reassignConversations: boolOrNull(m.reassign_conversations),
          source: stringOrNull(m.source),
          // The document says string, its example sends a boolean.
          autoChanged: stringOrNull(m.auto_changed),
          updateBy: stringOrNull(m.update_by),
          updateByName: stringOrNull(m.update_by_name),
          raw: m,
        })
      : null,
    createdAt: fromUnix(rest.created_at),
    activityType: rest.activity_type as ActivityType,
    activityDescription: rest.activity_description ?? null,
  });
}

/** The most activity logs one page may hold (the document gives no limit; Intercom's lists stop at 150). */
export const ACTIVITY_LOG_MAX_PAGE = 150;

/** Admins: GET /me, GET /admins, GET /admins/{admin_id}, PUT /admins/{admin_id}/away, GET /admins/activity_logs. */
export class AdminsAPI extends IntercomDataSource {
  async me(): Promise<CurrentAdmin> {
    return currentAdminReducer(await this.get<RestAdmin>(path`me`));
  }

  async list(): Promise<Admin[]> {
    const body = await this.get<{ admins: RestAdmin[] }>(path`admins`, { cache: "admins" });
    return body.admins.map(adminReducer);
  }

  async getById(id: string): Promise<Admin> {
    return adminReducer(await this.get<RestAdmin>(path`admins/${id}`, { cache: "admins" }));
  }

  async setAway(id: string, away: { awayModeEnabled: boolean; awayModeReassign: boolean }): Promise<Admin> {
    const body = { away_mode_enabled: away.awayModeEnabled, away_mode_reassign: away.awayModeReassign };
    return this.write(WRITE_EFFECTS.setAdminAway, { id }, async () => adminReducer(await this.put<RestAdmin>(path`admins/${id}/away`, { body })));
  }

  /** One page of GET /admins/activity_logs, newest first. */
  async activityLogs(
    range: { after: Date; before?: Date | null },
    perPage: number,
    startingAfter?: string | null,
  ): Promise<CursorPage<ActivityLog>> {
    const body = await this.get<{ activity_logs: RestActivityLog[]; pages?: RestPages & { total_pages?: number } }>(path`admins/activity_logs`, {
      params: {
        created_at_after: String(toUnix(range.after)),
        ...(range.before ? { created_at_before: String(toUnix(range.before)) } : {}),
        per_page: String(perPage),
        ...(startingAfter ? { starting_after: startingAfter } : {}),
      },
    });
    return { items: (body.activity_logs ?? []).map(activityLogReducer), nextCursor: nextCursorOf(body.pages), totalCount: null };
  }
}
