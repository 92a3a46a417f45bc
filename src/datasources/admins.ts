import { Admin, App, CurrentAdmin } from "../schema/admin.js";
import { build, fromUnix } from "../schema/scalars.js";
import { IntercomDataSource } from "./intercom.js";

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
    id: String(rest.id),
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

/** Admins: GET /me, GET /admins, GET /admins/{admin_id}. */
export class AdminsAPI extends IntercomDataSource {
  async me(): Promise<CurrentAdmin> {
    return currentAdminReducer(await this.get<RestAdmin>("me"));
  }

  async list(): Promise<Admin[]> {
    const body = await this.get<{ admins: RestAdmin[] }>("admins");
    return body.admins.map(adminReducer);
  }

  async getById(id: string): Promise<Admin> {
    return adminReducer(await this.get<RestAdmin>(`admins/${this.segment(id)}`));
  }
}
