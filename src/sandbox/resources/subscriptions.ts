// Sandbox resource module: Subscriptions. Seeded records live on the workspace under the
// keys of SubscriptionsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SubscriptionsState {}

export const subscriptionsResource: ResourceModule = {
  name: "subscriptions",
  seed() {},
  routes: [],
};
