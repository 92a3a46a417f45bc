// Sandbox resource module: Articles and the Help Center (help centers, collections and
// their nested sections). Seeded records live on the workspace under the keys of
// HelpCenterState; routes follow the OpenAPI document's paths and shapes.
import { badRequest, notFound } from "../errors.js";
import type { ResourceModule } from "../resource.js";
import type { Rng } from "../rng.js";
import type { RouteContext, RouteInput } from "../routes.js";
import { parsePerPage } from "../search.js";
import { SEED_BASE_TIME } from "../seed.js";
import type { Workspace } from "../types.js";
import { isObject, nowSeconds } from "../validate.js";

// ---------------------------------------------------------------- records

/** `help_center` schema. */
export interface HelpCenterRecord {
  id: string; // numeric string; collections refer to it as an integer
  workspace_id: string;
  created_at: number;
  updated_at: number;
  identifier: string;
  website_turned_on: boolean;
  display_name: string;
  url: string;
  custom_domain: string | null;
}

/** `group_content`: a collection's name and description in one locale. */
export interface GroupContent {
  type: "group_content";
  name: string;
  description: string;
}

/** `group_translated_content`: `type` plus one entry per locale. */
export type GroupTranslatedContent = { type: "group_translated_content" } & { [locale: string]: GroupContent | string };

/** `collection` schema. A section is a collection with a parent_id. */
export interface CollectionRecord {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  created_at: number;
  updated_at: number;
  url: string | null;
  icon: string | null;
  order: number;
  default_locale: string;
  translated_content: GroupTranslatedContent | null;
  parent_id: string | null;
  help_center_id: number | null;
}

export type ArticleState = "published" | "draft";

/** `article_content`: an article in one locale. */
export interface ArticleContent {
  type: "article_content";
  title: string;
  description: string;
  body: string;
  author_id: number;
  state: ArticleState;
  created_at: number;
  updated_at: number;
  /** Only for published content (a string in the schema, never null). */
  url?: string;
}

export type ArticleTranslatedContent = { type: "article_translated_content" } & { [locale: string]: ArticleContent | string };

export interface ArticleStatistics {
  type: "article_statistics";
  views: number;
  conversions: number;
  reactions: number;
  happy_reaction_percentage: number;
  neutral_reaction_percentage: number;
  sad_reaction_percentage: number;
}

/** `article` schema (list items carry the same fields). */
export interface ArticleRecord {
  type: "article";
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  body: string | null;
  author_id: number;
  state: ArticleState;
  created_at: number;
  updated_at: number;
  url: string | null;
  /** The first of parent_ids; integers per the schema. */
  parent_id: number | null;
  /** Every collection or section the article is in (one per help center at most). */
  parent_ids: number[];
  parent_type: "collection" | "section" | null;
  default_locale: string;
  translated_content: ArticleTranslatedContent | null;
  statistics: ArticleStatistics;
}

/** The workspace collections this module owns. */
export interface HelpCenterState {
  helpCenters: HelpCenterRecord[];
  collections: CollectionRecord[];
  articles: ArticleRecord[];
  /** Next ids handed to created collections and articles (never reused after a delete). */
  helpCenterNextIds: { collection: number; article: number };
}

/** The locales the document lists for translated content. */
export const HELP_CENTER_LOCALES = [
  "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu", "id", "it", "ja", "ko",
  "lt", "lv", "mn", "nb", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv", "tr", "vi", "pt-BR", "zh-CN", "zh-TW",
] as const;

const DEFAULT_LOCALE = "en";
const DAY = 86_400;

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// ---------------------------------------------------------------- seed pools

interface CollectionDef {
  key: string;
  name: string;
  description: string;
  icon: string;
  parent?: string;
  fr?: string;
  de?: string;
  articles: Array<{ title: string; fr?: string; de?: string }>;
}

