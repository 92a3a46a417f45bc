import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { SubscriptionType } from "../schema/subscription-type.js";
import { byGet, fromList, once, type CoreLoaders } from "./index.js";

/** Per-request loaders of subscription types (see DESIGN.md's loader catalogue). */
export interface SubscriptionLoaders {
  /** The workspace's subscription types, from one `GET /subscription_types` per request. */
  allSubscriptionTypes(): Promise<SubscriptionType[]>;
  subscriptionType: DataLoader<string, SubscriptionType>;
  /** A contact's explicitly chosen subscription types: `GET /contacts/{id}/subscriptions`, de-duplicated by contact. */
  contactSubscriptionTypes: DataLoader<string, SubscriptionType[]>;
}

export function createSubscriptionLoaders(dataSources: DataSources, _core: CoreLoaders): SubscriptionLoaders {
  const allSubscriptionTypes = once(() => dataSources.subscriptionTypes.list());
  return {
    allSubscriptionTypes,
    subscriptionType: fromList(allSubscriptionTypes, "Subscription type"),
    contactSubscriptionTypes: byGet((contactId) => dataSources.subscriptionTypes.listForContact(contactId)),
  };
}
