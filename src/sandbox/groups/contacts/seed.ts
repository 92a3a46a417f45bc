// Seeded contacts: 240 users and leads (with their notes, drawn as each contact is), some
// linked to companies, and a few archived former customers.
import type { App } from "../../records.js";
import type { Rng } from "../../rng.js";
import { DAY, HOUR, SEED_BASE_TIME, slug } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { Admin } from "../admins/records.js";
import type { Company } from "../companies/records.js";
import type { Note } from "../notes/records.js";
import { seededContactNotes } from "../notes/seed.js";
import type { Tag } from "../tags/records.js";
import type { Contact } from "./records.js";
import { blankContact } from "./writes.js";

export const CONTACT_COUNT = 240;

const FIRST_NAMES = [
  "James", "Olivia", "Mateo", "Amara", "Hiro", "Priya", "Lars", "Fatima", "Diego", "Zoe", "Kwame", "Ingrid",
  "Ravi", "Leila", "Tomás", "Yuki", "Grace", "Omar", "Elena", "Finn", "Aisha", "Jonas", "Camila", "Dmitri",
  "Nora", "Kenji", "Sara", "Andrés", "Chiara", "Malik",
] as const;
const LAST_NAMES = [
  "Walker", "Singh", "García", "Kowalski", "Tanaka", "Müller", "Adeyemi", "Larsen", "Costa", "Novak", "Haddad",
  "O'Brien", "Kim", "Fischer", "Moreau", "Silva", "Ivanova", "Brennan", "Lindqvist", "Mensah",
] as const;
const FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"] as const;

const LOCATIONS = [
  { country: "United States", region: "California", city: "San Francisco", country_code: "USA", continent_code: "NA" },
  { country: "United States", region: "New York", city: "New York", country_code: "USA", continent_code: "NA" },
  { country: "United States", region: "Texas", city: "Austin", country_code: "USA", continent_code: "NA" },
  { country: "Ireland", region: "Dublin", city: "Dublin", country_code: "IRL", continent_code: "EU" },
  { country: "United Kingdom", region: "England", city: "London", country_code: "GBR", continent_code: "EU" },
  { country: "Germany", region: "Berlin", city: "Berlin", country_code: "DEU", continent_code: "EU" },
  { country: "France", region: "Île-de-France", city: "Paris", country_code: "FRA", continent_code: "EU" },
  { country: "Brazil", region: "São Paulo", city: "São Paulo", country_code: "BRA", continent_code: "SA" },
  { country: "Japan", region: "Tokyo", city: "Tokyo", country_code: "JPN", continent_code: "AS" },
  { country: "India", region: "Karnataka", city: "Bengaluru", country_code: "IND", continent_code: "AS" },
  { country: "Australia", region: "New South Wales", city: "Sydney", country_code: "AUS", continent_code: "OC" },
  { country: "Nigeria", region: "Lagos", city: "Lagos", country_code: "NGA", continent_code: "AF" },
  { country: "Canada", region: "Ontario", city: "Toronto", country_code: "CAN", continent_code: "NA" },
] as const;
/** The continent code of a seeded country (segment rules match on it; the contact schema has no such field). */
export function continentOf(country: string | null): string | null {
  return LOCATIONS.find((l) => l.country === country)?.continent_code ?? null;
}
const BROWSERS = [
  { browser: "chrome", versions: ["128.0.6613", "129.0.6668", "130.0.6723"] },
  { browser: "firefox", versions: ["130.0", "131.0"] },
  { browser: "safari", versions: ["17.6", "18.0"] },
  { browser: "edge", versions: ["129.0.2792"] },
] as const;
const OSES = ["OS X 14.6", "Windows 11", "Windows 10", "Linux", "iOS 18.0", "Android 14"] as const;
const LANGUAGES = ["en", "en-GB", "de", "fr", "pt-BR", "ja", "es"] as const;

