// Sandbox resource module: Admins. Seeded records live on the workspace under the
// keys of AdminsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AdminsState {}

export const adminsResource: ResourceModule = {
  name: "admins",
  seed() {},
  routes: [],
};
