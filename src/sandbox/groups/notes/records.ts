// Notes on contacts.
import type { RestNote } from "../../../generated/rest/notes.js";

/** `note`. */
export type Note = RestNote;

/** The workspace collections this group owns; each contact's `notes` reference list is kept in step. */
export interface NotesState {
  notes: Note[];
}
