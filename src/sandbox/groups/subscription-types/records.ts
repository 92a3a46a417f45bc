// Subscription types, and each contact's explicit choices of them.
import type { RestSubscriptionType, RestTranslation } from "../../../generated/rest/subscription-types.js";

export type Translation = RestTranslation;

/** `subscription_type`. */
export type SubscriptionTypeRecord = RestSubscriptionType;

/** The workspace collections this group owns. */
export interface SubscriptionTypesState {
  subscriptionTypes: SubscriptionTypeRecord[];
  /** Per contact id, the ids of the subscription types it chose, in the order chosen. */
  subscriptionChoices: Map<string, string[]>;
}
