import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A segment is a group of your contacts defined by the rules that you set." })
export class Segment {
  @Field(() => ID)
  id!: string;
}
