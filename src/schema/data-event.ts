import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Data events are used to notify Intercom of changes to your data." })
export class DataEvent {
  @Field(() => ID)
  id!: string;
}
