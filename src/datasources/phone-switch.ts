import { reducePhoneSwitch } from "../generated/reducers/phone-switch.js";
import type { RestPhoneSwitch } from "../generated/rest/phone-switch.js";
import type { PhoneSwitch } from "../schema/phone-switch.js";
import { errorFromIntercomResponse } from "./errors.js";
import { badInput } from "./errors.js";
import { IntercomDataSource, path } from "./intercom.js";
import type { AnswerHeaders } from "./upstream.js";

/** This operation's 400/422 bodies are `{error_key, message}`, not an error.list (per the document). */
interface SwitchError {
  error_key: string;
  message?: string | null;
}
const isSwitchError = (body: unknown): body is SwitchError =>
  typeof body === "object" && body !== null && typeof (body as SwitchError).error_key === "string";

/** Switch: deflect a phone call to the Messenger by SMS. */
export class PhoneSwitchAPI extends IntercomDataSource {
  async create(phone: string, customAttributes?: Record<string, unknown> | null): Promise<PhoneSwitch> {
    // Custom attribute values are strings, numbers, booleans or null (the document leaves the schema undefined).
    for (const [key, value] of Object.entries(customAttributes ?? {})) {
      if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
        throw badInput(`customAttributes.${key} must be a string, number, boolean or null`, "input.customAttributes");
      }
    }
    const rest = await this.post<RestPhoneSwitch>(path`phone_call_redirects`, {
      body: { phone, ...(customAttributes ? { custom_attributes: customAttributes } : {}) },
    });
    // Intercom's example answers without `phone` (the schema requires it): fall back to the number asked for.
    return reducePhoneSwitch({ ...rest, phone: rest.phone ?? phone });
  }

  protected override errorFromResponse(status: number, body: unknown, headers: AnswerHeaders, operation: string) {
    if (!isSwitchError(body)) return super.errorFromResponse(status, body, headers, operation);
    // Keep Intercom's error key as the error code, as for every other operation.
    const asList = { errors: [{ code: body.error_key, message: body.message ?? null }] };
    return errorFromIntercomResponse(status, asList, headers, operation);
  }
}
