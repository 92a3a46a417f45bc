// A resource module adds one group of Intercom operations to the sandbox: the
// data it seeds into the workspace and the routes that serve it.
import type { Rng } from "./rng.js";
import type { Route } from "./router.js";
import type { Workspace } from "./types.js";

export interface ResourceModule {
  name: string;
  /** Adds this module's seeded records to the workspace; runs after the core seed, with its own Rng. */
  seed(ws: Workspace, rng: Rng): void;
  /** Registered after the core routes, in this order (put `/x/search` before `/x/:id`). */
  routes: Route[];
}

export { RawResponse } from "./router.js";
