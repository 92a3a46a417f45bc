import { Ctx, FieldResolver, ID, Query, Resolver, Root, Arg } from "type-graphql";
import { Admin, CurrentAdmin } from "../schema/admin.js";
import { Team } from "../schema/team.js";
import type { GatewayContext } from "../server/context.js";
import { rest } from "./rest.js";

@Resolver(() => Admin)
export class AdminResolver {
  @Query(() => CurrentAdmin, { nullable: true, description: rest("Identify the admin whose token the gateway uses.", "GET /me") })
  me(@Ctx() { dataSources }: GatewayContext): Promise<CurrentAdmin> {
    return dataSources.admins.me();
  }

  @Query(() => [Admin], { nullable: true, description: rest("List all admins of the workspace.", "GET /admins") })
  admins(@Ctx() { loaders }: GatewayContext): Promise<Admin[]> {
    return loaders.allAdmins();
  }

  @Query(() => Admin, { nullable: true, description: rest("Retrieve an admin.", "GET /admins/{admin_id}") })
  admin(@Arg("id", () => ID) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Admin> {
    return dataSources.admins.getById(id);
  }

  @FieldResolver(() => [Team], { description: "The teams this admin is part of." })
  teams(@Root() admin: Admin, @Ctx() { loaders }: GatewayContext): Promise<Array<Team | Error>> {
    return loaders.team.loadMany(admin.teamIds);
  }
}

export const adminResolvers = [AdminResolver] as const;
