import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { Admin } from "../schema/admin.js";
import type { Team } from "../schema/team.js";
import { once, type LoaderKit } from "./batch.js";

/** Per-request loaders of admins and teams (see DESIGN.md's loader catalogue: one list call each). */
export interface AdminLoaders {
  /** The workspace's admins, from one `GET /admins` per request. */
  allAdmins(): Promise<Admin[]>;
  /** The workspace's teams, from one `GET /teams` per request. */
  allTeams(): Promise<Team[]>;
  admin: DataLoader<string, Admin>;
  team: DataLoader<string, Team>;
}

export function createAdminLoaders(kit: LoaderKit, dataSources: DataSources): AdminLoaders {
  const allAdmins = once(() => dataSources.admins.list());
  const allTeams = once(() => dataSources.teams.list());
  return {
    allAdmins,
    allTeams,
    admin: kit.fromList("admin", allAdmins, "Admin"),
    team: kit.fromList("team", allTeams, "Team"),
  };
}
