// Seeded data events: what about 60% of the users (and a few leads) did in the last 120 days.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { DataEventRecord } from "./records.js";

export const EVENTS: Array<[name: string, description: string, metadata: (rng: Rng) => Record<string, string>]> = [
  ["signed-in", "A user signed in", (rng) => ({ device: rng.pick(["desktop", "ios", "android"]) })],
  ["created-project", "A user created a project", (rng) => ({ project_id: `prj_${rng.int(1000, 9999)}`, template: rng.pick(["blank", "kanban", "roadmap"]) })],
  ["invited-friend", "A user invited a teammate", (rng) => ({ invite_code: `INV${rng.hex(6).toUpperCase()}` })],
  ["updated-plan", "A user changed plan", (rng) => ({ plan: rng.pick(["starter", "growth", "enterprise"]) })],
  ["placed-order", "A user placed an order", (rng) => ({ order_number: String(rng.int(100000, 999999)), currency: rng.pick(["usd", "eur", "gbp"]) })],
  ["exported-report", "A user exported a report", (rng) => ({ format: rng.pick(["csv", "pdf", "xlsx"]) })],
  ["viewed-pricing", "A user viewed the pricing page", () => ({})],
];

export function seedDataEvents(ws: Workspace, rng: Rng): void {
  // Events for about 60% of users (and a few leads), newest within the last 120 days.
  const events: DataEventRecord[] = [];
  let eventSeq = 0;
  for (const contact of ws.contacts) {
    if (!rng.chance(contact.role === "user" ? 0.6 : 0.1)) continue;
    const count = rng.int(1, 25);
    const times = Array.from({ length: count }, () => SEED_BASE_TIME - rng.int(0, 120 * DAY)).sort((a, b) => b - a);
    times.forEach((at) => {
      const [name, , metadata] = rng.pick(EVENTS);
      events.push({
        type: "event", id: `evt_${String(++eventSeq).padStart(6, "0")}${rng.hex(10)}`, event_name: name, created_at: at,
        intercom_user_id: contact.id, metadata: metadata(rng),
      });
    });
  }
  ws.dataEvents = events;
}