/** Help center 1 is multilingual (en, fr, de); help center 2 is English only. */
const HELP_CENTER_DEFS = [
  {
    identifier: "northwind",
    display_name: "Northwind Help Center",
    url: "https://help.northwind.example",
    custom_domain: "help.northwind.example",
    website_turned_on: true,
    multilingual: true,
    collections: [
      {
        key: "start", name: "Getting Started", description: "Everything you need for your first week with Northwind.", icon: "rocket",
        fr: "Premiers pas", de: "Erste Schritte",
        articles: [
          { title: "Create your Northwind account", fr: "Créer votre compte Northwind", de: "Ihr Northwind-Konto erstellen" },
          { title: "Invite your teammates", fr: "Inviter vos coéquipiers", de: "Teammitglieder einladen" },
          { title: "A tour of the dashboard" },
          { title: "Import your existing data" },
        ],
      },
      {
        key: "account", parent: "start", name: "Account setup", description: "Profile, workspace and notification settings.", icon: "user",
        fr: "Configuration du compte", de: "Kontoeinrichtung",
        articles: [
          { title: "Change your password", fr: "Changer votre mot de passe", de: "Passwort ändern" },
          { title: "Set up two-factor authentication", fr: "Activer l'authentification à deux facteurs" },
          { title: "Manage email notifications" },
          { title: "Rename your workspace" },
        ],
      },
      {
        key: "billing", name: "Billing & Plans", description: "Plans, payment methods, invoices and refunds.", icon: "credit-card",
        fr: "Facturation et forfaits", de: "Abrechnung und Tarife",
        articles: [
          { title: "Compare Northwind plans", fr: "Comparer les forfaits Northwind" },
          { title: "Update your payment method", fr: "Mettre à jour votre moyen de paiement", de: "Zahlungsmethode aktualisieren" },
          { title: "Upgrade or downgrade your plan" },
          { title: "Request a refund" },
          { title: "Cancel your subscription" },
          { title: "Pay by bank transfer" },
        ],
      },
      {
        key: "invoices", parent: "billing", name: "Invoices", description: "Download and understand your invoices.", icon: "receipt",
        fr: "Factures", de: "Rechnungen",
        articles: [
          { title: "Download past invoices", fr: "Télécharger les anciennes factures" },
          { title: "Add a VAT number to invoices" },
          { title: "Why was I charged twice?" },
        ],
      },
      {
        key: "reports", name: "Reports & Dashboards", description: "Build, share and export reports.", icon: "bar-chart",
        fr: "Rapports et tableaux de bord",
        articles: [
          { title: "Build your first report" },
          { title: "Share a dashboard with your team" },
          { title: "Export reports to CSV" },
          { title: "Schedule weekly report emails" },
          { title: "Filter a report by date range" },
          { title: "Why does my report show no data?" },
        ],
      },
      {
        key: "integrations", name: "Integrations", description: "Connect Northwind to the tools you already use.", icon: "plug",
        articles: [
          { title: "Connect Salesforce" },
          { title: "Sync contacts with HubSpot" },
          { title: "Use Northwind with Zapier" },
        ],
      },
      {
        key: "slack", parent: "integrations", name: "Slack", description: "Alerts and reports in your Slack channels.", icon: "chat",
        articles: [
          { title: "Install the Slack app" },
          { title: "Send report alerts to a Slack channel" },
          { title: "Troubleshoot Slack notifications" },
        ],
      },
      {
        key: "troubleshooting", name: "Troubleshooting", description: "Fixes for the most common problems.", icon: "wrench",
        fr: "Dépannage", de: "Fehlerbehebung",
        articles: [
          { title: "The mobile app crashes on launch" },
          { title: "I can't log in", fr: "Je n'arrive pas à me connecter", de: "Ich kann mich nicht anmelden" },
          { title: "Pages load slowly" },
          { title: "Clear your browser cache" },
          { title: "Emails from Northwind go to spam" },
          { title: "Fix sync errors with your CRM" },
        ],
      },
      {
        key: "security", name: "Security & Privacy", description: "How we keep your data safe.", icon: "shield",
        fr: "Sécurité et confidentialité",
        articles: [
          { title: "Our security practices" },
          { title: "Export or delete your personal data" },
          { title: "Single sign-on with SAML" },
          { title: "Audit log of teammate activity" },
        ],
      },
    ] as CollectionDef[],
  },
  {
    identifier: "northwind-developers",
    display_name: "Northwind Developer Docs",
    url: "https://intercom.help/northwind-developers",
    custom_domain: null,
    website_turned_on: false,
    multilingual: false,
    collections: [
      {
        key: "api", name: "API Reference", description: "The Northwind REST API.", icon: "code",
        articles: [
          { title: "API overview" },
          { title: "Pagination" },
          { title: "Rate limits" },
          { title: "Errors and status codes" },
          { title: "Versioning and changelog" },
          { title: "Idempotent requests" },
        ],
      },
      {
        key: "auth", parent: "api", name: "Authentication", description: "Tokens, OAuth and scopes.", icon: "key",
        articles: [
          { title: "Create an API token" },
          { title: "OAuth for public apps" },
          { title: "Rotate a leaked token" },
        ],
      },
      {
        key: "webhooks", name: "Webhooks", description: "Get notified when something changes.", icon: "bell",
        articles: [
          { title: "Subscribe to webhooks" },
          { title: "Verify webhook signatures" },
          { title: "Retry behaviour of webhooks" },
          { title: "Webhook event types" },
        ],
      },
      {
        key: "sdks", name: "SDKs", description: "Official client libraries.", icon: "box",
        articles: [
          { title: "JavaScript SDK" },
          { title: "Python SDK" },
          { title: "Ruby SDK" },
          { title: "Go SDK" },
        ],
      },
    ] as CollectionDef[],
  },
];

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

