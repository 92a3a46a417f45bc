import { reduceSubscriptionType } from "../generated/reducers/subscription-types.js";
import type { RestSubscriptionType, RestSubscriptionTypeList } from "../generated/rest/subscription-types.js";
import type { ConsentType, SubscriptionType } from "../schema/subscription-type.js";
import { WRITE_EFFECTS } from "./write-effects.js";
import { IntercomDataSource, path } from "./intercom.js";

/** Subscription types of the workspace, and the ones a contact has explicitly opted in to or out of. */
export class SubscriptionTypesAPI extends IntercomDataSource {
  async list(): Promise<SubscriptionType[]> {
    const body = await this.get<RestSubscriptionTypeList>(path`subscription_types`, { cache: "subscription_types" });
    return body.data.map(reduceSubscriptionType);
  }

  async listForContact(contactId: string): Promise<SubscriptionType[]> {
    const body = await this.get<RestSubscriptionTypeList>(path`contacts/${contactId}/subscriptions`);
    return body.data.map(reduceSubscriptionType);
  }

  async attachToContact(contactId: string, input: { id: string; consentType: ConsentType }): Promise<SubscriptionType> {
    const body = { id: input.id, consent_type: input.consentType };
    return this.write(WRITE_EFFECTS.attachSubscriptionTypeToContact, { contactId }, async () => reduceSubscriptionType(await this.post<RestSubscriptionType>(path`contacts/${contactId}/subscriptions`, { body })));
  }

  async detachFromContact(contactId: string, subscriptionTypeId: string): Promise<SubscriptionType> {
    return this.write(WRITE_EFFECTS.detachSubscriptionTypeFromContact, { contactId }, async () =>
      reduceSubscriptionType(await this.delete<RestSubscriptionType>(path`contacts/${contactId}/subscriptions/${subscriptionTypeId}`)),
    );
  }
}
