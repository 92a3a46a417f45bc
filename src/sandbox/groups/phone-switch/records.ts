// Phone switch: phone calls redirected to the Messenger by SMS.
import type { CustomAttributes } from "../../records.js";

export interface SandboxPhoneSwitch {
  type: "phone_call_redirect";
  phone: string;
  /** Not part of the response (the `phone_switch` schema has type and phone only): the link texted to the phone. */
  url: string;
  custom_attributes: CustomAttributes;
  created_at: number;
}

/** The workspace collections this group owns. */
export interface PhoneSwitchState {
  phoneSwitches: SandboxPhoneSwitch[];
}
