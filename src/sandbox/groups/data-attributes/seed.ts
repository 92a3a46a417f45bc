// Seeded data attributes: the built-in attributes of contacts, companies and conversations, and
// custom ones (a few archived, a few a workflow depends on).
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { DataAttributeModel, DataAttributeRecord, DataAttributeType } from "./records.js";

type BuiltIn = [name: string, fullName: string, label: string, description: string, type: DataAttributeType, apiWritable: boolean];

const BUILT_IN: Record<DataAttributeModel, BuiltIn[]> = {
  contact: [
    ["id", "id", "ID", "The Intercom defined id representing the contact", "string", false],
    ["name", "name", "Name", "A contact's full name", "string", true],
    ["email", "email", "Email", "A contact's email address", "string", true],
    ["phone", "phone", "Phone", "A contact's phone number", "string", true],
    ["external_id", "external_id", "User ID", "A number identifying a user", "string", true],
    ["role", "role", "Role", "The role of the contact: user or lead", "string", true],
    ["owner_id", "owner_id", "Owner", "The teammate who owns the contact", "integer", true],
    ["created_at", "created_at", "First seen", "The time the contact was added to Intercom", "date", false],
    ["signed_up_at", "signed_up_at", "Signed up", "The time the contact signed up", "date", true],
    ["last_seen_at", "last_seen_at", "Last seen", "The last time the contact used your product", "date", true],
    ["unsubscribed_from_emails", "unsubscribed_from_emails", "Unsubscribed from emails", "Whether the contact unsubscribed from emails", "boolean", true],
    ["language_override", "language_override", "Language override", "A preferred language setting for the contact", "string", true],
    ["name", "location.city", "City", "The city the contact is located in", "string", false],
    ["name", "location.country", "Country", "The country the contact is located in", "string", false],
  ],
  company: [
    ["id", "id", "ID", "The Intercom defined id representing the company", "string", false],
    ["name", "name", "Company name", "The name of a company", "string", true],
    ["company_id", "company_id", "Company ID", "A number identifying a company", "string", false],
    ["created_at", "created_at", "Created at", "The time the company was added to Intercom", "date", false],
    ["remote_created_at", "remote_created_at", "Company created at", "The day a company was added to Intercom", "date", true],
    ["last_request_at", "last_request_at", "Company last seen", "The last day anyone from a company visited your site or app", "date", false],
    ["user_count", "user_count", "People", "The number of people in a company", "integer", false],
    ["session_count", "session_count", "Company web sessions", "All visits from anyone in a company to your product's site or app", "integer", false],
    ["name", "plan.name", "Plan", "A specific plan or level within your product that companies have signed up to", "string", false],
    ["monthly_spend", "monthly_spend", "Monthly Spend", "The monthly revenue you receive from a company", "float", true],
    ["size", "size", "Company size", "The number of people employed in this company, expressed as a single number", "integer", true],
    ["industry", "industry", "Company industry", "The category or domain this company belongs to e.g. 'ecommerce' or 'SaaS'", "string", true],
    ["website", "website", "Company website", "The web address for the company's primary marketing site", "string", true],
  ],
  conversation: [
    ["id", "id", "ID", "The id representing the conversation", "string", false],
    ["title", "title", "Title", "The title given to the conversation", "string", true],
    ["state", "state", "State", "Can be set to open, closed or snoozed", "string", false],
    ["priority", "priority", "Priority", "If marked as priority, it will return priority or else not_priority", "string", false],
    ["created_at", "created_at", "Created at", "The time the conversation was created", "date", false],
    ["waiting_since", "waiting_since", "Waiting since", "The last time a contact responded to an admin", "date", false],
  ],
};

type Custom = [model: DataAttributeModel, name: string, description: string, type: DataAttributeType, options?: string[]];

const CUSTOM: Custom[] = [
  ["contact", "plan_tier", "The subscription tier of the user", "string", ["free", "starter", "growth", "enterprise"]],
  ["contact", "paid_subscriber", "Whether the user is a paid subscriber", "boolean"],
  ["contact", "monthly_active_days", "Days active in the last 30 days", "integer"],
  ["contact", "nps_score", "Latest NPS score the user gave", "float"],
  ["contact", "trial_ends_at", "When the user's trial ends", "date"],
  ["contact", "preferred_channel", "How the user prefers to be contacted", "string", ["email", "chat", "phone"]],
  ["contact", "seats_used", "Seats the user's team uses", "integer"],
  ["contact", "onboarding_complete", "Whether onboarding was finished", "boolean"],
  ["contact", "legacy_crm_id", "Identifier in the CRM we retired in 2024", "string"],
  ["contact", "beta_features", "Beta programmes the user joined", "string"],
  ["company", "account_tier", "The account tier of the company", "string", ["free", "starter", "growth", "enterprise"]],
  ["company", "region", "Sales region of the company", "string", ["AMER", "EMEA", "APAC"]],
  ["company", "renewal_date", "When the company's contract renews", "date"],
  ["company", "seats_purchased", "Seats the company pays for", "integer"],
  ["company", "health_score", "Customer health score (0-100)", "float"],
  ["company", "churn_risk", "Flag from the old churn model", "boolean"],
  ["company", "csm_email", "Email of the customer success manager", "string"],
  ["conversation", "issue_category", "What the conversation is about", "string", ["billing", "bug", "how-to", "feature-request"]],
  ["conversation", "escalated", "Whether the conversation was escalated to engineering", "boolean"],
  ["conversation", "order_number", "Order the conversation is about", "string"],
  ["conversation", "refund_amount", "Refund granted in the conversation", "float"],
  ["conversation", "jira_ticket", "Linked Jira issue key", "string"],
  ["conversation", "satisfaction_followup_at", "When to follow up on satisfaction", "date"],
  ["conversation", "sentiment", "Sentiment a teammate recorded", "string", ["positive", "neutral", "negative"]],
];
/** Retired attributes (archived) and attributes a workflow depends on. */
const ARCHIVED = new Set(["legacy_crm_id", "churn_risk", "jira_ticket"]);
const IN_USE = new Set(["plan_tier", "issue_category"]);

export function seedDataAttributes(ws: Workspace, rng: Rng): void {
  const admins = ws.admins;
  const attributes: DataAttributeRecord[] = [];
  for (const model of ["contact", "company", "conversation"] as const) {
    for (const [name, fullName, label, description, dataType, apiWritable] of BUILT_IN[model]) {
      attributes.push({
        type: "data_attribute", model, name, full_name: fullName, label, description, data_type: dataType,
        api_writable: apiWritable, ui_writable: apiWritable && rng.chance(0.5), messenger_writable: rng.chance(0.6),
        custom: false, archived: false,
      });
    }
  }
  const inUse: number[] = [];
  CUSTOM.forEach(([model, name, description, dataType, options], i) => {
    const created = SEED_BASE_TIME - rng.int(30, 700) * DAY - rng.int(0, DAY);
    const id = 12801 + i;
    if (IN_USE.has(name)) inUse.push(id);
    attributes.push({
      type: "data_attribute", id, model, name, full_name: `custom_attributes.${name}`,
      label: name.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" "),
      description, data_type: dataType, ...(options ? { options } : {}),
      api_writable: true, ui_writable: rng.chance(0.7), messenger_writable: rng.chance(0.3),
      custom: true, archived: ARCHIVED.has(name), admin_id: rng.pick(admins).id,
      created_at: created, updated_at: created + rng.int(0, 20) * DAY,
    });
  });
  ws.dataAttributes = attributes;
  ws.dataAttributesInUse = inUse;
}
