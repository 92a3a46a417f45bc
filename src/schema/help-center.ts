import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Collections are top level containers for Articles within the Help Center." })
export class Collection {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "Help Centers contain collections." })
export class HelpCenter {
  @Field(() => ID)
  id!: string;
}
