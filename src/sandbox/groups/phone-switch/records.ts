// Phone switch: phone calls redirected to the Messenger by SMS.
import type { RestPhoneSwitch } from "../../../generated/rest/phone-switch.js";
import type { CustomAttributes, Sent } from "../../records.js";

/** What the workspace keeps of the request, never answered: the attributes it set and when. */
interface PhoneSwitchRequest {
  custom_attributes: CustomAttributes;
  created_at: number;
}

/**
 * `phone_switch`, with the link texted to the phone (Intercom sends it beside the 2.11 schema's
 * type and phone; the sandbox answers without it) and its request.
 */
export type SandboxPhoneSwitch = Sent<RestPhoneSwitch, "url"> & PhoneSwitchRequest;

/** The workspace collections this group owns. */
export interface PhoneSwitchState {
  phoneSwitches: SandboxPhoneSwitch[];
}
