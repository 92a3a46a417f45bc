// Sandbox resource module: Visitors. Seeded records live on the workspace under the
// keys of VisitorsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface VisitorsState {}

export const visitorsResource: ResourceModule = {
  name: "visitors",
  seed() {},
  routes: [],
};