const noStatistics = (): ArticleStatistics => ({
  type: "article_statistics",
  views: 0,
  conversions: 0,
  reactions: 0,
  happy_reaction_percentage: 0,
  neutral_reaction_percentage: 0,
  sad_reaction_percentage: 0,
});

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

function seed(ws: Workspace, rng: Rng): void {
  ws.helpCenters = [];
  ws.collections = [];
  ws.articles = [];
  let collectionId = 9100001;
  let articleId = 9200001;
  const adminIds = ws.admins.map((a) => Number(a.id));

  const makeArticle = (title: string, parents: CollectionRecord[], translations: Record<string, string>): ArticleRecord => {
    const id = String(articleId++);
    const published = !title.startsWith("Draft") && rng.chance(0.8);
    const state: ArticleState = published ? "published" : "draft";
    const created = SEED_BASE_TIME - rng.int(30, 700) * DAY - rng.int(0, DAY);
    const updated = Math.min(SEED_BASE_TIME - 1, created + rng.int(0, 300) * DAY + rng.int(0, DAY));
    const author = rng.pick(adminIds);
    const sentences = rng.sample(BODY_SENTENCES, rng.int(2, 4));
    const description = rng.chance(0.85) ? `Learn how to ${title.charAt(0).toLowerCase()}${title.slice(1).replace(/\?$/, "")}.` : "";
    const body = `<h2>${title}</h2>${sentences.map((s) => `<p>${s}</p>`).join("")}`;
    const hc = parents[0] ? ws.helpCenters.find((h) => Number(h.id) === parents[0]!.help_center_id) : ws.helpCenters[0];
    const url = published ? `${hc!.url}/${DEFAULT_LOCALE}/articles/${id}-${slug(title)}` : null;
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
          ...(localState === "published" ? { url: `${hc!.url}/${locale}/articles/${id}-${slug(localTitle)}` } : {}),
        };
      }
      article.translated_content = content;
    }
    return article;
  };

  HELP_CENTER_DEFS.forEach((def, h) => {
    const created = SEED_BASE_TIME - (800 - h * 300) * DAY;
    const hc: HelpCenterRecord = {
      id: String(2400001 + h),
      workspace_id: ws.app.id_code,
      created_at: created,
      updated_at: created + rng.int(10, 200) * DAY,
      identifier: def.identifier,
      website_turned_on: def.website_turned_on,
      display_name: def.display_name,
      url: def.url,
      custom_domain: def.custom_domain,
    };
    ws.helpCenters.push(hc);
    const byKey = new Map<string, CollectionRecord>();
    def.collections.forEach((c) => {
      const parent = c.parent ? byKey.get(c.parent)! : null;
      const id = String(collectionId++);
      const createdAt = hc.created_at + rng.int(1, 200) * DAY;
      const siblings = ws.collections.filter((x) => x.help_center_id === Number(hc.id) && x.parent_id === (parent?.id ?? null));
      let translated: GroupTranslatedContent | null = null;
      if (def.multilingual) {
        translated = { type: "group_translated_content" };
        translated[DEFAULT_LOCALE] = { type: "group_content", name: c.name, description: c.description };
        if (c.fr) translated.fr = { type: "group_content", name: c.fr, description: "" };
        if (c.de) translated.de = { type: "group_content", name: c.de, description: "" };
      }
      const record: CollectionRecord = {
        id,
        workspace_id: ws.app.id_code,
        name: c.name,
        description: c.description,
        created_at: createdAt,
        updated_at: Math.min(SEED_BASE_TIME - 1, createdAt + rng.int(0, 300) * DAY),
        url: `${hc.url}/${DEFAULT_LOCALE}/collections/${id}-${slug(c.name)}`,
        icon: c.icon,
        order: siblings.length + 1,
        default_locale: DEFAULT_LOCALE,
        translated_content: translated,
        parent_id: parent?.id ?? null,
        help_center_id: Number(hc.id),
      };
      byKey.set(c.key, record);
      ws.collections.push(record);
      for (const a of c.articles) {
        const translations: Record<string, string> = {};
        if (def.multilingual && a.fr) translations.fr = a.fr;
        if (def.multilingual && a.de) translations.de = a.de;
        ws.articles.push(makeArticle(a.title, [record], translations));
      }
    });
  });

  // A few articles are listed in both help centers (one parent in each).
  const developerTop = ws.collections.filter((c) => c.help_center_id === Number(ws.helpCenters[1]!.id) && c.parent_id === null);
  for (const title of ["Export reports to CSV", "Use Northwind with Zapier", "Single sign-on with SAML"]) {
    const article = ws.articles.find((a) => a.title === title)!;
    article.parent_ids.push(Number(rng.pick(developerTop).id));
  }
  for (const title of STANDALONE_TITLES) ws.articles.push(makeArticle(title, [], {}));

  ws.helpCenterNextIds = { collection: collectionId, article: articleId };
}

