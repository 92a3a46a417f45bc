// Sandbox resource module: Companies. Seeded records live on the workspace under the
// keys of CompaniesState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CompaniesState {}

export const companiesResource: ResourceModule = {
  name: "companies",
  seed() {},
  routes: [],
};
