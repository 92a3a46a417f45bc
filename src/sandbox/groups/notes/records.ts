// Notes on contacts.
import type { UnixSeconds } from "../../records.js";
import type { Admin } from "../admins/records.js";

/** `note` schema. */
export interface Note {
  type: "note";
  id: string;
  created_at: UnixSeconds;
  contact: { type: "contact"; id: string } | null;
  author: Omit<Admin, "avatar">;
  body: string;
}

/** The workspace collections this group owns; each contact's `notes` reference list is kept in step. */
export interface NotesState {
  notes: Note[];
}
