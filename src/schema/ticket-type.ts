import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A ticket type, a template of the attributes its tickets have." })
export class TicketType {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "An attribute of a ticket type." })
export class TicketTypeAttribute {
  @Field(() => ID)
  id!: string;
}
