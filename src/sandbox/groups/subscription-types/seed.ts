// Seeded subscription types, and the choices about a third of the contacts made.
import type { Rng } from "../../rng.js";
import type { Workspace } from "../../workspace.js";
import { choose } from "./choices.js";
import type { SubscriptionTypeRecord } from "./records.js";

const DEFS: Array<Omit<SubscriptionTypeRecord, "type" | "id" | "default_translation" | "translations"> & { en: [string, string]; de?: [string, string] }> = [
  { state: "live", consent_type: "opt_out", content_types: ["email"], en: ["Newsletters", "Our monthly newsletter with tips and stories"], de: ["Newsletter", "Unser monatlicher Newsletter mit Tipps und Geschichten"] },
  { state: "live", consent_type: "opt_out", content_types: ["email"], en: ["Product updates", "Announcements of new features and improvements"], de: ["Produkt-Updates", "Ankündigungen neuer Funktionen"] },
  { state: "live", consent_type: "opt_in", content_types: ["sms_message"], en: ["SMS promotions", "Offers and discounts by text message"] },
  { state: "live", consent_type: "opt_in", content_types: ["email", "sms_message"], en: ["Beta program", "Early access to features in beta"] },
  { state: "archived", consent_type: "opt_out", content_types: ["email"], en: ["Webinars", "Invitations to our live webinars"] },
];

export function seedSubscriptionTypes(ws: Workspace, rng: Rng): void {
  ws.subscriptionTypes = DEFS.map((d, i) => {
    const en = { name: d.en[0], description: d.en[1], locale: "en" };
    const translations = [en, ...(d.de ? [{ name: d.de[0], description: d.de[1], locale: "de" }] : [])];
    return { type: "subscription", id: String(37846 + i), state: d.state, default_translation: en, translations, consent_type: d.consent_type, content_types: d.content_types };
  });
  ws.subscriptionChoices = new Map();
  // About a third of the contacts made explicit choices: opted out of an opt-out type or in to an opt-in one.
  const live = ws.subscriptionTypes.filter((t) => t.state === "live");
  for (const contact of ws.contacts) {
    if (!rng.chance(0.35)) continue;
    for (const type of rng.sample(live, rng.int(1, 2))) choose(ws, contact, type);
  }
}
