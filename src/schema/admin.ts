import { Field, ID, ObjectType } from "type-graphql";
import { Author } from "./author.js";
import { DateTime } from "./scalars.js";

@ObjectType({ description: "The avatar of an admin." })
export class AdminAvatar {
  @Field(() => String, { nullable: true, description: "URL of the admin's avatar image." })
  imageUrl!: string | null;
}

@ObjectType({ description: "Admin priority levels for teams." })
export class TeamPriorityLevel {
  @Field(() => [ID], { nullable: true, description: "The primary team ids for the team." })
  primaryTeamIds!: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The secondary team ids for the team." })
  secondaryTeamIds!: string[] | null;
}

@ObjectType({ description: "Admins are teammate accounts that have access to a workspace.", implements: Author })
export class Admin implements Author {
  @Field(() => ID, { description: "The id representing the admin." })
  id!: string;

  @Field(() => String, { description: "The name of the admin." })
  name!: string;

  @Field(() => String, { description: "The email of the admin." })
  email!: string;

  @Field(() => String, { nullable: true, description: "The job title of the admin." })
  jobTitle!: string | null;

  @Field(() => Boolean, { description: "Identifies if this admin is currently set in away mode." })
  awayModeEnabled!: boolean;

  @Field(() => Boolean, {
    description: "Identifies if this admin is set to automatically reassign new conversations to the apps default inbox.",
  })
  awayModeReassign!: boolean;

  @Field(() => Boolean, {
    description: "Identifies if this admin has a paid inbox seat to restrict/allow features that require them.",
  })
  hasInboxSeat!: boolean;

  @Field(() => [ID], { description: "The ids of the teams this admin is part of (see `teams`)." })
  teamIds!: string[];

  @Field(() => AdminAvatar, { nullable: true, description: "The avatar object associated with the admin." })
  avatar!: AdminAvatar | null;

  @Field(() => TeamPriorityLevel, { nullable: true, description: "Admin priority levels for teams." })
  teamPriorityLevel!: TeamPriorityLevel | null;
}

@ObjectType({ description: "App is a workspace on Intercom." })
export class App {
  @Field(() => ID, { description: "The id of the app." })
  idCode!: string;

  @Field(() => String, { description: "The name of the app." })
  name!: string;

  @Field(() => String, { description: "The Intercom region the app is located in." })
  region!: string;

  @Field(() => String, { description: "The timezone of the region where the app is located." })
  timezone!: string;

  @Field(() => DateTime, { description: "When the app was created." })
  createdAt!: Date;

  @Field(() => Boolean, { description: "Whether or not the app uses identity verification." })
  identityVerification!: boolean;
}

@ObjectType({ description: "The admin whose token the gateway uses, with the workspace (app) it belongs to." })
export class CurrentAdmin extends Admin {
  @Field(() => Boolean, { nullable: true, description: "Identifies if this admin's email is verified." })
  emailVerified!: boolean | null;

  @Field(() => App, { nullable: true, description: "App that the admin belongs to." })
  app!: App | null;
}
