// Seeded ticket types, with their attributes and the titles seeded tickets of each type take.
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import { newAttribute, type AttributeDef } from "../ticket-type-attributes/attributes.js";
import type { TicketCategory } from "./records.js";
import { newTicketType } from "./views.js";

export const TYPE_DEFS: { name: string; description: string; icon: string; category: TicketCategory; archived?: boolean; attributes: AttributeDef[]; titles: string[] }[] = [
  {
    name: "Question",
    description: "A question a customer asked that needs follow-up",
    icon: "🙋",
    category: "Customer",
    attributes: [
      { name: "Product area", description: "Where in the product the question is about", data_type: "list", list: ["Billing", "Reports", "Integrations", "Mobile app"] },
      { name: "Order number", description: "The customer's order or invoice number", data_type: "string" },
    ],
    titles: ["How do I export invoices?", "Question about SSO setup", "Where is the DPA?", "Seat pricing question", "Slack integration setup"],
  },
  {
    name: "Refund request",
    description: "A customer asks for money back",
    icon: "💸",
    category: "Customer",
    attributes: [
      { name: "Amount", description: "Amount to refund, in USD", data_type: "decimal", required: true },
      { name: "Order date", description: "When the order was placed", data_type: "datetime" },
      { name: "Receipt", description: "The receipt the customer sent", data_type: "files" },
    ],
    titles: ["Refund for unused seats", "Charged twice this month", "Refund after downgrade", "Annual plan refund"],
  },
  {
    name: "Bug Report",
    description: "A defect reported to the engineering team",
    icon: "🐞",
    category: "Back-office",
    attributes: [
      { name: "Severity", description: "How bad the bug is", data_type: "list", list: ["S1", "S2", "S3", "S4"], required: true },
      { name: "Reproducible", description: "Whether engineering could reproduce it", data_type: "boolean" },
      { name: "Affected users", description: "How many users are affected", data_type: "integer" },
      { name: "Steps to reproduce", description: "What to do to see the bug", data_type: "string", multiline: true },
    ],
    titles: ["Dashboard spinner never stops", "Reports tab crashes the iOS app", "Webhook deliveries fail with 502", "Password reset email not sent", "CSV export cuts rows"],
  },
  {
    name: "Product Incident",
    description: "An outage or degradation affecting many customers",
    icon: "🚨",
    category: "Tracker",
    attributes: [
      { name: "Status page URL", description: "The public incident page", data_type: "string" },
      { name: "Started at", description: "When the incident started", data_type: "datetime" },
      { name: "Customers affected", description: "Number of customers affected", data_type: "integer" },
    ],
    titles: ["EU login outage", "Delayed email notifications", "API latency spike", "Webhook backlog"],
  },
  {
    name: "Feature Request",
    description: "Requests for new functionality, tracked across customers",
    icon: "💡",
    category: "Tracker",
    attributes: [
      { name: "Votes", description: "Customers asking for it", data_type: "integer" },
      { name: "Planned", description: "Whether it is on the roadmap", data_type: "boolean" },
    ],
    titles: ["Dark mode", "Bulk user import API", "Okta SCIM provisioning", "Custom report builder"],
  },
  {
    name: "Legacy Escalation",
    description: "Old escalation flow, replaced by Bug Report",
    icon: "📟",
    category: "Back-office",
    archived: true,
    attributes: [{ name: "Escalated to", description: "The team it was escalated to", data_type: "string" }],
    titles: ["Escalation: billing sync", "Escalation: data import"],
  },
];

/** The ticket types (with their attributes): no draws. */
export function seedTicketTypes(ws: Workspace): void {
  TYPE_DEFS.forEach((def, i) => {
    const at = SEED_BASE_TIME - (400 - i * 30) * DAY;
    const type = newTicketType(ws, def, at);
    def.attributes.forEach((a, j) => type.ticket_type_attributes.ticket_type_attributes.push(newAttribute(ws, type, { ...a, order: j + 2 }, at)));
    ws.ticketTypes.push(type);
  });
}
