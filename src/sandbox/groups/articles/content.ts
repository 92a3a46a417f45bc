// An article's content: its fields in each locale (the default locale's entry in step with the
// main fields), its author, state and parents, and its URLs.
import { badRequest, notFound } from "../../errors.js";
import type { RouteContext } from "../../router.js";
import { optionalId, optionalString } from "../../validate.js";
import { DEFAULT_LOCALE, helpCenterOf, urlSlug } from "../help-center/content.js";
import type { ArticleContent, ArticleRecord, ArticleState, ArticleStatistics, ArticleTranslatedContent } from "./records.js";

export const has = (body: Record<string, unknown>, field: string) => body[field] !== undefined;

export function contentOf(a: ArticleRecord): ArticleContent {
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

export const noStatistics = (): ArticleStatistics => ({
  type: "article_statistics",
  views: 0,
  conversions: 0,
  reactions: 0,
  happy_reaction_percentage: 0,
  neutral_reaction_percentage: 0,
  sad_reaction_percentage: 0,
});

export function findArticle(ctx: RouteContext, id: string): ArticleRecord {
  const a = ctx.ws.articles.find((x) => x.id === id);
  if (!a) throw notFound("not_found", "Resource Not Found");
  return a;
}

export function requireAuthor(ctx: RouteContext, raw: unknown, field: string): number {
  const id = optionalId({ [field]: raw }, field);
  if (id === undefined || id === null) throw badRequest("parameter_not_found", "author_id must be in the main body or default locale translated_content object", field);
  if (!ctx.ws.admins.some((a) => a.id === id)) throw badRequest("parameter_invalid", `author_id ${id} must be a teammate on the help center's workspace`, field);
  return Number(id);
}

export function parseState(raw: unknown, field: string): ArticleState | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw !== "published" && raw !== "draft") throw badRequest("parameter_invalid", `${field} must be one of published, draft`, field);
  return raw;
}

/** Resolves a parent collection id to the article's parent fields. */
export function parentFields(ctx: RouteContext, id: string | null): Pick<ArticleRecord, "parent_id" | "parent_ids" | "parent_type"> {
  if (id === null) return { parent_id: null, parent_ids: [], parent_type: null };
  const parent = ctx.ws.collections.find((c) => c.id === id);
  if (!parent) throw badRequest("parameter_invalid", `parent_id ${id} is not a collection or section of this workspace`, "parent_id");
  return { parent_id: Number(parent.id), parent_ids: [Number(parent.id)], parent_type: parent.parent_id ? "section" : "collection" };
}

export function articleUrl(ctx: RouteContext, a: ArticleRecord, locale: string, title: string): string {
  const parent = ctx.ws.collections.find((c) => Number(c.id) === a.parent_id);
  return `${helpCenterOf(ctx, parent?.help_center_id ?? null).url}/${locale}/articles/${a.id}-${urlSlug(title)}`;
}

/** Applies translated_content entries; the default locale's entry also sets the main fields. */
export function applyTranslations(ctx: RouteContext, a: ArticleRecord, entries: Record<string, Record<string, unknown>>, at: number): void {
  const content: ArticleTranslatedContent = a.translated_content ?? { type: "article_translated_content", [DEFAULT_LOCALE]: contentOf(a) };
  for (const [locale, entry] of Object.entries(entries)) {
    const previous = content[locale] as ArticleContent | undefined;
    const title = optionalString(entry, "title") ?? previous?.title;
    if (!title) throw badRequest("parameter_not_found", `title must be given for locale ${locale}`, "translated_content");
    const state = parseState(entry.state, "state") ?? previous?.state ?? "draft";
    const next: ArticleContent = {
      type: "article_content",
      title,
      description: optionalString(entry, "description") ?? previous?.description ?? "",
      body: optionalString(entry, "body") ?? previous?.body ?? "",
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
export function syncDefaultLocale(ctx: RouteContext, a: ArticleRecord): void {
  a.url = a.state === "published" ? articleUrl(ctx, a, a.default_locale, a.title) : null;
  if (a.translated_content) a.translated_content[a.default_locale] = { ...contentOf(a), created_at: (a.translated_content[a.default_locale] as ArticleContent | undefined)?.created_at ?? a.created_at };
}
