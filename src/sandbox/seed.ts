// Deterministic demo workspace. Everything derives from one seeded PRNG and a fixed
// base time, so two sandboxes always hold identical data (and tests can rely on it).
// Never use Math.random or Date.now here.
import { resourceModules } from "./resources/index.js";
import { Rng } from "./rng.js";
import type {
  Admin,
  AppliedTag,
  Bot,
  Company,
  Contact,
  Conversation,
  ConversationPart,
  ConversationStatistics,
  DeliveredAs,
  Note,
  PartAuthor,
  PartType,
  Reference,
  SourceType,
  Tag,
  Team,
  Workspace,
} from "./types.js";

/** 2026-10-01T00:00:00Z: every seeded timestamp lies before it. */
export const SEED_BASE_TIME = Date.UTC(2026, 9, 1) / 1000;
const DAY = 86_400;
const HOUR = 3_600;
const MINUTE = 60;

// ---------------------------------------------------------------- static pools

const ADMIN_DEFS = [
  { name: "Ava Thompson", job: "Head of Support", away: false, reassign: false, seat: true },
  { name: "Liam Chen", job: "Support Engineer", away: false, reassign: false, seat: true },
  { name: "Sofia Martínez", job: "Customer Success Manager", away: false, reassign: false, seat: true },
  { name: "Noah Patel", job: "Account Executive", away: false, reassign: false, seat: true },
  { name: "Emma Johansson", job: "Billing Specialist", away: false, reassign: false, seat: true },
  { name: "Lucas Rossi", job: "Support Engineer", away: true, reassign: false, seat: true },
  { name: "Mia Nakamura", job: "Sales Development Representative", away: false, reassign: false, seat: true },
  { name: "Ethan Okafor", job: "Technical Support Lead", away: true, reassign: true, seat: true },
  { name: "Chloe Dubois", job: "Billing Operations", away: false, reassign: false, seat: true },
  { name: "Oliver Schmidt", job: "Solutions Engineer", away: false, reassign: false, seat: false },
] as const;

/** Team name → indexes into ADMIN_DEFS (team membership is the source of admin.team_ids). */
const TEAM_DEFS = [
  { name: "Support", members: [0, 1, 5, 7, 9] },
  { name: "Sales", members: [2, 3, 6] },
  { name: "Billing", members: [0, 4, 8] },
  { name: "Escalations", members: [1, 7] },
] as const;

const TAG_NAMES = [
  "VIP",
  "Bug",
  "Feature request",
  "Billing",
  "Refund",
  "Onboarding",
  "Churn risk",
  "Enterprise",
  "Urgent",
  "Feedback",
] as const;

const COMPANY_NAMES = [
  "Acme Logistics", "Bluebird Analytics", "Cobalt Health", "Driftwood Studios", "Evergreen Foods",
  "Foxglove Media", "Granite Capital", "Harbor Freight Labs", "Ironclad Security", "Juniper Travel",
  "Kestrel Robotics", "Lumen Energy", "Maple & Finch", "Nimbus Cloudworks", "Orchid Retail",
  "Pinnacle Legal", "Quasar Games", "Redwood Realty", "Saffron Kitchens", "Tidewater Marine",
  "Umbra Design", "Vantage Insurance", "Willow Education", "Xenon Biotech", "Yellowtail Shipping",
  "Zephyr Airlines", "Atlas Manufacturing", "Beacon Nonprofit", "Cascade Software", "Delta Dental Group",
  "Ember Fitness", "Fjord Outdoor",
] as const;
const INDUSTRIES = ["Logistics", "Software", "Healthcare", "Media", "Retail", "Finance", "Education", "Travel", "Manufacturing", "Energy"] as const;
const PLANS = [
  { id: "269315", name: "Starter" },
  { id: "269316", name: "Growth" },
  { id: "269317", name: "Enterprise" },
] as const;

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

