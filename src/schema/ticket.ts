import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Tickets are how you track requests from your users." })
export class Ticket {
  @Field(() => ID)
  id!: string;
}
