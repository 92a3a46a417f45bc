import { reduceTeam } from "../generated/reducers/teams.js";
import type { RestTeam, RestTeamList } from "../generated/rest/teams.js";
import type { Team } from "../schema/team.js";
import { IntercomDataSource, path } from "./intercom.js";

/** Teams: GET /teams, GET /teams/{team_id}. */
export class TeamsAPI extends IntercomDataSource {
  async list(): Promise<Team[]> {
    const body = await this.get<RestTeamList>(path`teams`, { cache: "teams" });
    return body.teams.map(reduceTeam);
  }

  async getById(id: string): Promise<Team> {
    return reduceTeam(await this.get<RestTeam>(path`teams/${id}`, { cache: "teams" }));
  }
}
