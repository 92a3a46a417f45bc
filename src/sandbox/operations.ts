// Every operation the sandbox serves, each named by the document's operationId. The order of
// this table does not matter: the router orders routes by specificity (see router.ts).
import { resourceModules } from "./resources/index.js";
import type { Route } from "./router.js";
import { routes } from "./routes.js";

export const routeTable: readonly Route[] = [...routes, ...resourceModules.flatMap((m) => m.routes)];
