import {
  SubscriptionType,
  type ConsentType,
  type SubscriptionContentType,
  type SubscriptionTypeState,
  type Translation,
} from "../schema/subscription-type.js";
import { build } from "../schema/scalars.js";
import { requiredId } from "./reducers.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

interface RestTranslation {
  name: string;
  description: string;
  locale: string;
}

export interface RestSubscriptionType {
  type: "subscription";
  id: string | number;
  state: string;
  default_translation: RestTranslation;
  translations: RestTranslation[];
  consent_type: string;
  content_types: string[];
}

const translation = (t: RestTranslation): Translation => ({ name: t.name, description: t.description, locale: t.locale });

export function subscriptionTypeReducer(rest: RestSubscriptionType): SubscriptionType {
  return build(SubscriptionType, {
    id: requiredId(rest.id),
    state: rest.state as SubscriptionTypeState,
    defaultTranslation: translation(rest.default_translation),
    translations: (rest.translations ?? []).map(translation),
    consentType: rest.consent_type as ConsentType,
    contentTypes: (rest.content_types ?? []) as SubscriptionContentType[],
  });
}

/** Subscription types of the workspace, and the ones a contact has explicitly opted in to or out of. */
export class SubscriptionTypesAPI extends IntercomDataSource {
  async list(): Promise<SubscriptionType[]> {
    const body = await this.get<{ data: RestSubscriptionType[] }>(path`subscription_types`, { cache: "subscription_types" });
    return body.data.map(subscriptionTypeReducer);
  }

  async listForContact(contactId: string): Promise<SubscriptionType[]> {
    const body = await this.get<{ data: RestSubscriptionType[] }>(path`contacts/${contactId}/subscriptions`);
    return body.data.map(subscriptionTypeReducer);
  }

  async attachToContact(contactId: string, input: { id: string; consentType: ConsentType }): Promise<SubscriptionType> {
    const body = { id: input.id, consent_type: input.consentType };
    return this.write(WRITE_EFFECTS.attachSubscriptionTypeToContact, { contactId }, async () => subscriptionTypeReducer(await this.post<RestSubscriptionType>(path`contacts/${contactId}/subscriptions`, { body })));
  }

  async detachFromContact(contactId: string, subscriptionTypeId: string): Promise<SubscriptionType> {
    return this.write(WRITE_EFFECTS.detachSubscriptionTypeFromContact, { contactId }, async () =>
      subscriptionTypeReducer(await this.delete<RestSubscriptionType>(path`contacts/${contactId}/subscriptions/${subscriptionTypeId}`)),
    );
  }
}
