// What help centers, collections and articles share: locales and translated content, the
// help center a record belongs to, URL slugs, and the page-numbered lists they answer.
import { badRequest } from "../../errors.js";
import { pagesOf, pageSlice, parsePage, parsePerPage } from "../../paging.js";
import type { RouteContext } from "../../router.js";
import { isObject } from "../../validate.js";
import type { HelpCenterRecord } from "./records.js";

/** The locales the document lists for translated content. */
export const HELP_CENTER_LOCALES = [
  "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu", "id", "it", "ja", "ko",
  "lt", "lv", "mn", "nb", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv", "tr", "vi", "pt-BR", "zh-CN", "zh-TW",
] as const;

export const DEFAULT_LOCALE = "en";

/** A title as a URL slug: lower-case words joined by hyphens. */
export const urlSlug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function checkLocale(locale: string): void {
  if (!(HELP_CENTER_LOCALES as readonly string[]).includes(locale)) {
    throw badRequest("parameter_invalid", `translated_content has an unknown locale: ${locale}`, "translated_content");
  }
}

/** The locale entries of an `article_translated_content` or `group_translated_content` body (without `type`). */
export function translationsFrom(raw: unknown): Record<string, Record<string, unknown>> | undefined {
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

/** The help center with this id, or the first one. */
export function helpCenterOf(ctx: RouteContext, id: number | null): HelpCenterRecord {
  return ctx.ws.helpCenters.find((h) => Number(h.id) === id) ?? ctx.ws.helpCenters[0]!;
}

/** A page of a help center list (page, per_page: 15 by default) with the document's `cursor_pages` object. */
export function helpCenterPage<T>(items: T[], query: Record<string, string>) {
  const page = parsePage(query.page);
  const perPage = parsePerPage(query.per_page, 15);
  const { data, totalPages } = pageSlice(items, page, perPage);
  return { data, total_count: items.length, pages: pagesOf(page, perPage, totalPages) };
}
