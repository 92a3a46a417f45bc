// Sandbox resource module: News. Seeded records live on the workspace under the
// keys of NewsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface NewsState {}

export const newsResource: ResourceModule = {
  name: "news",
  seed() {},
  routes: [],
};
