import { build } from "../schema/scalars.js";
import { Team } from "../schema/team.js";
import { requiredId } from "./reducers.js";
import { IntercomDataSource, path } from "./intercom.js";

export interface RestTeam {
  type?: "team";
  id: string;
  name: string;
  admin_ids: Array<number | string>;
  admin_priority_level?: { primary_admin_ids?: number[] | null; secondary_admin_ids?: number[] | null } | null;
}

const ids = (list: Array<number | string> | null | undefined) => (list ? list.map(String) : null);

export function teamReducer(rest: RestTeam): Team {
  return build(Team, {
    id: requiredId(rest.id),
    name: rest.name,
    email: null,
    adminIds: ids(rest.admin_ids) ?? [],
    adminPriorityLevel: rest.admin_priority_level
      ? {
          primaryAdminIds: ids(rest.admin_priority_level.primary_admin_ids),
          secondaryAdminIds: ids(rest.admin_priority_level.secondary_admin_ids),
        }
      : null,
  });
}

/** Teams: GET /teams, GET /teams/{team_id}. */
export class TeamsAPI extends IntercomDataSource {
  async list(): Promise<Team[]> {
    const body = await this.get<{ teams: RestTeam[] }>(path`teams`, { cache: "teams" });
    return body.teams.map(teamReducer);
  }

  async getById(id: string): Promise<Team> {
    return teamReducer(await this.get<RestTeam>(path`teams/${id}`, { cache: "teams" }));
  }
}
