import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Notes allow you to annotate and comment on your contacts." })
export class Note {
  @Field(() => ID)
  id!: string;
}
