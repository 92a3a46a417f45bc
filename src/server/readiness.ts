import type { IntercomClientOptions } from "../datasources/intercom.js";

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
 * token is not ready), or, in pass-through mode, when it answers at all ("reachable"). Cached briefly.
 */
export function createReadinessCheck(client: IntercomClientOptions, mode: Readiness["check"]): () => Promise<Readiness> {
  let cached: { at: number; result: Promise<Readiness> } | undefined;
  const check = async (): Promise<Readiness> => {
    const kind = mode;
    try {
      const response = await fetch(`${client.baseUrl.replace(/\/$/, "")}/me`, {
        headers: {
          accept: "application/json",
          "intercom-version": client.version,
          ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
        },
        signal: AbortSignal.timeout(client.timeoutMs),
      });
      await response.body?.cancel();
      const ready = kind === "token" ? response.ok : response.status < 500;
      return {
        ready,
        check: kind,
        status: response.status,
        checkedAt: new Date().toISOString(),
        ...(ready ? {} : { reason: `Intercom answered ${response.status}` }),
      };
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? "Intercom did not answer in time" : "Intercom is unreachable";
      return { ready: false, check: kind, status: null, checkedAt: new Date().toISOString(), reason };
    }
  };
  return () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), result: check() };
    return cached.result;
  };
}
