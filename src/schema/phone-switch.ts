import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Phone Switch Response." })
export class PhoneSwitch {
  @Field(() => ID)
  id!: string;
}
