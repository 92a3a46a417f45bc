// Teams.
import type { RestTeam } from "../../../generated/rest/teams.js";

/** `team`. */
export type Team = RestTeam;

/** The workspace collections this group owns. */
export interface TeamsState {
  teams: Team[];
}
