// GET /articles/search: every word of the phrase in an article's title, description or body,
// with the matches highlighted when asked.
import type { RestSearchArticlesResponse } from "../../../generated/rest/articles.js";
import { badRequest } from "../../errors.js";
import type { RouteContext, RouteInput } from "../../router.js";
import type { ArticleRecord } from "./records.js";

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
export function searchArticles(ctx: RouteContext, { query }: RouteInput): RestSearchArticlesResponse {
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
