// Sandbox resource module: HelpCenter. Seeded records live on the workspace under the
// keys of HelpCenterState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface HelpCenterState {}

export const helpCenterResource: ResourceModule = {
  name: "help-center",
  seed() {},
  routes: [],
};
