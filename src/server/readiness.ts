import { IntercomClient, type IntercomClientOptions } from "../datasources/upstream.js";
import { path } from "../datasources/upstream-path.js";

export interface Readiness {
  ready: boolean;
  /** What was checked: `GET /me` with the server token, or that the upstream answers at all. */
  check: "token" | "reachable";
  status: number | null;
  checkedAt: string;
  reason?: string;
}

/** How long a readiness answer is reused, so probes don't spend the workspace's rate limit. */
const CACHE_MS = 10_000;

/**
 * Ready when Intercom answers `GET /me` with the configured token ("token"; a missing server
 * token is not ready), or, in pass-through mode, when it answers at all ("reachable"). Cached
 * briefly. The probe goes through the upstream client like every other call (budget, metrics).
 */
export function createReadinessCheck(client: IntercomClientOptions, mode: Readiness["check"]): () => Promise<Readiness> {
  let cached: { at: number; result: Promise<Readiness> } | undefined;
  const check = async (): Promise<Readiness> => {
    const checkedAt = () => new Date().toISOString();
    try {
      // One attempt: a probe reports what Intercom answers now, it does not wait for it to recover.
      const { status } = await new IntercomClient({ ...client, retries: 0 }).send({ method: "GET", path: path`me`, read: true });
      const ready = mode === "token" ? status >= 200 && status <= 299 : status < 500;
      return { ready, check: mode, status, checkedAt: checkedAt(), ...(ready ? {} : { reason: `Intercom answered ${status}` }) };
    } catch (error) {
      const code = error instanceof Error && "extensions" in error ? (error as { extensions: { code?: unknown } }).extensions.code : undefined;
      const reason = code === "UPSTREAM_TIMEOUT" ? "Intercom did not answer in time" : code === "RATE_LIMITED" ? "the token's rate-limit budget is spent" : "Intercom is unreachable";
      return { ready: false, check: mode, status: null, checkedAt: checkedAt(), reason };
    }
  };
  return () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), result: check() };
    return cached.result;
  };
}
