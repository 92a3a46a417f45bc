import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Data Attributes are metadata used to describe your contact, company and conversation models." })
export class DataAttribute {
  @Field(() => ID)
  id!: string;
}
