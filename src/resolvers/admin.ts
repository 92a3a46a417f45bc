import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ACTIVITY_LOG_MAX_PAGE } from "../datasources/admins.js";
import { ActivityLog, ActivityLogConnection, ActivityLogMetadata, Admin, CurrentAdmin, SetAdminAwayInput } from "../schema/admin.js";
import type { Connection } from "../schema/common.js";
import { DateTime, JSONObject } from "../schema/scalars.js";
import { Team } from "../schema/team.js";
import type { GatewayContext } from "../server/context.js";
import { cursorConnection } from "./paging.js";
import { rest } from "./rest.js";

@ArgsType()
class ActivityLogArgs {
  @Field(() => DateTime, { description: "The start of the period to list activities for." })
  createdAtAfter!: Date;

  @Field(() => DateTime, { nullable: true, description: "The end of the period to list activities for." })
  createdAtBefore?: Date | null;

  @Field(() => Int, { nullable: true, description: `How many activities (default 20, at most ${ACTIVITY_LOG_MAX_PAGE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

@Resolver(() => Admin)
export class AdminResolver {
  @Query(() => CurrentAdmin, { nullable: true, description: rest("Identify an admin: the one whose token the gateway uses, with its workspace.", "GET /me") })
  me(@Ctx() { dataSources }: GatewayContext): Promise<CurrentAdmin> {
    return dataSources.admins.me();
  }

  @Query(() => [Admin], { nullable: true, description: rest("List all admins of the workspace.", "GET /admins") })
  admins(@Ctx() { loaders }: GatewayContext): Promise<Admin[]> {
    return loaders.allAdmins();
  }

  @Query(() => Admin, { nullable: true, description: rest("Retrieve an admin.", "GET /admins/{admin_id}") })
  admin(@Arg("id", () => ID, { description: "The id of the admin." }) id: string, @Ctx() { dataSources }: GatewayContext): Promise<Admin> {
    return dataSources.admins.getById(id);
  }

  @Query(() => ActivityLogConnection, {
    nullable: true,
    description: rest("List all activity logs: what the workspace's admins did in a period, newest first.", "GET /admins/activity_logs"),
  })
  activityLogs(@Args(() => ActivityLogArgs) args: ActivityLogArgs, @Ctx() { dataSources }: GatewayContext): Promise<Connection<ActivityLog>> {
    const range = { after: args.createdAtAfter, before: args.createdAtBefore };
    return cursorConnection(args, { defaultSize: 20, maxSize: ACTIVITY_LOG_MAX_PAGE }, (perPage, after) =>
      dataSources.admins.activityLogs(range, perPage, after),
    );
  }

  @Mutation(() => Admin, { nullable: true, description: rest("Set an admin to away (or back) for the Inbox.", "PUT /admins/{admin_id}/away") })
  async setAdminAway(
    @Arg("id", () => ID, { description: "The id of the admin whose away mode to set." }) id: string,
    @Arg("input", () => SetAdminAwayInput, { description: "Whether the admin is away, and whether new replies go to the default inbox meanwhile." }) input: SetAdminAwayInput,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Admin> {
    return dataSources.admins.setAway(id, input);
  }

  @FieldResolver(() => [Team], { description: "The teams this admin is part of." })
  teams(@Root() admin: Admin, @Ctx() { loaders }: GatewayContext): Promise<Array<Team | Error>> {
    return loaders.team.loadMany(admin.teamIds);
  }
}

@Resolver(() => ActivityLog)
export class ActivityLogResolver {
  @FieldResolver(() => Admin, { nullable: true, description: "The admin who performed the activity (null when no longer on the workspace)." })
  async performedBy(@Root() log: ActivityLog, @Ctx() { loaders }: GatewayContext): Promise<Admin | null> {
    return loaders.admin.load(log.performedById).catch(nullIfNotFound);
  }
}

@Resolver(() => ActivityLogMetadata)
export class ActivityLogMetadataResolver {
  @FieldResolver(() => JSONObject, {
    description: "The whole metadata object as Intercom sent it, including keys the document does not describe (e.g. `before`/`after`).",
  })
  raw(@Root() metadata: ActivityLogMetadata): Record<string, unknown> {
    return metadata.raw;
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin who initiated the activity." })
  async updateByAdmin(@Root() metadata: ActivityLogMetadata, @Ctx() { loaders }: GatewayContext): Promise<Admin | null> {
    return metadata.updateBy ? loaders.admin.load(metadata.updateBy).catch(nullIfNotFound) : null;
  }
}

/** Activity logs outlive admins: a deleted admin's link is null, the raw id stays. */
function nullIfNotFound(error: { extensions?: { code?: unknown } }): null {
  if (error.extensions?.code === "NOT_FOUND") return null;
  throw error;
}

export const adminResolvers = [AdminResolver, ActivityLogResolver, ActivityLogMetadataResolver] as const;
