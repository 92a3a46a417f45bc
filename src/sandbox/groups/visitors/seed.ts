// Seeded visitors: forty anonymous (a few named) people on the website.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";

const COLOURS = ["Indigo", "Amber", "Crimson", "Teal", "Olive", "Coral", "Violet", "Silver"] as const;
const CREATURES = ["Ghost", "Duck", "Fox", "Owl", "Otter", "Panda", "Lynx", "Robin"] as const;
const PLACES = [
  { city_name: "Dublin", region_name: "Leinster", country_name: "Ireland", country_code: "IRL", continent_code: "EU", postal_code: "D02 N960", timezone: "Europe/Dublin" },
  { city_name: "London", region_name: "England", country_name: "United Kingdom", country_code: "GBR", continent_code: "EU", postal_code: "EC1A 1BB", timezone: "Europe/London" },
  { city_name: "Austin", region_name: "Texas", country_name: "United States", country_code: "USA", continent_code: "NA", postal_code: "78701", timezone: "America/Chicago" },
  { city_name: "Berlin", region_name: "Berlin", country_name: "Germany", country_code: "DEU", continent_code: "EU", postal_code: "10115", timezone: "Europe/Berlin" },
  { city_name: "Tokyo", region_name: "Tokyo", country_name: "Japan", country_code: "JPN", continent_code: "AS", postal_code: "100-0001", timezone: "Asia/Tokyo" },
] as const;
const REFERRERS = ["https://www.google.com/", "https://news.ycombinator.com/", "https://www.linkedin.com/"] as const;

export function seedVisitors(ws: Workspace, rng: Rng): void {
  for (let i = 0; i < 40; i++) {
    const created = SEED_BASE_TIME - rng.int(1, 120) * DAY - rng.int(0, DAY);
    const updated = Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 20) * DAY);
    const pseudonym = `${rng.pick(COLOURS)} ${rng.pick(CREATURES)}`;
    const place = rng.chance(0.8) ? rng.pick(PLACES) : null;
    // A few visitors told the messenger who they are.
    const named = rng.chance(0.25);
    const campaign = rng.chance(0.3);
    ws.visitors.push({
      type: "visitor",
      id: rng.hex(24),
      user_id: rng.uuid(),
      anonymous: !named,
      // The schema requires a valid email (its examples send ""): every seeded visitor left one in the messenger.
      email: `visitor${i + 1}@${rng.pick(["gmail.com", "outlook.com", "proton.me"])}`,
      phone: named && rng.chance(0.3) ? `+1415555${String(rng.int(0, 9999)).padStart(4, "0")}` : null,
      name: named ? `Visitor ${i + 1}` : null,
      pseudonym: place ? `${pseudonym} from ${place.city_name}` : pseudonym,
      avatar: { type: "avatar", image_url: `https://static.intercomassets.com/app/pseudonym_avatars_2019/${pseudonym.toLowerCase().replace(" ", "-")}.png` },
      app_id: ws.app.id_code,
      companies: { type: "company.list", companies: rng.chance(0.15) ? [rng.pick(ws.companies)] : [] },
      location_data: { type: "location_data", ...(place ?? {}) },
      ...(rng.chance(0.9) ? { las_request_at: updated } : {}),
      created_at: created,
      remote_created_at: created,
      signed_up_at: created,
      updated_at: updated,
      session_count: rng.int(1, 12),
      social_profiles: { type: "social_profile.list", social_profiles: [] },
      owner_id: rng.chance(0.4) ? rng.pick(ws.admins).id : null,
      unsubscribed_from_emails: false,
      marked_email_as_spam: false,
      has_hard_bounced: false,
      tags: { type: "tag.list", tags: rng.sample(ws.tags, rng.weighted([[0, 6], [1, 3], [2, 1]] as const)).map((t) => ({ type: "tag", id: t.id, name: t.name })) },
      // Segment ids, as the schema lists them (segments are seeded before visitors).
      segments: { type: "segment.list", segments: rng.chance(0.3) && ws.segments?.length ? [rng.pick(ws.segments).id] : [] },
      custom_attributes: rng.chance(0.5) ? { landing_page: rng.pick(["/pricing", "/features", "/blog/launch"]) } : {},
      referrer: rng.chance(0.5) ? rng.pick(REFERRERS) : null,
      utm_campaign: campaign ? "autumn_launch" : null,
      utm_content: campaign ? "banner" : null,
      utm_medium: campaign ? "cpc" : null,
      utm_source: campaign ? "google" : null,
      utm_term: campaign ? "helpdesk" : null,
      do_not_track: rng.chance(0.1) ? true : null,
    });
  }
}
