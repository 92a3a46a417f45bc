// Sandbox resource module: Tickets. Seeded records live on the workspace under the
// keys of TicketsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TicketsState {}

export const ticketsResource: ResourceModule = {
  name: "tickets",
  seed() {},
  routes: [],
};
