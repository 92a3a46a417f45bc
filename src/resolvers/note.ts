import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Admin } from "../schema/admin.js";
import type { Connection } from "../schema/common.js";
import { Contact } from "../schema/contact.js";
import { CreateNoteInput, Note, NoteConnection } from "../schema/note.js";
import type { GatewayContext } from "../server/context.js";
import { arrayConnection, numberedPageConnection } from "./paging.js";
import { rest } from "./rest.js";

/** Intercom's default page is 15 notes; pages are read 50 at a time so page numbers stay stable. */
const NOTE_PAGES = { defaultSize: 15, maxSize: 50 };

@ArgsType()
class NotePageArgs {
  @Field(() => Int, { nullable: true, description: `How many notes (default ${NOTE_PAGES.defaultSize}, at most ${NOTE_PAGES.maxSize}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string;
}

function contactNotes(loaders: GatewayContext["loaders"], contactId: string, args: NotePageArgs): Promise<Connection<Note>> {
  return numberedPageConnection(args, NOTE_PAGES, (page, perPage) => loaders.contactNotes.load({ contactId, page, perPage }));
}

@Resolver(() => Note)
export class NoteResolver {
  @Query(() => Note, { nullable: true, description: rest("Retrieve a note", "GET /notes/{note_id}") })
  note(@Arg("id", () => ID, { description: "The id of the note." }) id: string, @Ctx() { loaders }: GatewayContext): Promise<Note> {
    return loaders.note.load(id);
  }

  @Query(() => NoteConnection, { nullable: true, description: rest("List all notes of a contact, newest first.", "GET /contacts/{contact_id}/notes") })
  contactNotes(
    @Arg("contactId", () => ID, { description: "The id of the contact whose notes to list." }) contactId: string,
    @Args(() => NotePageArgs) args: NotePageArgs,
    @Ctx() { loaders }: GatewayContext,
  ): Promise<Connection<Note>> {
    return contactNotes(loaders, contactId, args);
  }

  @Mutation(() => Note, { nullable: true, description: rest("Create a note", "POST /contacts/{contact_id}/notes") })
  async createNote(
    @Arg("contactId", () => ID, { description: "The id of the contact the note is about." }) contactId: string,
    @Arg("input", () => CreateNoteInput, { description: "The note's text and the admin who writes it." }) input: CreateNoteInput,
    @Ctx() { dataSources }: GatewayContext,
  ): Promise<Note> {
    return dataSources.notes.create(contactId, input);
  }

  @FieldResolver(() => Admin, { nullable: true, description: "The admin that created the note." })
  author(@Root() note: Note, @Ctx() { loaders }: GatewayContext): Promise<Admin> | null {
    return note.authorId ? loaders.admin.load(note.authorId) : null;
  }

  @FieldResolver(() => Contact, { nullable: true, description: "The contact the note was created about." })
  contact(@Root() note: Note, @Ctx() { loaders }: GatewayContext): Promise<Contact> | null {
    return note.contactId ? loaders.contact.load(note.contactId) : null;
  }
}

@Resolver(() => Contact)
export class ContactNotesResolver {
  @FieldResolver(() => NoteConnection, {
    description:
      "The notes about the contact, newest first: one `GET /contacts/{id}/notes` per contact and page (de-duplicated); none for a contact without notes.",
  })
  notes(@Root() contact: Contact, @Args(() => NotePageArgs) args: NotePageArgs, @Ctx() { loaders }: GatewayContext): Promise<Connection<Note>> {
    // The embedded references are complete when empty: no notes, no call.
    if (contact.noteIds.length === 0 && !args.after) return Promise.resolve(arrayConnection<Note>([], args));
    return contactNotes(loaders, contact.id, args);
  }
}

export const noteResolvers = [NoteResolver, ContactNotesResolver] as const;
