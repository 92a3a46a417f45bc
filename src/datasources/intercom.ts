import {
  RESTDataSource,
  type AugmentedRequest,
  type CacheOptions,
  type RequestOptions,
} from "@apollo/datasource-rest";
import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";
import type { Logger } from "../logger.js";
import {
  UpstreamError,
  errorFromIntercomResponse,
  upstreamTimeout,
  upstreamUnreachable,
} from "./errors.js";

/** What every Intercom datasource of one GraphQL request shares. */
export interface IntercomClientOptions {
  baseUrl: string;
  version: string;
  /** Bearer token for this request; never logged, never put in an error. */
  token?: string;
  timeoutMs: number;
  retries: number;
  logger?: Logger;
}

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** Searches are POSTs that read, so retrying them is as safe as retrying a GET. */
function isIdempotent(method: string, url: string): boolean {
  return method === "GET" || method === "HEAD" || (method === "POST" && new URL(url).pathname.endsWith("/search"));
}

function operationName(method: string, url: string): string {
  return `${method} ${new URL(url).pathname}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Node's fetch with a timeout per attempt and retries for idempotent calls
 * that fail with a 5xx or a network error. Writes are tried exactly once:
 * a write whose outcome is unknown is reported as failed, never replayed.
 */
export function createUpstreamFetch(options: Pick<IntercomClientOptions, "timeoutMs" | "retries" | "logger">): Fetcher {
  const upstreamFetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? "GET").toUpperCase();
    const attempts = isIdempotent(method, url) ? options.retries + 1 : 1;
    const operation = operationName(method, url);
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= attempts;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
        if (!isLast && RETRYABLE_STATUSES.has(response.status)) {
          await response.body?.cancel();
          options.logger?.warn("upstream retry", { operation, status: response.status, attempt });
          await sleep(50 * 2 ** (attempt - 1));
          continue;
        }
        return response;
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === "TimeoutError";
        if (isLast) throw timedOut ? upstreamTimeout(operation, options.timeoutMs) : upstreamUnreachable(operation, error);
        options.logger?.warn("upstream retry", { operation, error: timedOut ? "timeout" : String(error), attempt });
        await sleep(50 * 2 ** (attempt - 1));
      }
    }
  };
  return upstreamFetch as unknown as Fetcher;
}

/**
 * Base of every Intercom datasource: region URL, version header, auth and
 * error mapping. One instance per resource group per GraphQL request.
 */
export abstract class IntercomDataSource extends RESTDataSource {
  constructor(protected readonly client: IntercomClientOptions) {
    super({ fetch: createUpstreamFetch(client) });
    // A trailing slash so relative paths keep a proxy's path prefix.
    this.baseURL = client.baseUrl.replace(/\/*$/, "/");
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest<CacheOptions>): void {
    request.headers["intercom-version"] = this.client.version;
    request.headers["accept"] = "application/json";
    if (this.client.token) request.headers["authorization"] = `Bearer ${this.client.token}`;
    // No HTTP caching yet: every read goes upstream (and is counted).
    request.skipCache = true;
  }

  protected override async parseBody(response: FetcherResponse): Promise<object | string> {
    const text = await response.text();
    if (!text) return {};
    try {
      return JSON.parse(text) as object;
    } catch {
      const operation = operationName("", response.url).trim();
      if (response.ok) {
        throw new UpstreamError(`Intercom ${operation} answered a body that is not JSON`, response.status, {
          code: "UPSTREAM_ERROR",
        });
      }
      return text;
    }
  }

  protected override async errorFromResponse(options: {
    url?: URL;
    request?: RequestOptions<CacheOptions>;
    response: FetcherResponse;
    parsedBody: unknown;
  }) {
    const method = (options.request?.method ?? "GET").toUpperCase();
    const operation = options.url ? `${method} ${options.url.pathname}` : method;
    return errorFromIntercomResponse(options.response.status, options.parsedBody, options.response.headers, operation);
  }

  /** Path segment for an id, so an id can never change the path it is put in. */
  protected segment(id: string | number): string {
    return encodeURIComponent(String(id));
  }
}
