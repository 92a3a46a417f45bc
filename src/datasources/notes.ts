import { Note } from "../schema/note.js";
import { build, fromUnix } from "../schema/scalars.js";
import { requiredId } from "./reducers.js";
import { badInput } from "./errors.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

export interface RestNote {
  type?: "note";
  id: string | number;
  created_at: number;
  contact?: { type?: string; id?: string | null } | null;
  author?: { type?: string; id?: string | number | null } | null;
  body: string;
}

export function noteReducer(rest: RestNote): Note {
  const authorId = rest.author?.id;
  return build(Note, {
    id: requiredId(rest.id),
    createdAt: fromUnix(rest.created_at)!,
    contactId: rest.contact?.id ? String(rest.contact.id) : null,
    authorId: authorId === null || authorId === undefined ? null : String(authorId),
    body: rest.body,
  });
}

/** One page of a contact's notes (page-numbered upstream). */
export interface NotePage {
  items: Note[];
  totalPages: number | null;
  totalCount: number | null;
}

/** Notes: retrieve one, list a contact's (page/per_page), create one. */
export class NotesAPI extends IntercomDataSource {
  async getById(id: string): Promise<Note> {
    return noteReducer(await this.get<RestNote>(path`notes/${id}`));
  }

  async listForContact(contactId: string, page: number, perPage: number): Promise<NotePage> {
    const body = await this.get<{ data?: RestNote[]; total_count?: number; pages?: { total_pages?: number | null } | null }>(
      path`contacts/${contactId}/notes`,
      { params: { page: String(page), per_page: String(perPage) } },
    );
    return {
      items: (body.data ?? []).map(noteReducer),
      totalPages: body.pages?.total_pages ?? null,
      totalCount: body.total_count ?? null,
    };
  }

  async create(contactId: string, input: { body: string; adminId?: string | null }): Promise<Note> {
    if (input.body.trim() === "") throw badInput("input.body must not be empty", "input.body");
    const body = { body: input.body, ...(input.adminId ? { admin_id: input.adminId } : {}) };
    return this.write(WRITE_EFFECTS.createNote, { contactId }, async () => noteReducer(await this.post<RestNote>(path`contacts/${contactId}/notes`, { body })));
  }
}
