import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime } from "./scalars.js";

@ObjectType({ description: "Notes allow you to annotate and comment on your contacts." })
export class Note {
  @Field(() => ID, { description: "The id of the note." })
  id!: string;

  @Field(() => DateTime, { description: "The time the note was created." })
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: "The id of the contact the note was created about (see `contact`)." })
  contactId!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the admin that created the note (see `author`)." })
  authorId!: string | null;

  @Field(() => String, { description: "The body text of the note (HTML)." })
  body!: string;
}

export const NoteConnection = ConnectionType(Note, "Note");

@InputType({ description: "A note to add to a contact." })
export class CreateNoteInput {
  @Field(() => String, { description: "The text of the note." })
  body!: string;

  @Field(() => ID, { nullable: true, description: "The admin who writes the note (default: the admin whose token is used)." })
  adminId?: string | null;
}
