import { reduceNote } from "../generated/reducers/notes.js";
import type { RestNote, RestNoteList } from "../generated/rest/notes.js";
import type { Note } from "../schema/note.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

/** One page of a contact's notes (page-numbered upstream). */
export interface NotePage {
  items: Note[];
  totalPages: number | null;
  totalCount: number | null;
}

/** Notes: retrieve one, list a contact's (page/per_page), create one. */
export class NotesAPI extends IntercomDataSource {
  async getById(id: string): Promise<Note> {
    return reduceNote(await this.get<RestNote>(path`notes/${id}`));
  }

  async listForContact(contactId: string, page: number, perPage: number): Promise<NotePage> {
    const body = await this.get<RestNoteList>(path`contacts/${contactId}/notes`, { params: { page: String(page), per_page: String(perPage) } });
    return {
      items: (body.data ?? []).map(reduceNote),
      totalPages: body.pages?.total_pages ?? null,
      totalCount: body.total_count ?? null,
    };
  }

  async create(contactId: string, input: { body: string; adminId?: string | null }): Promise<Note> {
    if (input.body.trim() === "") throw badInput("input.body must not be empty", "input.body");
    const body = { body: input.body, ...(input.adminId ? { admin_id: input.adminId } : {}) };
    return this.write(WRITE_EFFECTS.createNote, { contactId }, async () => reduceNote(await this.post<RestNote>(path`contacts/${contactId}/notes`, { body })));
  }
}
