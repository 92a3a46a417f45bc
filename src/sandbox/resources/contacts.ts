// Sandbox resource module: Contacts. Seeded records live on the workspace under the
// keys of ContactsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ContactsState {}

export const contactsResource: ResourceModule = {
  name: "contacts",
  seed() {},
  routes: [],
};