/** The contacts, drawn one after the other; their notes go to `notes`, and linked companies count them. */
export function seededContacts(rng: Rng, { app, admins, tags, companies, notes }: { app: App; admins: Admin[]; tags: Tag[]; companies: Company[]; notes: Note[] }): Contact[] {
  const contacts: Contact[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < CONTACT_COUNT; i++) {
    const id = rng.hex(24);
    const role = rng.chance(0.7) ? "user" : "lead";
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // A few leads are anonymous (no name), as in real workspaces.
    const name = role === "lead" && rng.chance(0.2) ? null : `${first} ${last}`;
    const contactCompanies = role === "user" && rng.chance(0.75) ? rng.sample(companies, rng.chance(0.15) ? 2 : 1) : [];
    const domain = contactCompanies[0] ? contactCompanies[0].website.replace("https://www.", "") : rng.pick(FREE_MAIL);
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
    usedEmails.add(email);
    const created = SEED_BASE_TIME - rng.int(20, 700) * DAY - rng.int(0, DAY);
    const updated = Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 200) * DAY + rng.int(0, DAY));
    const lastSeen = rng.chance(0.85) ? Math.min(SEED_BASE_TIME - 1, updated - rng.int(0, 5) * DAY) : null;
    const loc = rng.chance(0.9) ? rng.pick(LOCATIONS) : null;
    const br = rng.chance(0.85) ? rng.pick(BROWSERS) : null;
    const mobile = rng.weighted([["none", 7], ["ios", 2], ["android", 1]] as const);
    const phone = rng.chance(0.6) ? `+1415555${String(rng.int(0, 9999)).padStart(4, "0")}` : null;
    const contactTags = rng.sample(tags, rng.weighted([[0, 4], [1, 4], [2, 2], [3, 1]] as const));
    const owner = rng.chance(0.7) ? Number(rng.pick(admins).id) : null;

    const contactNotes = seededContactNotes(rng, admins, notes, id, updated);

    // contact_tags / contact_notes / contact_companies: references with relative API urls.
    const refList = <K extends string>(kind: K, plural: string, items: { id: string }[]) => ({
      data: items.map((it) => ({ type: kind, id: it.id, url: `/${plural}/${it.id}` })),
      url: `/contacts/${id}/${plural}`,
      total_count: items.length,
      has_more: false,
    });

    contacts.push({
      type: "contact",
      id,
      workspace_id: app.id_code,
      external_id: role === "user" ? `usr_${10001 + i}` : null,
      role,
      email,
      email_domain: domain,
      phone,
      formatted_phone: phone,
      name,
      owner_id: owner,
      has_hard_bounced: rng.chance(0.03),
      marked_email_as_spam: rng.chance(0.02),
      unsubscribed_from_emails: rng.chance(0.1),
      created_at: created,
      updated_at: updated,
      signed_up_at: role === "user" ? created + rng.int(0, 3) * HOUR : null,
      last_seen_at: lastSeen,
      last_replied_at: rng.chance(0.6) ? updated - rng.int(0, 10) * DAY : null,
      last_contacted_at: rng.chance(0.5) ? updated - rng.int(0, 20) * DAY : null,
      last_email_opened_at: rng.chance(0.4) ? updated - rng.int(0, 40) * DAY : null,
      last_email_clicked_at: rng.chance(0.2) ? updated - rng.int(0, 40) * DAY : null,
      language_override: rng.chance(0.1) ? rng.pick(LANGUAGES) : null,
      browser: br?.browser ?? null,
      browser_version: br ? rng.pick(br.versions) : null,
      browser_language: br ? rng.pick(LANGUAGES) : null,
      os: br ? rng.pick(OSES) : null,
      android_app_name: mobile === "android" ? "Northwind" : null,
      android_app_version: mobile === "android" ? "5.12.0" : null,
      android_device: mobile === "android" ? rng.pick(["Pixel 8", "Galaxy S24"]) : null,
      android_os_version: mobile === "android" ? "14" : null,
      android_sdk_version: mobile === "android" ? "15.6.0" : null,
      android_last_seen_at: mobile === "android" ? lastSeen : null,
      ios_app_name: mobile === "ios" ? "Northwind" : null,
      ios_app_version: mobile === "ios" ? "5.12.1" : null,
      ios_device: mobile === "ios" ? rng.pick(["iPhone 15", "iPhone 16 Pro", "iPad Air"]) : null,
      ios_os_version: mobile === "ios" ? "18.0" : null,
      ios_sdk_version: mobile === "ios" ? "17.2.0" : null,
      ios_last_seen_at: mobile === "ios" ? lastSeen : null,
      custom_attributes:
        role === "user"
          ? {
              plan: rng.pick(["starter", "growth", "enterprise"]),
              seats: rng.int(1, 250),
              beta_tester: rng.chance(0.2),
              signup_source: rng.pick(["organic", "ads", "referral", "partner"]),
            }
          : { lead_source: rng.pick(["pricing_page", "webinar", "chat_widget"]), score: rng.int(0, 100) },
      avatar: rng.chance(0.5) ? { type: "avatar", image_url: `https://static.intercomassets.com/avatars/${id}/square_128/avatar.png` } : null,
      tags: refList("tag", "tags", contactTags),
      notes: refList("note", "notes", contactNotes),
      companies: { type: "list", ...refList("company", "companies", contactCompanies) },
      location: { type: "location", country: loc?.country ?? null, region: loc?.region ?? null, city: loc?.city ?? null },
      social_profiles: {
        data: rng.chance(0.25) ? [{ type: "social_profile", name: "Twitter", url: `https://twitter.com/${slug(first)}${slug(last)}` }] : [],
      },
    });
    // Draws of attributes the document's contact does not have (utm_*, referrer), kept so a
    // seed still gives the same workspace as before.
    rng.chance(0.15);
    rng.chance(0.15);
    rng.chance(0.15);
    rng.chance(0.2);
    for (const c of contactCompanies) c.user_count++;
  }
  return contacts;
}

// ---------------------------------------------------------------- archived

const ARCHIVED_PEOPLE = [
  ["Harriet", "Voss"],
  ["Bruno", "Alves"],
  ["Keiko", "Mori"],
  ["Samuel", "Osei"],
  ["Petra", "Lund"],
] as const;

/** A few archived contacts (former customers), referenced by no conversation. */
export function seedArchivedContacts(ws: Workspace, rng: Rng): void {
  ws.archivedContacts = ARCHIVED_PEOPLE.map(([first, last], i) => {
    const created = SEED_BASE_TIME - rng.int(300, 900) * DAY - rng.int(0, DAY);
    const role = i === 4 ? "lead" : "user";
    const contact = blankContact(ws, rng.hex(24), role, created);
    contact.name = `${first} ${last}`;
    contact.email = `${first.toLowerCase()}.${last.toLowerCase()}@${rng.pick(["gmail.com", "outlook.com", "proton.me"])}`;
    contact.email_domain = contact.email.split("@")[1]!;
    contact.external_id = role === "user" ? `usr_archived_${101 + i}` : null;
    contact.signed_up_at = role === "user" ? created : null;
    contact.updated_at = created + rng.int(10, 200) * DAY;
    contact.last_seen_at = contact.updated_at - rng.int(0, 30) * DAY;
    contact.custom_attributes = { churn_reason: rng.pick(["price", "moved to competitor", "company closed"]) };
    return contact;
  });
}
