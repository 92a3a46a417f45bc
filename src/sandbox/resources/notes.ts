// Sandbox resource module: Notes. Notes live in the core `ws.notes`; each contact's
// `notes` reference list is kept in step with it on every write.
import { badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { RouteContext, RouteInput } from "../routes.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Admin, Contact, Note, Workspace } from "../types.js";
import { isObject } from "../validate.js";
import { findContact } from "./contacts.js";

/** The workspace collections this module owns (notes themselves are core: `ws.notes`). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface NotesState {}

/** GET /contacts/{id}/notes: "Defaults to 15". */
const DEFAULT_PER_PAGE = 15;
const MAX_PER_PAGE = 50;
const DAY = 86_400;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Intercom stores note bodies as HTML: plain text is wrapped in a paragraph. */
const asHtml = (text: string) => (/^\s*</.test(text) ? text : `<p>${escapeHtml(text)}</p>`);

const SEED_NOTES = [
  "Walked them through the SSO setup on a call.",
  "Prefers email over chat; based in CET.",
  "Asked about volume discounts for 500+ seats.",
  "Reported the export bug again — linked to BUG-4312.",
  "Champion on their side; loop in for renewals.",
  "Trial extended by 14 days (approved by sales).",
  "Sent the security questionnaire answers.",
  "Follow up next week about the Slack integration.",
] as const;

/** The note's author is the admin object without its avatar. */
function authorOf(admin: Admin): Note["author"] {
  const { avatar: _avatar, ...author } = admin;
  return author;
}

function nextNoteId(ws: Workspace): string {
  return String(Math.max(8800000, ...ws.notes.map((n) => Number(n.id)).filter(Number.isFinite)) + 1);
}

function addNote(ws: Workspace, contact: Contact, note: Note): void {
  ws.notes.push(note);
  contact.notes.data.push({ type: "note", id: note.id, url: `/notes/${note.id}` });
  contact.notes.total_count = contact.notes.data.length;
}

function positiveInt(raw: string | undefined, fallback: number, field: string, max = Infinity): number {
  if (raw === undefined || raw === "") return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw badRequest("parameter_invalid", `${field} must be a positive integer`, field);
  if (n > max) throw badRequest("parameter_invalid", `${field} must be at most ${max}`, field);
  return n;
}

/** GET /contacts/{id}/notes — newest first, page-numbered. */
function listNotes(ctx: RouteContext, { params, query }: RouteInput) {
  const contact = findContact(ctx.ws, params.contact_id!);
  const page = positiveInt(query.page, 1, "page");
  const perPage = positiveInt(query.per_page, DEFAULT_PER_PAGE, "per_page", MAX_PER_PAGE);
  const notes = ctx.ws.notes
    .filter((n) => n.contact?.id === contact.id)
    .sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id));
  const totalPages = Math.max(1, Math.ceil(notes.length / perPage));
  return {
    type: "list",
    data: notes.slice((page - 1) * perPage, page * perPage),
    total_count: notes.length,
    pages: { type: "pages", next: null, page, per_page: perPage, total_pages: totalPages },
  };
}

/** POST /contacts/{id}/notes — body required; admin_id optional (the token's admin by default). */
function createNote(ctx: RouteContext, { params, body }: RouteInput): Note {
  const { ws } = ctx;
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  const text = body.body;
  if (text === undefined || text === null) throw badRequest("parameter_not_found", "body is a required parameter", "body");
  if (typeof text !== "string" || text.trim() === "") throw badRequest("parameter_invalid", "body must be a non-empty string", "body");
  const rawAdmin = body.admin_id;
  if (rawAdmin !== undefined && rawAdmin !== null && typeof rawAdmin !== "string" && typeof rawAdmin !== "number") {
    throw badRequest("parameter_invalid", "admin_id must be a string", "admin_id");
  }
  const contact = findContact(ws, params.contact_id!);
  const admin = rawAdmin === undefined || rawAdmin === null ? ws.admins[0]! : ws.admins.find((a) => a.id === String(rawAdmin));
  if (!admin) throw notFound("not_found", "Resource Not Found");
  const note: Note = {
    type: "note",
    id: nextNoteId(ws),
    created_at: Math.floor(ctx.now() / 1000),
    contact: { type: "contact", id: contact.id },
    author: authorOf(admin),
    body: asHtml(text),
  };
  addNote(ws, contact, note);
  return note;
}

export const notesResource: ResourceModule = {
  name: "notes",
  seed(ws, rng) {
    // A handful of long-standing accounts with long note histories (more than a page).
    const users = ws.contacts.filter((c) => c.role === "user" && c.created_at < SEED_BASE_TIME - 400 * DAY);
    for (const contact of rng.sample(users, 4)) {
      const count = rng.int(18, 40);
      let at = contact.created_at + rng.int(1, 10) * DAY;
      for (let i = 0; i < count && at < SEED_BASE_TIME; i++) {
        addNote(ws, contact, {
          type: "note",
          id: nextNoteId(ws),
          created_at: at,
          contact: { type: "contact", id: contact.id },
          author: authorOf(rng.pick(ws.admins)),
          body: `<p>${escapeHtml(rng.pick(SEED_NOTES))}</p>`,
        });
        at += rng.int(1, 8) * DAY + rng.int(0, DAY);
      }
    }
  },
  routes: [
    {
      operationId: "retrieveNote",
      method: "GET",
      path: "/notes/:note_id",
      handler: ({ ws }, { params }) => {
        const note = ws.notes.find((n) => n.id === params.note_id);
        if (!note) throw notFound("not_found", "Resource Not Found");
        return note;
      },
    },
    { operationId: "listNotes", method: "GET", path: "/contacts/:contact_id/notes", handler: listNotes },
    { operationId: "createNote", method: "POST", path: "/contacts/:contact_id/notes", handler: createNote },
  ],
};
