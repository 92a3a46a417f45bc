// Teams: listed and read.
import type { RestTeam, RestTeamList } from "../../../generated/rest/teams.js";
import { notFound } from "../../errors.js";
import type { ApiGroup } from "../../router.js";

export const teamsGroup: ApiGroup = {
  tag: "Teams",
  routes: [
    { operationId: "listTeams", method: "GET", path: "/teams", handler: ({ ws }): RestTeamList => ({ type: "team.list", teams: ws.teams }) },
    {
      operationId: "retrieveTeam",
      method: "GET",
      path: "/teams/:team_id",
      handler: ({ ws }, { params }): RestTeam => {
        const team = ws.teams.find((t) => t.id === params.team_id);
        if (!team) throw notFound("team_not_found", "Team not found");
        return team;
      },
    },
  ],
};
