// Sandbox resource module: Tags. Seeded records live on the workspace under the
// keys of TagsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TagsState {}

export const tagsResource: ResourceModule = {
  name: "tags",
  seed() {},
  routes: [],
};
