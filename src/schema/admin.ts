import { Field, InputType } from "type-graphql";
import { ActivityLog } from "../generated/graph/admins.js";
import { ConnectionType } from "./common.js";

// Admin, CurrentAdmin, App, ActivityLog and their parts are generated from the document
// (scripts/graph-mapping.ts); links are in src/resolvers/admin.ts.
export * from "../generated/graph/admins.js";

declare module "../generated/graph/admins.js" {
  interface ActivityLogMetadata {
    /** The metadata object as Intercom sent it, for the `raw` field. */
    raw: Record<string, unknown>;
  }
}

export const ActivityLogConnection = ConnectionType(ActivityLog, "ActivityLog");

@InputType({ description: "Away mode of an admin." })
export class SetAdminAwayInput {
  @Field(() => Boolean, { description: "Set to true to change the status of the admin to away." })
  awayModeEnabled!: boolean;

  @Field(() => Boolean, { description: "Set to true to assign any new conversation replies to your default inbox." })
  awayModeReassign!: boolean;
}
