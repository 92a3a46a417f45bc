// New notes: numbered after the largest id in use, and listed on their contact.
import type { Workspace } from "../../workspace.js";
import type { Contact } from "../contacts/records.js";
import type { Note } from "./records.js";

export function nextNoteId(ws: Workspace): string {
  return String(Math.max(8800000, ...ws.notes.map((n) => Number(n.id)).filter(Number.isFinite)) + 1);
}

/** Adds the note, and its reference to the contact's `notes` list. */
export function addNote(ws: Workspace, contact: Contact, note: Note): void {
  ws.notes.push(note);
  contact.notes.data.push({ type: "note", id: note.id, url: `/notes/${note.id}` });
  contact.notes.total_count = contact.notes.data.length;
}