function contentOf(a: ArticleRecord): ArticleContent {
  return {
    type: "article_content",
    title: a.title,
    description: a.description ?? "",
    body: a.body ?? "",
    author_id: a.author_id,
    state: a.state,
    created_at: a.created_at,
    updated_at: a.updated_at,
    ...(a.url ? { url: a.url } : {}),
  };
}

// ---------------------------------------------------------------- helpers

const has = (body: Record<string, unknown>, field: string) => body[field] !== undefined;

function requireBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw badRequest("bad_request", "The request body must be a JSON object");
  return body;
}

function optionalText(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest("parameter_invalid", `${field} must be a string`, field);
  return v;
}

/** Ids arrive as integers (the schema) or numeric strings (what most clients send). */
function optionalId(body: Record<string, unknown>, field: string): string | null | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if ((typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && /^\d+$/.test(v))) return String(v);
  throw badRequest("parameter_invalid", `${field} must be an integer id`, field);
}

function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest("parameter_invalid", "page must be a positive integer", "page");
  return Number(raw);
}

/** page/per_page listing with the document's `cursor_pages` object. */
function pageOf<T>(items: T[], query: Record<string, string>) {
  const page = parsePage(query.page);
  const perPage = parsePerPage(query.per_page, 15);
  return {
    data: items.slice((page - 1) * perPage, page * perPage),
    total_count: items.length,
    pages: { type: "pages" as const, page, per_page: perPage, total_pages: Math.ceil(items.length / perPage) },
  };
}

function findArticle(ctx: RouteContext, id: string): ArticleRecord {
  const a = ctx.ws.articles.find((x) => x.id === id);
  if (!a) throw notFound("not_found", "Resource Not Found");
  return a;
}

function findCollection(ctx: RouteContext, id: string): CollectionRecord {
  const c = ctx.ws.collections.find((x) => x.id === id);
  if (!c) throw notFound("not_found", "Resource Not Found");
  return c;
}

function helpCenterOf(ctx: RouteContext, id: number | null): HelpCenterRecord {
  return ctx.ws.helpCenters.find((h) => Number(h.id) === id) ?? ctx.ws.helpCenters[0]!;
}

function requireAuthor(ctx: RouteContext, raw: unknown, field: string): number {
  const id = optionalId({ [field]: raw }, field);
  if (id === undefined || id === null) throw badRequest("parameter_not_found", "author_id must be in the main body or default locale translated_content object", field);
  if (!ctx.ws.admins.some((a) => a.id === id)) throw badRequest("parameter_invalid", `author_id ${id} must be a teammate on the help center's workspace`, field);
  return Number(id);
}

function parseState(raw: unknown, field: string): ArticleState | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw !== "published" && raw !== "draft") throw badRequest("parameter_invalid", `${field} must be one of published, draft`, field);
  return raw;
}

function checkLocale(locale: string): void {
  if (!(HELP_CENTER_LOCALES as readonly string[]).includes(locale)) {
    throw badRequest("parameter_invalid", `translated_content has an unknown locale: ${locale}`, "translated_content");
  }
}

