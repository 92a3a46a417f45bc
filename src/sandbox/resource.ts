// A resource module adds one group of Intercom operations to the sandbox: the
// data it seeds into the workspace and the routes that serve it.
import type { Rng } from "./rng.js";
import type { Route } from "./routes.js";
import type { Workspace } from "./types.js";

export interface ResourceModule {
  name: string;
  /** Adds this module's seeded records to the workspace; runs after the core seed, with its own Rng. */
  seed(ws: Workspace, rng: Rng): void;
  /** Registered after the core routes, in this order (put `/x/search` before `/x/:id`). */
  routes: Route[];
}

/**
 * A handler's answer when it is not a 200 JSON body (202, 204, a file download, extra headers).
 * An answer without a body (undefined or null) is sent with no body and no Content-Type, as
 * the document's responses without content are; a body is JSON unless `contentType` says otherwise.
 */
export class RawResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = "application/json",
    readonly headers: Record<string, string> = {},
  ) {}

  get empty(): boolean {
    return this.body === undefined || this.body === null;
  }
}
