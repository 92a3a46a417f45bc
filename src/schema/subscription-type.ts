import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A subscription type lets customers easily opt out of non-essential communications without missing what’s important to them." })
export class SubscriptionType {
  @Field(() => ID)
  id!: string;
}
