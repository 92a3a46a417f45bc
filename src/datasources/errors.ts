import { GraphQLError } from "graphql";

/** Error codes the gateway puts in `extensions.code` (see DESIGN.md, "Errors"). */
export type GatewayErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "UPSTREAM_ERROR"
  | "UPSTREAM_TIMEOUT"
  | "QUERY_TOO_COMPLEX";

export interface IntercomErrorItem {
  code: string;
  message: string | null;
  field?: string | null;
}

/**
 * An error Intercom answered (or failed to answer). `status` is surfaced as
 * `extensions.http.status` by the server's formatError; it is not put in
 * extensions.http here because Apollo Server would turn it into the HTTP
 * status of the whole response, breaking partial results.
 */
export class UpstreamError extends GraphQLError {
  constructor(
    message: string,
    readonly status: number | undefined,
    extensions: { code: GatewayErrorCode } & Record<string, unknown>,
  ) {
    super(message, { extensions });
    this.name = "UpstreamError";
  }
}

export function codeForStatus(status: number): GatewayErrorCode {
  if (status === 400 || status === 422) return "BAD_USER_INPUT";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  return "UPSTREAM_ERROR";
}

interface ErrorList {
  type?: string;
  request_id?: string | null;
  errors?: Array<{ code?: string; message?: string | null; field?: string | null }>;
}

function isErrorList(body: unknown): body is ErrorList {
  return typeof body === "object" && body !== null && Array.isArray((body as ErrorList).errors);
}

/** Maps an Intercom error response to a GraphQL error, keeping Intercom's codes and request id. */
export function errorFromIntercomResponse(
  status: number,
  body: unknown,
  headers: { get(name: string): string | null },
  operation: string,
): UpstreamError {
  const list = isErrorList(body) ? body : undefined;
  const errors: IntercomErrorItem[] = (list?.errors ?? []).map((e) => ({
    code: String(e.code ?? "unknown"),
    message: e.message ?? null,
    ...(e.field ? { field: e.field } : {}),
  }));
  const requestId = list?.request_id ?? headers.get("x-request-id") ?? null;
  const code = codeForStatus(status);
  const first = errors[0];
  const detail = first ? `${first.code}${first.message ? `: ${first.message}` : ""}` : `HTTP ${status}`;
  const extensions: { code: GatewayErrorCode } & Record<string, unknown> = {
    code,
    // The upstream status lives here, never under `extensions.http`: routers read that as the
    // HTTP status of the whole response, so one failed field would fail every other field's data.
    intercom: { status, requestId, errors },
  };
  if (status === 429) {
    const retryAfter = Number(headers.get("retry-after"));
    const reset = Number(headers.get("x-ratelimit-reset"));
    extensions.retryAfter = Number.isFinite(retryAfter) && retryAfter > 0
      ? Math.ceil(retryAfter)
      : Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : null;
  }
  return new UpstreamError(`Intercom ${operation} failed (${detail})`, status, extensions);
}

export function upstreamTimeout(operation: string, timeoutMs: number, reason?: string): UpstreamError {
  return new UpstreamError(`Intercom ${operation} timed out ${reason ? `(${reason})` : `after ${timeoutMs} ms`}`, undefined, {
    code: "UPSTREAM_TIMEOUT",
  });
}

export function upstreamUnreachable(operation: string, cause: unknown): UpstreamError {
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new UpstreamError(`Intercom ${operation} failed: ${reason}`, undefined, { code: "UPSTREAM_ERROR" });
}

export function notFound(what: string, id: string): UpstreamError {
  return new UpstreamError(`${what} ${id} was not found`, 404, {
    code: "NOT_FOUND",
    intercom: { requestId: null, errors: [{ code: "not_found", message: `${what} Not Found` }] },
  });
}

/** Input the gateway rejects before any upstream call. */
export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
}
