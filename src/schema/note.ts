import { Field, ID, InputType } from "type-graphql";
import { Note } from "../generated/graph/notes.js";
import { ConnectionType } from "./common.js";

// Note is generated from the document (scripts/graph-mapping.ts); its links are in src/resolvers/note.ts.
export * from "../generated/graph/notes.js";

export const NoteConnection = ConnectionType(Note, "Note");

@InputType({ description: "A note to add to a contact." })
export class CreateNoteInput {
  @Field(() => String, { description: "The text of the note." })
  body!: string;

  @Field(() => ID, { nullable: true, description: "The admin who writes the note (default: the admin whose token is used)." })
  adminId?: string | null;
}