/** The locale entries of an `article_translated_content` or `group_translated_content` body (without `type`). */
function translationsFrom(raw: unknown): Record<string, Record<string, unknown>> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) throw badRequest("parameter_invalid", "translated_content must be an object", "translated_content");
  const out: Record<string, Record<string, unknown>> = {};
  for (const [locale, value] of Object.entries(raw)) {
    if (locale === "type") continue;
    checkLocale(locale);
    if (!isObject(value)) throw badRequest("parameter_invalid", `translated_content.${locale} must be an object`, "translated_content");
    out[locale] = value;
  }
  return out;
}

/** Resolves a parent collection id to the article's parent fields. */
function parentFields(ctx: RouteContext, id: string | null): Pick<ArticleRecord, "parent_id" | "parent_ids" | "parent_type"> {
  if (id === null) return { parent_id: null, parent_ids: [], parent_type: null };
  const parent = ctx.ws.collections.find((c) => c.id === id);
  if (!parent) throw badRequest("parameter_invalid", `parent_id ${id} is not a collection or section of this workspace`, "parent_id");
  return { parent_id: Number(parent.id), parent_ids: [Number(parent.id)], parent_type: parent.parent_id ? "section" : "collection" };
}

function articleUrl(ctx: RouteContext, a: ArticleRecord, locale: string, title: string): string {
  const parent = ctx.ws.collections.find((c) => Number(c.id) === a.parent_id);
  return `${helpCenterOf(ctx, parent?.help_center_id ?? null).url}/${locale}/articles/${a.id}-${slug(title)}`;
}

/** Applies translated_content entries; the default locale's entry also sets the main fields. */
function applyTranslations(ctx: RouteContext, a: ArticleRecord, entries: Record<string, Record<string, unknown>>, at: number): void {
  const content: ArticleTranslatedContent = a.translated_content ?? { type: "article_translated_content", [DEFAULT_LOCALE]: contentOf(a) };
  for (const [locale, entry] of Object.entries(entries)) {
    const previous = content[locale] as ArticleContent | undefined;
    const title = optionalText(entry, "title") ?? previous?.title;
    if (!title) throw badRequest("parameter_not_found", `title must be given for locale ${locale}`, "translated_content");
    const state = parseState(entry.state, "state") ?? previous?.state ?? "draft";
    const next: ArticleContent = {
      type: "article_content",
      title,
      description: optionalText(entry, "description") ?? previous?.description ?? "",
      body: optionalText(entry, "body") ?? previous?.body ?? "",
      author_id: has(entry, "author_id") ? requireAuthor(ctx, entry.author_id, "author_id") : (previous?.author_id ?? a.author_id),
      state,
      created_at: previous?.created_at ?? at,
      updated_at: at,
      ...(state === "published" ? { url: articleUrl(ctx, a, locale, title) } : {}),
    };
    content[locale] = next;
    if (locale === a.default_locale) {
      Object.assign(a, { title: next.title, description: next.description, body: next.body, author_id: next.author_id, state: next.state });
    }
  }
  a.translated_content = content;
}

/** Keeps the default locale's entry in step with the main fields. */
function syncDefaultLocale(ctx: RouteContext, a: ArticleRecord): void {
  a.url = a.state === "published" ? articleUrl(ctx, a, a.default_locale, a.title) : null;
  if (a.translated_content) a.translated_content[a.default_locale] = { ...contentOf(a), created_at: (a.translated_content[a.default_locale] as ArticleContent | undefined)?.created_at ?? a.created_at };
}

// ---------------------------------------------------------------- articles

