// Notes: read, and a contact's notes listed (newest first, page-numbered) and written.
import type { RestNote, RestNoteList } from "../../../generated/rest/notes.js";
import { badRequest, notFound } from "../../errors.js";
import { findAdmin, findContact } from "../../lookups.js";
import { pageSlice, parsePage, parsePerPage } from "../../paging.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { escapeHtml } from "../../seeding.js";
import { requireBody } from "../../validate.js";
import { adminView } from "../admins/views.js";
import type { Note } from "./records.js";
import { addNote, nextNoteId } from "./writes.js";

/** GET /contacts/{id}/notes: "Defaults to 15". */
const DEFAULT_PER_PAGE = 15;
const MAX_PER_PAGE = 50;

/** Intercom stores note bodies as HTML: plain text is wrapped in a paragraph. */
const asHtml = (text: string) => (/^\s*</.test(text) ? text : `<p>${escapeHtml(text)}</p>`);

/** GET /contacts/{id}/notes — newest first, page-numbered. */
function listNotes(ctx: RouteContext, { params, query }: RouteInput): RestNoteList {
  const contact = findContact(ctx.ws, params.contact_id!);
  const page = parsePage(query.page, { overflow: "refuse" });
  const perPage = parsePerPage(query.per_page, DEFAULT_PER_PAGE, { max: MAX_PER_PAGE });
  const notes = ctx.ws.notes
    .filter((n) => n.contact?.id === contact.id)
    .sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id));
  const { data, totalPages } = pageSlice(notes, page, perPage);
  return {
    type: "list",
    data,
    total_count: notes.length,
    pages: { type: "pages", next: null, page, per_page: perPage, total_pages: Math.max(1, totalPages) },
  };
}

/** POST /contacts/{id}/notes — body required; admin_id optional (the token's admin by default). */
function createNote(ctx: RouteContext, { params, body: rawBody }: RouteInput): RestNote {
  const { ws } = ctx;
  const body = requireBody(rawBody);
  const text = body.body;
  if (text === undefined || text === null) throw badRequest("parameter_not_found", "body is a required parameter", "body");
  if (typeof text !== "string" || text.trim() === "") throw badRequest("parameter_invalid", "body must be a non-empty string", "body");
  const rawAdmin = body.admin_id;
  if (rawAdmin !== undefined && rawAdmin !== null && typeof rawAdmin !== "string" && typeof rawAdmin !== "number") {
    throw badRequest("parameter_invalid", "admin_id must be a string", "admin_id");
  }
  const contact = findContact(ws, params.contact_id!);
  const admin = rawAdmin === undefined || rawAdmin === null ? ws.admins[0]! : findAdmin(ws, rawAdmin);
  if (!admin) throw notFound("not_found", "Resource Not Found");
  const note: Note = {
    type: "note",
    id: nextNoteId(ws),
    created_at: Math.floor(ctx.now() / 1000),
    contact: { type: "contact", id: contact.id },
    author: adminView(admin),
    body: asHtml(text),
  };
  addNote(ws, contact, note);
  return note;
}

export const notesGroup: ApiGroup = {
  tag: "Notes",
  routes: [
    {
      operationId: "retrieveNote",
      method: "GET",
      path: "/notes/:note_id",
      handler: ({ ws }, { params }): RestNote => {
        const note = ws.notes.find((n) => n.id === params.note_id);
        if (!note) throw notFound("not_found", "Resource Not Found");
        return note;
      },
    },
    { operationId: "listNotes", method: "GET", path: "/contacts/:contact_id/notes", handler: listNotes },
    { operationId: "createNote", method: "POST", path: "/contacts/:contact_id/notes", handler: createNote },
  ],
};
