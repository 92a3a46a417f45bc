// Seeded companies (their user_count is filled as contacts are linked to them).
import type { App } from "../../records.js";
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME, slug } from "../../seeding.js";
import type { Company } from "./records.js";

export const COMPANY_NAMES = [
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

export function seededCompanies(rng: Rng, app: App): Company[] {
  return COMPANY_NAMES.map((name, i) => {
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
}
