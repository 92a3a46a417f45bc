import { Field, ID, ObjectType } from "type-graphql";
import { Author } from "./author.js";

@ObjectType({ description: "Admin priority levels for the team." })
export class AdminPriorityLevel {
  @Field(() => [ID], { nullable: true, description: "The primary admin ids for the team." })
  primaryAdminIds!: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The secondary admin ids for the team." })
  secondaryAdminIds!: string[] | null;
}

@ObjectType({ description: "Teams are groups of admins in Intercom.", implements: Author })
export class Team implements Author {
  @Field(() => ID, { description: "The id of the team." })
  id!: string;

  @Field(() => String, { description: "The name of the team." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Teams have no email: always null (here so every Author answers `email`)." })
  email!: string | null;

  @Field(() => [ID], { description: "The ids of the admins that are part of the team (see `admins`)." })
  adminIds!: string[];

  @Field(() => AdminPriorityLevel, { nullable: true, description: "Admin priority levels for the team." })
  adminPriorityLevel!: AdminPriorityLevel | null;
}
