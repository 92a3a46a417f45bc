import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Companies allow you to represent organizations using your product." })
export class Company {
  @Field(() => ID)
  id!: string;
}
