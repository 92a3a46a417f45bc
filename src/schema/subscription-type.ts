import { Field, ID, InputType } from "type-graphql";
import { ConsentType, SubscriptionType } from "../generated/graph/subscription-types.js";
import { ConnectionType } from "./common.js";

// SubscriptionType, Translation and their enums are generated from the document (scripts/graph-mapping.ts).
export * from "../generated/graph/subscription-types.js";

export const SubscriptionTypeConnection = ConnectionType(SubscriptionType, "SubscriptionType");

@InputType({ description: "Which subscription type to attach to a contact, and how." })
export class AttachSubscriptionTypeInput {
  @Field(() => ID, { description: "The unique identifier for the subscription type which is given by Intercom." })
  id!: string;

  @Field(() => ConsentType, {
    description: "OPT_OUT opts the contact out of an opt-out subscription type; OPT_IN opts the contact in to an opt-in one.",
  })
  consentType!: ConsentType;
}
