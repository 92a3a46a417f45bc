// Seeded deliveries of outbound content over the last 180 days: the rows of data exports.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { OutboundReceipt } from "./records.js";

const OUTBOUND: Array<[id: string, type: string, title: string]> = [
  ["441001", "email", "Welcome to Northwind Cloud"],
  ["441002", "email", "Your trial ends in 3 days"],
  ["441003", "post", "What's new in October"],
  ["441004", "custom_bot", "Qualify new leads"],
  ["441005", "survey", "How likely are you to recommend us?"],
  ["441006", "tour", "Dashboard tour"],
  ["441007", "series", "Onboarding series"],
  ["441008", "banner", "Scheduled maintenance"],
  ["441009", "chat", "Need a hand with your first project?"],
];

export function seedOutboundReceipts(ws: Workspace, rng: Rng): void {
  // Outbound content deliveries over the last 180 days: the rows of data exports.
  const receipts: OutboundReceipt[] = [];
  for (let i = 0; i < 2400; i++) {
    const contact = rng.pick(ws.contacts);
    const [contentId, contentType, title] = rng.pick(OUTBOUND);
    const at = SEED_BASE_TIME - rng.int(0, 180 * DAY);
    const bounced = contentType === "email" && rng.chance(0.03);
    const opened = !bounced && rng.chance(0.55) ? at + rng.int(60, 3 * DAY) : null;
    const after = (p: number) => (opened !== null && rng.chance(p) ? opened + rng.int(5, 3600) : null);
    receipts.push({
      content_id: contentId, content_type: contentType, content_title: title,
      receipt_id: String(90_000_001 + i), received_at: at,
      user_id: contact.id, user_external_id: contact.external_id, user_email: contact.email,
      opened_at: opened, clicked_at: after(0.3), replied_at: after(0.08),
      completed_at: ["survey", "tour", "series"].includes(contentType) ? after(0.4) : null,
      dismissed_at: after(0.1), unsubscribed_at: contentType === "email" ? after(0.02) : null,
      bounced_at: bounced ? at + rng.int(1, 120) : null,
    });
  }
  receipts.sort((a, b) => a.received_at - b.received_at);
  ws.outboundReceipts = receipts;
}
