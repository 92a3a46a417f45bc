import { Field, ID, InputType } from "type-graphql";
import { ContactRole } from "./contact.js";
import { JSONObject } from "./scalars.js";

// Visitor, its avatar and location are generated from the document (scripts/graph-mapping.ts);
// links are in src/resolvers/visitor.ts.
export * from "../generated/graph/visitors.js";

@InputType({ description: "Changes to a visitor, identified by exactly one of id or userId." })
export class UpdateVisitorInput {
  @Field(() => ID, { nullable: true, description: "The unique identifier for the visitor which is given by Intercom." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The user_id of the visitor." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The visitor's name." })
  name?: string | null;

  @Field(() => JSONObject, { nullable: true, description: "Custom attributes to set on the visitor." })
  customAttributes?: Record<string, unknown> | null;
}

@InputType({ description: "Identifies the visitor to convert: exactly one of id, userId or email." })
export class ConvertVisitorFrom {
  @Field(() => ID, { nullable: true, description: "The Intercom id of the visitor." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The user_id of the visitor." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The visitor's email." })
  email?: string | null;
}

@InputType({
  description:
    "The contact the visitor becomes: exactly one of id (an existing contact to merge into) or userId (becomes the contact's external_id); email is kept.",
})
export class ConvertVisitorTo {
  @Field(() => ID, { nullable: true, description: "The Intercom id of an existing contact to merge the visitor into." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's user_id (external_id): an existing user with it absorbs the visitor." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's email, retained by default if one is present." })
  email?: string | null;
}

@InputType({ description: "Convert a visitor into a user or a lead." })
export class ConvertVisitorInput {
  @Field(() => ContactRole, { description: "The role of the resulting contact." })
  type!: ContactRole;

  @Field(() => ConvertVisitorTo, { description: "The identifiers of the resulting contact." })
  user!: ConvertVisitorTo;

  @Field(() => ConvertVisitorFrom, { description: "The visitor to convert." })
  visitor!: ConvertVisitorFrom;
}
