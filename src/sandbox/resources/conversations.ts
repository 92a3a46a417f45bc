// Sandbox resource module: Conversations. Seeded records live on the workspace under the
// keys of ConversationsState; routes follow the OpenAPI document's paths and shapes.
import type { ResourceModule } from "../resource.js";

/** The workspace collections this module owns. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ConversationsState {}

export const conversationsResource: ResourceModule = {
  name: "conversations",
  seed() {},
  routes: [],
};