function createArticle(ctx: RouteContext, { body: raw }: RouteInput): ArticleRecord {
  const body = requireBody(raw);
  const translations = translationsFrom(body.translated_content);
  const main = translations?.[DEFAULT_LOCALE] ?? {};
  const title = optionalText(body, "title") ?? optionalText(main, "title");
  if (!title) throw badRequest("parameter_not_found", "title must be in the main body or default locale translated_content object", "title");
  const authorRaw = has(body, "author_id") ? body.author_id : main.author_id;
  if (authorRaw === undefined || authorRaw === null) {
    throw badRequest("parameter_not_found", "author_id must be in the main body or default locale translated_content object", "author_id");
  }
  const author = requireAuthor(ctx, authorRaw, "author_id");
  const state = parseState(body.state, "state") ?? parseState(main.state, "state") ?? "draft";
  if (body.parent_type !== undefined && body.parent_type !== null && body.parent_type !== "collection" && body.parent_type !== "section") {
    throw badRequest("parameter_invalid", "parent_type must be one of collection, section", "parent_type");
  }
  const parentId = optionalId(body, "parent_id") ?? null;
  const at = nowSeconds(ctx);
  const article: ArticleRecord = {
    type: "article",
    id: String(ctx.ws.helpCenterNextIds.article++),
    workspace_id: ctx.ws.app.id_code,
    title,
    description: optionalText(body, "description") ?? optionalText(main, "description") ?? "",
    body: optionalText(body, "body") ?? optionalText(main, "body") ?? "",
    author_id: author,
    state,
    created_at: at,
    updated_at: at,
    url: null,
    ...parentFields(ctx, parentId),
    default_locale: DEFAULT_LOCALE,
    translated_content: null,
    statistics: noStatistics(),
  };
  const others = Object.fromEntries(Object.entries(translations ?? {}).filter(([locale]) => locale !== DEFAULT_LOCALE));
  syncDefaultLocale(ctx, article);
  if (Object.keys(others).length > 0) applyTranslations(ctx, article, others, at);
  ctx.ws.articles.push(article);
  return article;
}

function updateArticle(ctx: RouteContext, { params, body: raw }: RouteInput): ArticleRecord {
  const article = findArticle(ctx, params.article_id!);
  const body = requireBody(raw);
  const translations = translationsFrom(body.translated_content);
  const title = optionalText(body, "title");
  if (title === "") throw badRequest("parameter_invalid", "title cannot be blank", "title");
  const author = has(body, "author_id") ? requireAuthor(ctx, body.author_id, "author_id") : undefined;
  const state = parseState(body.state, "state");
  if (body.parent_type !== undefined && body.parent_type !== null && body.parent_type !== "collection" && body.parent_type !== "section") {
    throw badRequest("parameter_invalid", "parent_type must be one of collection, section", "parent_type");
  }
  const parentId = optionalId(body, "parent_id");
  const parent = parentId === undefined ? undefined : parentFields(ctx, parentId);
  const at = nowSeconds(ctx);
  if (title !== undefined) article.title = title;
  const description = optionalText(body, "description");
  if (description !== undefined) article.description = description;
  const text = optionalText(body, "body");
  if (text !== undefined) article.body = text;
  if (author !== undefined) article.author_id = author;
  if (state !== undefined) article.state = state;
  if (parent) Object.assign(article, parent);
  article.updated_at = Math.max(article.updated_at, at);
  syncDefaultLocale(ctx, article);
  if (translations) {
    applyTranslations(ctx, article, translations, at);
    syncDefaultLocale(ctx, article);
  }
  return article;
}

