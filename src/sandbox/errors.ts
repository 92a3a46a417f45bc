// Intercom's error envelope: every error is an `error.list` with a fresh request id.
import { randomUUID } from "node:crypto";

export interface IntercomErrorItem {
  code: string;
  message: string | null;
  field?: string | null;
}

export interface IntercomErrorBody {
  type: "error.list";
  request_id: string;
  errors: IntercomErrorItem[];
}

export function errorBody(code: string, message: string | null, field?: string): IntercomErrorBody {
  const item: IntercomErrorItem = { code, message };
  if (field !== undefined) item.field = field;
  return { type: "error.list", request_id: randomUUID(), errors: [item] };
}

/** Thrown by handlers; the server turns it into an error.list response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
  get body(): IntercomErrorBody {
    return errorBody(this.code, this.message, this.field);
  }
}

export const badRequest = (code: "parameter_not_found" | "parameter_invalid" | "bad_request", message: string, field?: string) =>
  new ApiError(400, code, message, field);
export const notFound = (code = "not_found", message = "Resource Not Found") => new ApiError(404, code, message);

/** Default code/message for an injected fault of a given status. */
export function defaultErrorFor(status: number): { code: string; message: string } {
  switch (status) {
    case 400:
      return { code: "bad_request", message: "Bad request" };
    case 401:
      return { code: "unauthorized", message: "Access Token Invalid" };
    case 403:
      return { code: "api_plan_restricted", message: "Active subscription needed." };
    case 404:
      return { code: "not_found", message: "Resource Not Found" };
    case 409:
      return { code: "conflict", message: "Conflict" };
    case 422:
      return { code: "parameter_invalid", message: "Unprocessable entity" };
    case 429:
      return { code: "rate_limit_exceeded", message: "Exceeded rate limit of requests" };
    case 500:
      return { code: "server_error", message: "Internal server error" };
    case 502:
      return { code: "bad_gateway", message: "Bad gateway" };
    case 503:
      return { code: "service_unavailable", message: "Service temporarily unavailable" };
    case 504:
      return { code: "gateway_timeout", message: "Gateway timeout" };
    default:
      return status >= 500 ? { code: "server_error", message: "Internal server error" } : { code: "bad_request", message: "Request failed" };
  }
}
