// Articles: listed, searched, read, created, updated (with their translations) and deleted.
import type { RestArticle, RestArticleList, RestDeletedArticleObject } from "../../../generated/rest/articles.js";
import { badRequest } from "../../errors.js";
import type { ApiGroup, RouteContext, RouteInput } from "../../router.js";
import { bodyOrEmpty, nowSeconds, optionalId, optionalString } from "../../validate.js";
import { DEFAULT_LOCALE, helpCenterPage, translationsFrom } from "../help-center/content.js";
import { applyTranslations, findArticle, has, noStatistics, parentFields, parseState, requireAuthor, syncDefaultLocale } from "./content.js";
import type { ArticleRecord } from "./records.js";
import { searchArticles } from "./search.js";

function createArticle(ctx: RouteContext, { body: raw }: RouteInput): RestArticle {
  const body = bodyOrEmpty(raw);
  const translations = translationsFrom(body.translated_content);
  const main = translations?.[DEFAULT_LOCALE] ?? {};
  const title = optionalString(body, "title") ?? optionalString(main, "title");
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
    description: optionalString(body, "description") ?? optionalString(main, "description") ?? "",
    body: optionalString(body, "body") ?? optionalString(main, "body") ?? "",
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

function updateArticle(ctx: RouteContext, { params, body: raw }: RouteInput): RestArticle {
  const article = findArticle(ctx, params.article_id!);
  const body = bodyOrEmpty(raw);
  const translations = translationsFrom(body.translated_content);
  const title = optionalString(body, "title");
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
  const description = optionalString(body, "description");
  if (description !== undefined) article.description = description;
  const text = optionalString(body, "body");
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

export const articlesGroup: ApiGroup = {
  tag: "Articles",
  routes: [
    { operationId: "listArticles", method: "GET", path: "/articles", handler: (ctx, { query }): RestArticleList => ({ type: "list", ...helpCenterPage(ctx.ws.articles, query) }) },
    { operationId: "createArticle", method: "POST", path: "/articles", handler: createArticle },
    { operationId: "searchArticles", method: "GET", path: "/articles/search", handler: searchArticles },
    { operationId: "retrieveArticle", method: "GET", path: "/articles/:article_id", handler: (ctx, { params }): RestArticle => findArticle(ctx, params.article_id!) },
    { operationId: "updateArticle", method: "PUT", path: "/articles/:article_id", handler: updateArticle },
    {
      operationId: "deleteArticle",
      method: "DELETE",
      path: "/articles/:article_id",
      handler: (ctx, { params }): RestDeletedArticleObject => {
        const article = findArticle(ctx, params.article_id!);
        ctx.ws.articles = ctx.ws.articles.filter((a) => a !== article);
        return { id: article.id, object: "article", deleted: true };
      },
    },
  ],
};
