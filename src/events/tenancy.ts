// Which Intercom app (workspace) a token belongs to: `GET /me` answers `app.id_code`, the same
// id Intercom puts in every notification's `app_id`. Learnt once per token (and again after a
// while), never guessed: a subscriber whose token Intercom does not vouch for gets no events.
import { LRUCache } from "lru-cache";
import { hashToken } from "../datasources/concurrency.js";
import { UpstreamError } from "../datasources/errors.js";

/** How long a token's app is trusted before `GET /me` is asked again. */
const APP_TTL_MS = 10 * 60_000;
/** Tokens remembered (hashed keys; the token itself is kept only to invalidate its cache entries). */
const MAX_TOKENS = 10_000;

export class AppLookupError extends Error {
  override name = "AppLookupError";
  constructor(
    message: string,
    /** UNAUTHENTICATED: Intercom refused the token; UPSTREAM_ERROR: it could not say. */
    readonly code: "UNAUTHENTICATED" | "UPSTREAM_ERROR",
  ) {
    super(message);
  }
}

interface Known {
  token: string | undefined;
  appId: Promise<string>;
}

export class AppDirectory {
  readonly #byToken = new LRUCache<string, Known>({ max: MAX_TOKENS, ttl: APP_TTL_MS });

  /** `me(token)` asks Intercom for the token's app id (GET /me). */
  constructor(private readonly me: (token: string | undefined) => Promise<string | null | undefined>) {}

  /** The app id of `token` (lookups of one token at once share one GET /me; failures are not remembered). */
  appOf(token: string | undefined): Promise<string> {
    const key = token ? hashToken(token) : "anonymous";
    const known = this.#byToken.get(key);
    if (known) return known.appId;
    const appId = this.me(token).then(
      (id) => {
        if (!id) throw new AppLookupError("Intercom's GET /me named no app for this token", "UPSTREAM_ERROR");
        return id;
      },
      (error: unknown) => {
        const code = error instanceof UpstreamError ? error.extensions.code : undefined;
        if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") throw new AppLookupError("Intercom refused the token (GET /me)", "UNAUTHENTICATED");
        throw new AppLookupError("Could not learn the token's workspace from Intercom (GET /me)", "UPSTREAM_ERROR");
      },
    );
    this.#byToken.set(key, { token, appId });
    appId.catch(() => {
      if (this.#byToken.get(key)?.appId === appId) this.#byToken.delete(key);
    });
    return appId;
  }

  /** The tokens known to belong to `appId` (whose cached reads an event of that app makes stale). */
  async tokensOf(appId: string): Promise<Array<string | undefined>> {
    const entries = [...this.#byToken.values()];
    const ids = await Promise.all(entries.map((e) => e.appId.catch(() => undefined)));
    return entries.filter((_, i) => ids[i] === appId).map((e) => e.token);
  }
}
