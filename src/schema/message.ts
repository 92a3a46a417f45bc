import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Message are how you reach out to contacts in Intercom." })
export class Message {
  @Field(() => ID)
  id!: string;
}
