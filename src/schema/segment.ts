import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime } from "./scalars.js";

export enum SegmentPersonType {
  CONTACT = "contact",
  USER = "user",
}
registerEnumType(SegmentPersonType, {
  name: "SegmentPersonType",
  description: "Type of the contact: contact (lead) or user.",
  valuesConfig: {
    CONTACT: { description: "The segment holds leads (Intercom calls them contacts here)." },
    USER: { description: "The segment holds users." },
  },
});

@ObjectType({ description: "A segment is a group of your contacts defined by the rules that you set." })
export class Segment {
  @Field(() => ID, { description: "The unique identifier representing the segment." })
  id!: string;

  @Field(() => String, { description: "The name of the segment." })
  name!: string;

  @Field(() => DateTime, { description: "The time the segment was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time the segment was updated." })
  updatedAt!: Date | null;

  @Field(() => SegmentPersonType, { description: "Type of the contact: contact (lead) or user." })
  personType!: SegmentPersonType;

  @Field(() => Int, {
    nullable: true,
    description: "The number of items in the user segment. Only filled when the segments were listed with `includeCount: true`.",
  })
  count!: number | null;
}

export const SegmentConnection = ConnectionType(Segment, "Segment");
export type SegmentConnection = InstanceType<typeof SegmentConnection>;
