// Sandbox resource module: Notes. Seeded records live on the workspace under the
// keys of NotesState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface NotesState {}

export const notesResource: ResourceModule = {
  name: "notes",
  seed() {},
  routes: [],
};