/** Words of a search phrase, lower-case. */
const wordsOf = (phrase: string) => phrase.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);
const plainText = (html: string | null) => (html ?? "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Chunk = { type: "highlight" | "plain"; text: string };

/** Splits text into plain and highlighted chunks for the words of the phrase. */
function highlightChunks(text: string, words: string[]): Chunk[] {
  if (words.length === 0) return [{ type: "plain", text }];
  // Whole words only: "report" highlights "report", not the start of "reports".
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return text
    .split(pattern)
    .filter((s) => s !== "")
    .map((s) => ({ type: words.includes(s.toLowerCase()) ? "highlight" : "plain", text: s }));
}

/** GET /articles/search: every word of the phrase in the title, description or body. */
function searchArticles(ctx: RouteContext, { query }: RouteInput) {
  const state = query.state ?? "all";
  if (!["published", "draft", "all"].includes(state)) throw badRequest("parameter_invalid", "state must be one of published, draft, all", "state");
  let helpCenterId: number | undefined;
  if (query.help_center_id !== undefined && query.help_center_id !== "") {
    if (!/^\d+$/.test(query.help_center_id)) throw badRequest("parameter_invalid", "help_center_id must be an integer", "help_center_id");
    helpCenterId = Number(query.help_center_id);
  }
  const highlight = query.highlight === "true";
  const words = wordsOf(query.phrase ?? "");
  const inHelpCenter = (a: ArticleRecord) =>
    a.parent_ids.some((id) => ctx.ws.collections.find((c) => Number(c.id) === id)?.help_center_id === helpCenterId);
  const matches = ctx.ws.articles.filter((a) => {
    if (state !== "all" && a.state !== state) return false;
    if (helpCenterId !== undefined && !inHelpCenter(a)) return false;
    const text = `${a.title} ${a.description ?? ""} ${plainText(a.body)}`.toLowerCase();
    const present = new Set(wordsOf(text));
    return words.every((w) => present.has(w));
  });
  const highlights = highlight
    ? matches.map((a) => ({
        article_id: a.id,
        highlighted_title: highlightChunks(a.title, words),
        highlighted_summary: [a.description ?? "", plainText(a.body)]
          .filter((s) => s !== "" && (words.length === 0 || words.some((w) => s.toLowerCase().includes(w))))
          .map((s) => highlightChunks(s.length > 240 ? `${s.slice(0, 240)}…` : s, words)),
      }))
    : [];
  return {
    type: "list",
    total_count: matches.length,
    data: { articles: matches, highlights },
    pages: { type: "pages", page: 1, per_page: Math.max(matches.length, 1), total_pages: 1 },
  };
}

// ---------------------------------------------------------------- collections

function applyGroupTranslations(c: CollectionRecord, entries: Record<string, Record<string, unknown>>): void {
  const content: GroupTranslatedContent = c.translated_content ?? {
    type: "group_translated_content",
    [c.default_locale]: { type: "group_content", name: c.name, description: c.description ?? "" },
  };
  for (const [locale, entry] of Object.entries(entries)) {
    const previous = content[locale] as GroupContent | undefined;
    const name = optionalText(entry, "name") ?? previous?.name;
    if (!name) throw badRequest("parameter_not_found", `name must be given for locale ${locale}`, "translated_content");
    content[locale] = { type: "group_content", name, description: optionalText(entry, "description") ?? previous?.description ?? "" };
    if (locale === c.default_locale) {
      c.name = name;
      c.description = (content[locale] as GroupContent).description;
    }
  }
  c.translated_content = content;
}

function syncGroupDefault(c: CollectionRecord): void {
  if (c.translated_content) c.translated_content[c.default_locale] = { type: "group_content", name: c.name, description: c.description ?? "" };
}

/** The ids of a collection and every collection nested under it. */
function subtree(ctx: RouteContext, id: string): Set<string> {
  const ids = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of ctx.ws.collections) {
      if (c.parent_id && ids.has(c.parent_id) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

function parentCollection(ctx: RouteContext, id: string): CollectionRecord {
  const parent = ctx.ws.collections.find((c) => c.id === id);
  if (!parent) throw badRequest("parameter_invalid", `parent_id ${id} is not a collection of this workspace`, "parent_id");
  return parent;
}

function createCollection(ctx: RouteContext, { body: raw }: RouteInput): CollectionRecord {
  const body = requireBody(raw);
  const translations = translationsFrom(body.translated_content);
  const name = optionalText(body, "name") ?? optionalText(translations?.[DEFAULT_LOCALE] ?? {}, "name");
  if (!name) throw badRequest("parameter_not_found", "Name is a required parameter.", "name");
  const parentId = optionalId(body, "parent_id") ?? null;
  const parent = parentId === null ? null : parentCollection(ctx, parentId);
  const helpCenterId = optionalId(body, "help_center_id");
  let helpCenter = ctx.ws.helpCenters[0]!;
  if (helpCenterId !== undefined && helpCenterId !== null) {
    const found = ctx.ws.helpCenters.find((h) => h.id === helpCenterId);
    if (!found) throw badRequest("parameter_invalid", `help_center_id ${helpCenterId} is not a help center of this workspace`, "help_center_id");
    helpCenter = found;
  }
  if (parent) helpCenter = helpCenterOf(ctx, parent.help_center_id);
  const at = nowSeconds(ctx);
  const id = String(ctx.ws.helpCenterNextIds.collection++);
  const collection: CollectionRecord = {
    id,
    workspace_id: ctx.ws.app.id_code,
    name,
    description: optionalText(body, "description") ?? "",
    created_at: at,
    updated_at: at,
    url: `${helpCenter.url}/${DEFAULT_LOCALE}/collections/${id}-${slug(name)}`,
    icon: "book-bookmark",
    order: ctx.ws.collections.filter((c) => c.help_center_id === Number(helpCenter.id) && c.parent_id === (parent?.id ?? null)).length + 1,
    default_locale: DEFAULT_LOCALE,
    translated_content: null,
    parent_id: parent?.id ?? null,
    help_center_id: Number(helpCenter.id),
  };
  if (translations) applyGroupTranslations(collection, translations);
  ctx.ws.collections.push(collection);
  return collection;
}

function updateCollection(ctx: RouteContext, { params, body: raw }: RouteInput): CollectionRecord {
  const collection = findCollection(ctx, params.collection_id!);
  const body = requireBody(raw);
  const translations = translationsFrom(body.translated_content);
  const name = optionalText(body, "name");
  if (name === "") throw badRequest("parameter_invalid", "Name cannot be blank", "name");
  const parentId = optionalId(body, "parent_id");
  if (parentId) {
    parentCollection(ctx, parentId);
    if (subtree(ctx, collection.id).has(parentId)) {
      throw badRequest("parameter_invalid", "A collection cannot be nested under itself or one of its sections", "parent_id");
    }
  }
  if (name !== undefined) collection.name = name;
  const description = optionalText(body, "description");
  if (description !== undefined) collection.description = description;
  if (parentId !== undefined) collection.parent_id = parentId;
  syncGroupDefault(collection);
  if (translations) applyGroupTranslations(collection, translations);
  collection.updated_at = Math.max(collection.updated_at, nowSeconds(ctx));
  return collection;
}

/** Deleting a collection deletes its sections; their articles stay, without that parent. */
function deleteCollection(ctx: RouteContext, { params }: RouteInput) {
  const collection = findCollection(ctx, params.collection_id!);
  const gone = subtree(ctx, collection.id);
  ctx.ws.collections = ctx.ws.collections.filter((c) => !gone.has(c.id));
  for (const a of ctx.ws.articles) {
    if (!a.parent_ids.some((id) => gone.has(String(id)))) continue;
    a.parent_ids = a.parent_ids.filter((id) => !gone.has(String(id)));
    const next = a.parent_ids[0];
    const parent = next === undefined ? undefined : ctx.ws.collections.find((c) => Number(c.id) === next);
    a.parent_id = parent ? Number(parent.id) : null;
    a.parent_type = parent ? (parent.parent_id ? "section" : "collection") : null;
  }
  return { id: collection.id, object: "collection", deleted: true };
}

// ---------------------------------------------------------------- module

export const helpCenterResource: ResourceModule = {
  name: "help-center",
  seed,
  routes: [
    { operationId: "listArticles", method: "GET", path: "/articles", handler: (ctx, { query }) => ({ type: "list", ...pageOf(ctx.ws.articles, query) }) },
    { operationId: "createArticle", method: "POST", path: "/articles", handler: createArticle },
    { operationId: "searchArticles", method: "GET", path: "/articles/search", handler: searchArticles },
    { operationId: "retrieveArticle", method: "GET", path: "/articles/:article_id", handler: (ctx, { params }) => findArticle(ctx, params.article_id!) },
    { operationId: "updateArticle", method: "PUT", path: "/articles/:article_id", handler: updateArticle },
    {
      operationId: "deleteArticle",
      method: "DELETE",
      path: "/articles/:article_id",
      handler: (ctx, { params }) => {
        const article = findArticle(ctx, params.article_id!);
        ctx.ws.articles = ctx.ws.articles.filter((a) => a !== article);
        return { id: article.id, object: "article", deleted: true };
      },
    },
    { operationId: "listAllCollections", method: "GET", path: "/help_center/collections", handler: (ctx, { query }) => ({ type: "list", ...pageOf(ctx.ws.collections, query) }) },
    { operationId: "createCollection", method: "POST", path: "/help_center/collections", handler: createCollection },
    { operationId: "retrieveCollection", method: "GET", path: "/help_center/collections/:collection_id", handler: (ctx, { params }) => findCollection(ctx, params.collection_id!) },
    { operationId: "updateCollection", method: "PUT", path: "/help_center/collections/:collection_id", handler: updateCollection },
    { operationId: "deleteCollection", method: "DELETE", path: "/help_center/collections/:collection_id", handler: deleteCollection },
    {
      operationId: "listHelpCenters",
      method: "GET",
      path: "/help_center/help_centers",
      // help_center_list has no total_count or pages: a page shorter than per_page is the last.
      handler: (ctx, { query }) => ({ type: "list", data: pageOf(ctx.ws.helpCenters, query).data }),
    },
    {
      operationId: "retrieveHelpCenter",
      method: "GET",
      path: "/help_center/help_centers/:help_center_id",
      handler: (ctx, { params }) => {
        const hc = ctx.ws.helpCenters.find((h) => h.id === params.help_center_id);
        if (!hc) throw notFound("not_found", "Resource Not Found");
        return hc;
      },
    },
  ],
};
