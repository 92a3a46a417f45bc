import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "The Articles API is a central place to gather all information and take actions on your articles." })
export class Article {
  @Field(() => ID)
  id!: string;
}
