// Who a subscriber is: the token it subscribes with and the Intercom app that token belongs to.
import type { IncomingMessage } from "node:http";
import { isObject } from "./notification.js";

/** The token of an `Authorization` header ("Bearer <token>"), if it is one: the rule for requests and subscribers alike. */
export function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
}

/** A bearer token from a value a subscriber sent (a connection_init payload's, any JSON), bounded in length. */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 4096) return undefined;
  return bearerOf(value);
}

/**
 * The token of a WebSocket connection: from connection_init's payload, as clients put it there
 * (`{ authorization: "Bearer …" }`, `{ Authorization: … }` or `{ headers: { Authorization: … } }`,
 * GraphiQL sending its headers editor's), else the upgrade request's Authorization header
 * (Node clients). Nothing else in the payload is read.
 */
export function connectionToken(params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage): string | undefined {
  const headers = isObject(params?.headers) ? params.headers : undefined;
  for (const value of [params?.authorization, params?.Authorization, headers?.authorization, headers?.Authorization]) {
    if (value !== undefined) return bearerToken(value);
  }
  return bearerToken(request.headers.authorization);
}

/**
 * Whether a browser page of `origin` may subscribe: same origin as the gateway, or one of
 * CORS_ORIGINS. WebSockets have no CORS, so without this any page a user opens could read the
 * workspace's events through a gateway that user can reach. Clients that are not browsers send
 * no Origin and are not concerned.
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
