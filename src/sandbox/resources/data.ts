// Sandbox resource module: Data. Seeded records live on the workspace under the
// keys of DataState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DataState {}

export const dataResource: ResourceModule = {
  name: "data",
  seed() {},
  routes: [],
};