const CONTACT_OPENERS = [
  "Hi, I can't log in to my account since this morning.",
  "Hello! How do I export my invoices as CSV?",
  "The dashboard keeps showing a spinner and never loads.",
  "Can I upgrade from Starter to Growth mid-cycle?",
  "I was charged twice this month, can you check?",
  "Is there an API endpoint for bulk importing users?",
  "Our webhook deliveries started failing with 502 errors.",
  "How do I add a teammate to our workspace?",
  "We'd like a refund for the unused seats.",
  "Does your product support single sign-on with Okta?",
  "The mobile app crashes when I open the reports tab.",
  "I'd love a dark mode, any plans?",
  "Can you help me set up the Slack integration?",
  "My password reset email never arrives.",
  "Where can I find the data processing agreement?",
] as const;
const CONTACT_FOLLOWUPS = [
  "Thanks, that worked!",
  "I tried that but I still see the same error.",
  "Here is a screenshot of what I'm seeing.",
  "Any update on this?",
  "Great, appreciate the quick help.",
  "It happens on both Chrome and Safari.",
  "Our account id is in the email I sent earlier.",
  "Could you escalate this please? It's blocking our launch.",
  "Perfect, thank you so much!",
  "Sorry, one more question about billing.",
] as const;
const ADMIN_REPLIES = [
  "Thanks for reaching out! Let me look into this for you.",
  "Could you share the email address on the account?",
  "I've reset the session on our side, please try again.",
  "You can export invoices from Settings → Billing → Invoices.",
  "I've passed this to our engineering team and will update you shortly.",
  "Good news: the fix has been deployed. Could you confirm it works now?",
  "I've issued the refund; it should appear within 5–10 business days.",
  "Here's our guide on SSO setup: https://docs.northwind.example/sso",
  "Happy to help! Is there anything else I can do for you?",
  "I've upgraded your plan; the change is prorated automatically.",
] as const;
const NOTES = [
  "Customer is on the annual plan, renewal next month.",
  "Looks related to the incident INC-2291.",
  "Checked logs: 502s come from their proxy, not from us.",
  "VIP account — keep response times short.",
  "Billing confirmed the duplicate charge.",
  "Asked engineering in #support-escalations.",
] as const;
const EMAIL_SUBJECTS = [
  "Invoice question",
  "Problem with login",
  "Request for refund",
  "Partnership enquiry",
  "Webhook failures",
  "Account deletion request",
] as const;
const PAGE_URLS = [
  "https://app.northwind.example/dashboard",
  "https://app.northwind.example/settings/billing",
  "https://app.northwind.example/reports",
  "https://northwind.example/pricing",
] as const;
const ISSUE_TYPES = ["Billing", "Bug", "How-to", "Account", "Integration", "Feature request"] as const;
const RATING_REMARKS = ["Super helpful, thanks!", "Fast and friendly.", "Took a while but solved.", "Not resolved yet.", "Great support as always."] as const;

const SOURCE_TYPES: readonly (readonly [SourceType, number])[] = [
  ["conversation", 34],
  ["email", 18],
  ["whatsapp", 8],
  ["phone_call", 7],
  ["sms", 6],
  ["facebook", 5],
  ["instagram", 5],
  ["push", 5],
  ["twitter", 4],
  ["phone_switch", 5],
];

