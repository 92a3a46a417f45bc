import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Admin } from "../schema/admin.js";
import { Team } from "../schema/team.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team], { nullable: true, description: rest("List all teams: the whole workspace list.", "GET /teams") })
  teams(@Ctx() { loaders }: GatewayContext): Promise<Team[]> {
    return loaders.allTeams();
  }

  @Query(() => Team, { nullable: true, description: rest("Retrieve a team by id.", "GET /teams/{team_id}") })
  team(@Arg("id", () => ID, { description: "The id of the team." }) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Team> {
    return dataSources.teams.getById(id);
  }

  @FieldResolver(() => String, { nullable: true, description: "Teams have no email: always null (here so every Author answers `email`)." })
  email(): null {
    return null;
  }

  @FieldResolver(() => [Admin], { description: "The admins that are part of the team." })
  admins(@Root() team: Team, @Ctx() { loaders }: GatewayContext): Promise<Array<Admin | Error>> {
    return loaders.admin.loadMany(team.adminIds);
  }
}

export const teamResolvers = [TeamResolver] as const;
