import type { DataSources } from "../datasources/index.js";
import type { CoreLoaders } from "./index.js";

/** Per-request loaders of this resource group (see DESIGN.md's loader catalogue). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SubscriptionLoaders {}

export function createSubscriptionLoaders(_dataSources: DataSources, _core: CoreLoaders): SubscriptionLoaders {
  return {};
}