const p = (text: string): string => `<p>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
const slug = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

export interface SeedSizes {
  admins: number;
  teams: number;
  tags: number;
  companies: number;
  contacts: number;
  conversations: number;
}

export const DEFAULT_SEED_SIZES: SeedSizes = {
  admins: ADMIN_DEFS.length,
  teams: TEAM_DEFS.length,
  tags: TAG_NAMES.length,
  companies: COMPANY_NAMES.length,
  contacts: 240,
  conversations: 320,
};

/** Builds a fresh workspace. Same seed → identical data. */
export function seedWorkspace(seed = 20261001): Workspace {
  const rng = new Rng(seed);
  const app = {
    type: "app" as const,
    id_code: "nw7k2q9x",
    name: "Northwind Cloud",
    region: "US",
    timezone: "Etc/UTC", // search truncates dates to calendar days in this zone
    created_at: SEED_BASE_TIME - 900 * DAY,
    identity_verification: false,
  };

  // Admins and teams: team membership drives admin.team_ids so both sides agree.
  const teams: Team[] = TEAM_DEFS.map((def, i) => ({
    type: "team",
    id: String(5017001 + i),
    name: def.name,
    admin_ids: def.members.map((m) => 7350001 + m),
  }));
  teams[0]!.admin_priority_level = { primary_admin_ids: [7350001, 7350002], secondary_admin_ids: [7350006] };
  const admins: Admin[] = ADMIN_DEFS.map((def, i) => {
    const first = slug(def.name.split(" ")[0]!);
    return {
      type: "admin",
      id: String(7350001 + i),
      name: def.name,
      email: `${first}@northwind.example`,
      job_title: def.job,
      away_mode_enabled: def.away,
      away_mode_reassign: def.reassign,
      has_inbox_seat: def.seat,
      team_ids: teams.filter((t) => t.admin_ids.includes(7350001 + i)).map((t) => Number(t.id)),
      avatar: i % 3 === 2 ? null : { image_url: `https://static.intercomassets.com/avatars/${7350001 + i}/square_128/${first}.png` },
    };
  });
  const bot: Bot = { type: "bot", id: "7350099", name: "Operator", email: `operator+${app.id_code}@intercom.io` };

  const tags: Tag[] = TAG_NAMES.map((name, i) => ({ type: "tag", id: String(9100001 + i), name }));

  const companies: Company[] = COMPANY_NAMES.map((name, i) => {
    const created = SEED_BASE_TIME - rng.int(200, 1200) * DAY + rng.int(0, DAY);
    const plan = rng.pick(PLANS);
    return {
      type: "company",
      id: rng.hex(24),
      name,
      app_id: app.id_code,
      company_id: `cmp_${1001 + i}`,
      plan: { type: "plan", id: plan.id, name: plan.name },
      remote_created_at: created - rng.int(1, 90) * DAY,
      created_at: created,
      updated_at: created + rng.int(1, 150) * DAY,
      last_request_at: SEED_BASE_TIME - rng.int(0, 30) * DAY,
      size: rng.pick([5, 12, 40, 85, 250, 1200, 5000]),
      website: `https://www.${slug(name)}.example`,
      industry: rng.pick(INDUSTRIES),
      monthly_spend: rng.pick([0, 49, 99, 299, 999, 4999]),
      session_count: rng.int(0, 5000),
      user_count: 0, // filled once contacts are linked
      custom_attributes: { account_tier: plan.name.toLowerCase(), region: rng.pick(["AMER", "EMEA", "APAC"]) },
      tags: { type: "tag.list", tags: [] },
      segments: { type: "segment.list", segments: [] },
    };
  });

  const notes: Note[] = [];
  const contacts: Contact[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < DEFAULT_SEED_SIZES.contacts; i++) {
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

    const contactNotes: Note[] = [];
    if (rng.chance(0.2)) {
      for (let n = rng.int(1, 2); n > 0; n--) {
        const author = rng.pick(admins);
        const { avatar: _avatar, ...authorNoAvatar } = author;
        contactNotes.push({
          type: "note",
          id: String(8800001 + notes.length + contactNotes.length),
          created_at: updated - rng.int(0, 30) * DAY,
          contact: { type: "contact", id },
          author: authorNoAvatar,
          body: p(rng.pick(NOTES)),
        });
      }
      notes.push(...contactNotes);
    }

    // contact_tags / contact_notes / contact_companies: references with relative API urls.
    const refList = (kind: string, plural: string, items: { id: string }[]) => ({
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
  // Resource modules add their own collections below, so the core literal is not yet a whole Workspace.
  const workspace = {
    app,
    admins,
    bot,
    teams,
    tags,
    companies,
    notes,
    contacts,
    conversations: [],
    lastWriteAt: { contacts: new Map(), conversations: new Map() },
    nextPartId: 50000001,
  } as unknown as Workspace;
  const contactOrder = rng.shuffle(contacts);
  for (let i = 0; i < DEFAULT_SEED_SIZES.conversations; i++) {
    workspace.conversations.push(seedConversation(rng, workspace, i, contactOrder));
  }
  // Each module gets its own Rng, so adding one never changes another's data.
  resourceModules.forEach((module, i) => module.seed(workspace, new Rng(seed + 7919 * (i + 1))));
  return workspace;
}

// ---------------------------------------------------------------- conversations

export function adminAuthor(a: Admin): PartAuthor {
  return { type: "admin", id: a.id, name: a.name, email: a.email };
}
export function contactAuthor(c: Contact): PartAuthor {
  return { type: c.role, id: c.id, name: c.name, email: c.email };
}
function teamAuthor(t: Team, app: { id_code: string }): PartAuthor {
  // The schema requires an email for every author; teams get a routing address.
  return { type: "team", id: t.id, name: t.name, email: `${slug(t.name)}+${app.id_code}@northwind.example` };
}

export function makePart(
  ws: Workspace,
  part_type: PartType,
  author: PartAuthor,
  at: number,
  body: string | null,
  assigned_to: Reference | null = null,
): ConversationPart {
  return {
    type: "conversation_part",
    id: String(ws.nextPartId++),
    part_type,
    body,
    created_at: at,
    updated_at: at,
    notified_at: at,
    assigned_to,
    author,
    attachments: [],
    external_id: null,
    redacted: false,
  };
}

function deliveredAsFor(rng: Rng, type: SourceType): DeliveredAs {
  switch (type) {
    case "conversation":
      return rng.weighted([["customer_initiated", 7], ["operator_initiated", 1], ["automated", 1], ["admin_initiated", 1]] as const);
    case "email":
      return rng.weighted([["customer_initiated", 5], ["admin_initiated", 2], ["campaigns_initiated", 1]] as const);
    case "push":
      return rng.weighted([["automated", 2], ["campaigns_initiated", 1]] as const);
    case "phone_call":
    case "phone_switch":
      return rng.weighted([["customer_initiated", 3], ["admin_initiated", 1]] as const);
    default:
      return "customer_initiated";
  }
}

function seedConversation(rng: Rng, ws: Workspace, index: number, contactOrder: Contact[]): Conversation {
  const id = String(10001 + index);
  const { admins, teams, bot, tags } = ws;
  // Walking a shuffled contact order spreads conversations over many distinct contacts.
  const primary = contactOrder[index % contactOrder.length]!;
  const convContacts = [primary];
  if (rng.chance(0.08)) {
    for (const extra of rng.sample(contactOrder, rng.int(1, 2))) if (!convContacts.includes(extra)) convContacts.push(extra);
  }

  const sourceType = rng.weighted(SOURCE_TYPES);
  const deliveredAs = deliveredAsFor(rng, sourceType);
  // Part count: mostly 2..25, a dozen long threads (38..48), one 520-part thread to
  // exercise the 500-part cap of GET /conversations/{id}.
  const target = index === 7 ? 520 : index % 27 === 5 ? rng.int(38, 48) : rng.int(2, 25);
  const createdAt = SEED_BASE_TIME - (index === 7 ? 200 : rng.int(1, 120)) * DAY - rng.int(0, DAY - 1);
  // Shrink the gaps between parts so the thread ends before the base time.
  const stepScale = Math.min(1, (SEED_BASE_TIME - createdAt - HOUR) / (target * 14 * HOUR));
  const team = rng.pick(teams);
  const teamMembers = admins.filter((a) => team.admin_ids.includes(Number(a.id)));
  const owner = rng.pick(teamMembers.length ? teamMembers : admins);
  const aiAgent = sourceType === "conversation" && rng.chance(0.12);

  const sourceAuthor: PartAuthor =
    deliveredAs === "customer_initiated"
      ? contactAuthor(primary)
      : deliveredAs === "operator_initiated"
        ? { ...bot }
        : adminAuthor(deliveredAs === "admin_initiated" ? owner : admins[0]!);
  const subject = sourceType === "email" ? rng.pick(EMAIL_SUBJECTS) : "";
  const openerText = deliveredAs === "customer_initiated" ? rng.pick(CONTACT_OPENERS) : rng.pick(ADMIN_REPLIES);

  const parts: ConversationPart[] = [];
  const stats: ConversationStatistics = { type: "conversation_statistics", count_reopens: 0, count_assignments: 0, count_conversation_parts: 0 };
  let t = createdAt;
  let state = "open" as "open" | "closed" | "snoozed"; // widened: closures below mutate it
  let snoozedUntil: number | null = null;
  let adminAssignee: number | null = null;
  let teamAssignee: number | null = null;
  let lastCommentBy = (deliveredAs === "customer_initiated" ? "contact" : "admin") as "contact" | "admin";
  let waitingSince: number | null = deliveredAs === "customer_initiated" ? createdAt : null;
  const replyGaps: number[] = [];
  if (deliveredAs === "customer_initiated") {
    stats.first_contact_reply_at = createdAt;
    stats.last_contact_reply_at = createdAt;
  }

  const tick = (): number => {
    const step = rng.weighted([[rng.int(1, 15) * MINUTE, 5], [rng.int(1, 8) * HOUR, 3], [rng.int(1, 3) * DAY, 1]] as const);
    t = Math.min(t + Math.max(MINUTE, Math.round(step * stepScale)), SEED_BASE_TIME - MINUTE);
    return t;
  };
  const push = (part: ConversationPart) => parts.push(part);
  const contactComment = (): void => {
    const who = rng.pick(convContacts);
    const at = tick();
    if (state !== "open") {
      // A customer reply reopens a closed or snoozed conversation.
      if (state === "closed") stats.count_reopens++;
      state = "open";
      snoozedUntil = null;
    }
    push(makePart(ws, "comment", contactAuthor(who), at, p(rng.pick(CONTACT_FOLLOWUPS))));
    stats.first_contact_reply_at ??= at;
    stats.last_contact_reply_at = at;
    if (lastCommentBy === "admin" || waitingSince === null) waitingSince ??= at;
    lastCommentBy = "contact";
  };
  const adminComment = (who: Admin = rng.chance(0.8) ? owner : rng.pick(admins)): void => {
    const at = tick();
    push(makePart(ws, "comment", adminAuthor(who), at, p(rng.pick(ADMIN_REPLIES))));
    if (waitingSince !== null) replyGaps.push(at - waitingSince);
    stats.first_admin_reply_at ??= at;
    stats.time_to_admin_reply ??= at - createdAt;
    stats.last_admin_reply_at = at;
    if (stats.last_assignment_at !== undefined && stats.last_assignment_admin_reply_at === undefined) stats.last_assignment_admin_reply_at = at;
    waitingSince = null;
    lastCommentBy = "admin";
  };
  const assign = (to: { admin?: Admin; team?: Team }, by: PartAuthor): void => {
    const at = tick();
    let ref: Reference;
    if (to.admin) {
      adminAssignee = Number(to.admin.id);
      ref = { type: "admin", id: to.admin.id };
    } else {
      teamAssignee = Number(to.team!.id);
      ref = { type: "team", id: to.team!.id };
    }
    push(makePart(ws, "assignment", by, at, null, ref));
    stats.count_assignments++;
    stats.first_assignment_at ??= at;
    stats.time_to_assignment ??= at - createdAt;
    stats.last_assignment_at = at;
    stats.last_assignment_admin_reply_at = undefined;
  };
  const close = (who: Admin): void => {
    const at = tick();
    push(makePart(ws, "close", adminAuthor(who), at, rng.chance(0.3) ? p("Closing this out — reply any time if you need more help.") : null));
    state = "closed";
    snoozedUntil = null;
    waitingSince = null;
    stats.first_close_at ??= at;
    stats.time_to_first_close ??= at - createdAt;
    stats.last_close_at = at;
    stats.time_to_last_close = at - createdAt;
    stats.last_closed_by_id = who.id;
  };
  const snooze = (who: Admin): void => {
    const at = tick();
    push(makePart(ws, "snoozed", adminAuthor(who), at, null));
    state = "snoozed";
    snoozedUntil = at + rng.int(1, 14) * DAY;
    waitingSince = null;
  };
  const reopen = (who: Admin): void => {
    const at = tick();
    push(makePart(ws, "open", adminAuthor(who), at, null));
    if (state === "closed") stats.count_reopens++;
    state = "open";
    snoozedUntil = null;
  };

  // Routing at the start: most conversations are assigned to a team (by the Operator
  // bot or a team rule) and then picked up by an admin.
  if (aiAgent) {
    push(makePart(ws, "comment", { ...bot, name: "Fin" }, tick(), p("Hi! I'm Fin, an AI agent. Here's an article that might help.")));
  }
  const neverAssigned = rng.chance(0.12);
  if (!neverAssigned) {
    assign({ team }, rng.chance(0.7) ? { ...bot } : teamAuthor(team, ws.app));
    if (rng.chance(0.85)) assign({ admin: owner }, rng.chance(0.5) ? adminAuthor(owner) : teamAuthor(team, ws.app));
  }

  const finalState = rng.weighted([["closed", 5], ["open", 3], ["snoozed", 2]] as const);
  const reserve = finalState === "open" ? 0 : 1;
  while (parts.length < target - reserve) {
    const event = rng.weighted([
      ["contact", lastCommentBy === "admin" ? 5 : 2],
      ["admin", lastCommentBy === "contact" ? 5 : 2],
      ["note", 1],
      ["reassign", neverAssigned ? 0 : 0.5],
      ["close", state === "open" ? 0.6 : 0],
      ["snooze", state === "open" ? 0.3 : 0],
      ["reopen", state !== "open" ? 2 : 0],
    ] as const);
    if (event === "contact") contactComment();
    else if (event === "admin") adminComment();
    else if (event === "note") push(makePart(ws, "note", adminAuthor(rng.pick(admins)), tick(), p(rng.pick(NOTES))));
    else if (event === "reassign") assign({ admin: rng.pick(admins) }, { ...bot });
    else if (event === "close") close(rng.chance(0.8) ? owner : rng.pick(admins));
    else if (event === "snooze") snooze(owner);
    else reopen(owner);
  }
  if (finalState === "closed") {
    if (state !== "closed") close(rng.chance(0.8) ? owner : rng.pick(admins));
  } else if (finalState === "snoozed") {
    if (state === "closed") reopen(owner);
    if (state !== "snoozed") snooze(owner);
  } else if (state !== "open") {
    reopen(owner);
  }

  const teammateIds = [...new Set(parts.filter((x) => x.author.type === "admin").map((x) => x.author.id))];
  stats.count_conversation_parts = parts.length;
  if (replyGaps.length) {
    const sorted = [...replyGaps].sort((a, b) => a - b);
    stats.median_time_to_reply = sorted[Math.floor(sorted.length / 2)]!;
  }
  if (stats.last_assignment_admin_reply_at === undefined) delete stats.last_assignment_admin_reply_at;
  const updatedAt = parts.length ? parts[parts.length - 1]!.created_at : createdAt;

  const convTags: AppliedTag[] = rng.sample(tags, rng.weighted([[0, 5], [1, 4], [2, 2]] as const)).map((tag) => ({
    ...tag,
    applied_at: createdAt + rng.int(1, 120) * MINUTE,
    applied_by: { type: "admin", id: rng.pick(admins).id },
  }));

  const conversation: Conversation = {
    type: "conversation",
    id,
    title: sourceType === "email" ? subject : rng.chance(0.1) ? rng.pick(CONTACT_OPENERS).replace(/[.!?]$/, "") : null,
    created_at: createdAt,
    updated_at: updatedAt,
    waiting_since: state === "open" && lastCommentBy === "contact" ? waitingSince : null,
    snoozed_until: state === "snoozed" ? snoozedUntil : null,
    open: state !== "closed",
    state,
    read: rng.chance(lastCommentBy === "admin" ? 0.9 : 0.4),
    priority: rng.chance(0.15) ? "priority" : "not_priority",
    admin_assignee_id: adminAssignee,
    team_assignee_id: teamAssignee,
    tags: { type: "tag.list", tags: convTags },
    source: {
      type: sourceType,
      id: String(403900001 + index),
      delivered_as: deliveredAs,
      subject,
      body: p(openerText),
      author: sourceAuthor,
      attachments: [],
      url: sourceType === "conversation" && deliveredAs === "customer_initiated" ? rng.pick(PAGE_URLS) : null,
      redacted: false,
    },
    contacts: { type: "contact.list", contacts: convContacts.map((c) => ({ type: "contact", id: c.id, external_id: c.external_id })) },
    teammates: { type: "admin.list", teammates: teammateIds.map((tid) => ({ type: "admin", id: tid })) },
    custom_attributes: rng.chance(0.6)
      ? { issue_type: rng.pick(ISSUE_TYPES), ...(rng.chance(0.3) ? { order_id: `ORD-${rng.int(10000, 99999)}` } : {}) }
      : {},
    topics: {},
    sla_applied: rng.chance(0.2)
      ? { type: "conversation_sla_summary", sla_name: rng.pick(["VIP response", "Standard 8h"]), sla_status: rng.pick(["hit", "missed", "active"] as const) }
      : null,
    statistics: stats,
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ai_agent_participated: aiAgent,
    ai_agent: aiAgent
      ? {
          source_type: "workflow",
          source_title: "Fin — Billing & Accounts",
          last_answer_type: rng.pick(["ai_answer", "custom_answer"] as const),
          resolution_state: rng.pick(["assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"] as const),
          rating: rng.chance(0.5) ? rng.int(1, 5) : null,
          rating_remark: null,
          content_sources: {
            type: "content_source.list",
            total_count: 1,
            content_sources: [{ content_type: "article", url: "/help/en/articles/8205718-billing-faq", title: "Billing FAQ", locale: "en" }],
          },
        }
      : null,
    conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length },
  };
  if (stats.first_contact_reply_at !== undefined) {
    conversation.first_contact_reply = {
      created_at: stats.first_contact_reply_at,
      type: sourceType === "conversation" ? "conversation" : sourceType,
      url: conversation.source.url,
    };
  }
  if (state === "closed" && teammateIds.length && rng.chance(0.35)) {
    const rater = rng.pick(convContacts);
    conversation.conversation_rating = {
      rating: rng.int(1, 5),
      remark: rng.pick(RATING_REMARKS),
      created_at: updatedAt + rng.int(5, 120) * MINUTE,
      contact: { type: "contact", id: rater.id, external_id: rater.external_id },
      teammate: { type: "admin", id: adminAssignee !== null ? String(adminAssignee) : teammateIds[0]! },
    };
  }
  return conversation;
}
