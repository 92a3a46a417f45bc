import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A data export of the conversations and messages of a time range." })
export class DataExport {
  @Field(() => ID)
  id!: string;
}
