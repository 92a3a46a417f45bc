// Seeded articles: each collection's (drawn as the help center seed makes the collection),
// a few listed in both help centers, and a few in no collection.
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import { DEFAULT_LOCALE, urlSlug } from "../help-center/content.js";
import type { CollectionRecord } from "../help-center/records.js";
import { contentOf, noStatistics } from "./content.js";
import type { ArticleRecord, ArticleState, ArticleStatistics, ArticleTranslatedContent } from "./records.js";

/** Articles in no collection. */
const STANDALONE_TITLES = ["Northwind status page", "Release notes: October", "Holiday support hours", "Draft: new pricing FAQ"];

const BODY_SENTENCES = [
  "Open Settings from the menu in the top right corner.",
  "Only workspace admins can change this setting.",
  "Changes apply to every teammate in your workspace within a few minutes.",
  "If you are on the Starter plan, some options may be unavailable.",
  "You can undo this at any time from the same page.",
  "Contact our support team if the problem persists.",
  "This works the same way on the web and in the mobile app.",
  "Reports are refreshed every hour.",
  "Billing changes take effect at the start of your next billing period.",
  "Make sure your browser is up to date before you try again.",
];

const FR_SENTENCES = ["Ouvrez les paramètres depuis le menu.", "Seuls les administrateurs peuvent modifier ce paramètre."];
const DE_SENTENCES = ["Öffnen Sie die Einstellungen über das Menü.", "Nur Administratoren können diese Einstellung ändern."];

function seedStatistics(rng: Rng, published: boolean): ArticleStatistics {
  if (!published) return noStatistics();
  const views = rng.int(12, 4800);
  const reactions = Math.floor(views * rng.float() * 0.1);
  let happy = 0;
  let neutral = 0;
  let sad = 0;
  if (reactions > 0) {
    happy = rng.int(30, 90);
    neutral = rng.int(0, 100 - happy);
    sad = 100 - happy - neutral;
  }
  return {
    type: "article_statistics",
    views,
    conversions: Math.floor(views * rng.float() * 0.03),
    reactions,
    happy_reaction_percentage: happy,
    neutral_reaction_percentage: neutral,
    sad_reaction_percentage: sad,
  };
}

/** An article in `parents` (none: in no collection), with the next article id; `translations`: locale → title. */
export function seededArticle(ws: Workspace, rng: Rng, title: string, parents: CollectionRecord[], translations: Record<string, string>): ArticleRecord {
  const adminIds = ws.admins.map((a) => Number(a.id));
  const id = String(ws.helpCenterNextIds.article++);
  const published = !title.startsWith("Draft") && rng.chance(0.8);
  const state: ArticleState = published ? "published" : "draft";
  const created = SEED_BASE_TIME - rng.int(30, 700) * DAY - rng.int(0, DAY);
  const updated = Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 300) * DAY + rng.int(0, DAY));
  const author = rng.pick(adminIds);
  const sentences = rng.sample(BODY_SENTENCES, rng.int(2, 4));
  const description = rng.chance(0.85) ? `Learn how to ${title.charAt(0).toLowerCase()}${title.slice(1).replace(/\?$/, "")}.` : "";
  const body = `<h2>${title}</h2>${sentences.map((s) => `<p>${s}</p>`).join("")}`;
  const hc = parents[0] ? ws.helpCenters.find((h) => Number(h.id) === parents[0]!.help_center_id) : ws.helpCenters[0];
  const url = published ? `${hc!.url}/${DEFAULT_LOCALE}/articles/${id}-${urlSlug(title)}` : null;
  const parent = parents[0];
  const article: ArticleRecord = {
    type: "article",
    id,
    workspace_id: ws.app.id_code,
    title,
    description,
    body,
    author_id: author,
    state,
    created_at: created,
    updated_at: updated,
    url,
    parent_id: parent ? Number(parent.id) : null,
    parent_ids: parents.map((p) => Number(p.id)),
    parent_type: parent ? (parent.parent_id ? "section" : "collection") : null,
    default_locale: DEFAULT_LOCALE,
    translated_content: null,
    statistics: seedStatistics(rng, published),
  };
  const locales = Object.keys(translations);
  if (locales.length > 0) {
    const content: ArticleTranslatedContent = { type: "article_translated_content" };
    content[DEFAULT_LOCALE] = contentOf(article);
    for (const locale of locales) {
      const localState: ArticleState = published && rng.chance(0.8) ? "published" : "draft";
      const localTitle = translations[locale]!;
      content[locale] = {
        type: "article_content",
        title: localTitle,
        description: "",
        body: `<h2>${localTitle}</h2><p>${(locale === "fr" ? FR_SENTENCES : DE_SENTENCES).join("</p><p>")}</p>`,
        author_id: rng.pick(adminIds),
        state: localState,
        created_at: created + rng.int(1, 20) * DAY,
        updated_at: updated,
        ...(localState === "published" ? { url: `${hc!.url}/${locale}/articles/${id}-${urlSlug(localTitle)}` } : {}),
      };
    }
    article.translated_content = content;
  }
  return article;
}

/** After the help centers' collections: a few articles listed in both help centers (one parent in each), and the articles in no collection. */
export function seedUncollectedArticles(ws: Workspace, rng: Rng): void {
  // A few articles are listed in both help centers (one parent in each).
  const developerTop = ws.collections.filter((c) => c.help_center_id === Number(ws.helpCenters[1]!.id) && c.parent_id === null);
  for (const title of ["Export reports to CSV", "Use Northwind with Zapier", "Single sign-on with SAML"]) {
    const article = ws.articles.find((a) => a.title === title)!;
    article.parent_ids.push(Number(rng.pick(developerTop).id));
  }
  for (const title of STANDALONE_TITLES) ws.articles.push(seededArticle(ws, rng, title, [], {}));
}
