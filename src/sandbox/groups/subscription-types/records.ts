// Subscription types, and each contact's explicit choices of them.

export interface Translation {
  name: string;
  description: string;
  locale: string;
}

/** `subscription_type` schema. */
export interface SubscriptionTypeRecord {
  type: "subscription";
  id: string;
  state: "live" | "draft" | "archived";
  default_translation: Translation;
  translations: Translation[];
  consent_type: "opt_out" | "opt_in";
  content_types: Array<"email" | "sms_message">;
}

/** The workspace collections this group owns. */
export interface SubscriptionTypesState {
  subscriptionTypes: SubscriptionTypeRecord[];
  /** Per contact id, the ids of the subscription types it chose, in the order chosen. */
  subscriptionChoices: Map<string, string[]>;
}
