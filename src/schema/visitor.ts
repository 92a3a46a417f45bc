import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Visitors are useful for representing anonymous people that have not yet been identified." })
export class Visitor {
  @Field(() => ID)
  id!: string;
}
