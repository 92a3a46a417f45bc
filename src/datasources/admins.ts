import { reduceActivityLog, reduceAdmin, reduceCurrentAdmin } from "../generated/reducers/admins.js";
import type { RestActivityLogList, RestActivityLogMetadata, RestAdmin, RestAdminList, RestAdminWithApp } from "../generated/rest/admins.js";
import type { ActivityLog, ActivityLogMetadata, Admin, CurrentAdmin } from "../schema/admin.js";
import { toUnix } from "../schema/scalars.js";
import { IntercomDataSource, path } from "./intercom.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { nextCursorOf, type CursorPage } from "./paging.js";

/** The generated reducer ends here: Intercom sends metadata keys the document does not describe, `raw` has them all. */
export function finishActivityLogMetadata(metadata: ActivityLogMetadata, rest: RestActivityLogMetadata): ActivityLogMetadata {
  metadata.raw = rest as Record<string, unknown>;
  return metadata;
}

/** The most activity logs one page may hold (the document gives no limit; Intercom's lists stop at 150). */
export const ACTIVITY_LOG_MAX_PAGE = 150;

/** Admins: GET /me, GET /admins, GET /admins/{admin_id}, PUT /admins/{admin_id}/away, GET /admins/activity_logs. */
export class AdminsAPI extends IntercomDataSource {
  async me(): Promise<CurrentAdmin> {
    return reduceCurrentAdmin(await this.get<RestAdminWithApp>(path`me`));
  }

  async list(): Promise<Admin[]> {
    const body = await this.get<RestAdminList>(path`admins`, { cache: "admins" });
    return body.admins.map(reduceAdmin);
  }

  async getById(id: string): Promise<Admin> {
    return reduceAdmin(await this.get<RestAdmin>(path`admins/${id}`, { cache: "admins" }));
  }

  async setAway(id: string, away: { awayModeEnabled: boolean; awayModeReassign: boolean }): Promise<Admin> {
    const body = { away_mode_enabled: away.awayModeEnabled, away_mode_reassign: away.awayModeReassign };
    return this.write(WRITE_EFFECTS.setAdminAway, { id }, async () => reduceAdmin(await this.put<RestAdmin>(path`admins/${id}/away`, { body })));
  }

  /** One page of GET /admins/activity_logs, newest first. */
  async activityLogs(
    range: { after: Date; before?: Date | null },
    perPage: number,
    startingAfter?: string | null,
  ): Promise<CursorPage<ActivityLog>> {
    const body = await this.get<RestActivityLogList>(path`admins/activity_logs`, {
      params: {
        created_at_after: String(toUnix(range.after)),
        ...(range.before ? { created_at_before: String(toUnix(range.before)) } : {}),
        per_page: String(perPage),
        ...(startingAfter ? { starting_after: startingAfter } : {}),
      },
    });
    return { items: (body.activity_logs ?? []).map(reduceActivityLog), nextCursor: nextCursorOf(body.pages), totalCount: null };
  }
}
