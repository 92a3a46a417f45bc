import type DataLoader from "dataloader";
import type { DataSources } from "../datasources/index.js";
import type { SubscriptionType } from "../schema/subscription-type.js";
import { once, type LoaderKit } from "./batch.js";

/** Per-request loaders of subscription types (see DESIGN.md's loader catalogue). */
export interface SubscriptionLoaders {
  /** The workspace's subscription types, from one `GET /subscription_types` per request. */
  allSubscriptionTypes(): Promise<SubscriptionType[]>;
  subscriptionType: DataLoader<string, SubscriptionType>;
  /** A contact's explicitly chosen subscription types: `GET /contacts/{id}/subscriptions`, de-duplicated by contact. */
  contactSubscriptionTypes: DataLoader<string, SubscriptionType[]>;
}

export function createSubscriptionLoaders(kit: LoaderKit, dataSources: DataSources): SubscriptionLoaders {
  const allSubscriptionTypes = once(() => dataSources.subscriptionTypes.list());
  return {
    allSubscriptionTypes,
    subscriptionType: kit.fromList("subscriptionType", allSubscriptionTypes, "Subscription type"),
    contactSubscriptionTypes: kit.byGet("contactSubscriptionTypes", (contactId) => dataSources.subscriptionTypes.listForContact(contactId)),
  };
}
