// Seeded news: three newsfeeds, and news items sent by the workspace's admins, live or draft.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";

/** The id of the first seeded news item (ids continue from there). */
export const FIRST_NEWS_ITEM_ID = 29;

const FEEDS = ["Visitor Feed", "Customer Feed", "Enterprise Feed"] as const;
const TITLES = [
  "Introducing dark mode", "Faster dashboards", "New: Slack integration", "SSO for every plan", "Bulk user import",
  "Our autumn launch week", "Webhooks get retries", "Mobile reports tab", "Invoices as CSV", "Meet the new inbox",
  "Price update for Growth", "Scheduled exports", "Two-factor for all teammates", "Custom roles", "API v3 preview",
  "Holiday support hours", "Okta SCIM provisioning", "Data residency in the EU", "Audit log export", "Keyboard shortcuts",
  "Smarter search", "Read receipts", "Team workload view", "Status page subscriptions", "Accessibility improvements",
] as const;
const LABELS = ["Product", "Update", "New", "Improvement", "Announcement", "Billing"] as const;
const REACTIONS = ["👍", "❤️", "🎉", "😆", "😮", "🚀"] as const;

export function seedNews(ws: Workspace, rng: Rng): void {
  ws.newsfeeds = FEEDS.map((name, i) => {
    const created = SEED_BASE_TIME - (400 - 30 * i) * DAY;
    return { type: "newsfeed", id: String(53 + i), name, created_at: created, updated_at: created + rng.int(0, 30) * DAY };
  });
  ws.newsItems = TITLES.map((title) => {
    const id = ws.nextNewsItemId++;
    const created = SEED_BASE_TIME - rng.int(5, 300) * DAY - rng.int(0, DAY);
    const live = rng.chance(0.7);
    const feeds = rng.sample(ws.newsfeeds, rng.weighted([[0, 1], [1, 5], [2, 3], [3, 1]] as const));
    return {
      type: "news-item",
      id: String(id),
      workspace_id: ws.app.id_code,
      title,
      body: `<p>${title}: here is what changed and how to try it.</p>`,
      sender_id: Number(rng.pick(ws.admins).id),
      state: live ? "live" : "draft",
      newsfeed_assignments: feeds.map((f) => ({ newsfeed_id: Number(f.id), published_at: created + rng.int(0, 3) * DAY })),
      labels: rng.sample(LABELS, rng.int(0, 3)),
      cover_image_url: rng.chance(0.4) ? `https://static.northwind.example/news/${id}.png` : null,
      reactions: rng.chance(0.8) ? rng.sample(REACTIONS, rng.int(2, 4)) : [],
      deliver_silently: rng.chance(0.2),
      created_at: created,
      updated_at: created + rng.int(0, 4) * DAY,
    };
  });
}
