import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { NotePage } from "../datasources/notes.js";
import type { Note } from "../schema/note.js";
import type { LoaderKit } from "./batch.js";

/** One page of one contact's notes. */
export interface ContactNotesKey {
  contactId: string;
  page: number;
  perPage: number;
}

/** Per-request loaders of notes (see DESIGN.md's loader catalogue: no batch endpoint, de-duplicated GETs). */
export interface NoteLoaders {
  /** Notes by id: `GET /notes/{id}`, de-duplicated; notes read in a contact's list are primed here. */
  note: DataLoader<string, Note>;
  /** Pages of a contact's notes: `GET /contacts/{id}/notes?page&per_page`, de-duplicated. */
  contactNotes: DataLoader<ContactNotesKey, NotePage, string>;
}

export function createNoteLoaders(kit: LoaderKit, dataSources: DataSources): NoteLoaders {
  const note = kit.byGet("note", (id) => dataSources.notes.getById(id));
  const contactNotes = kit.byKey(
    "contactNotes",
    async ({ contactId, page, perPage }: ContactNotesKey) => {
      const result = await dataSources.notes.listForContact(contactId, page, perPage);
      for (const item of result.items) note.prime(item.id, item);
      return result;
    },
    ({ contactId, page, perPage }) => `${contactId}\n${page}\n${perPage}`,
  );
  return { note, contactNotes };
}
