import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "./context.js";
import { queryEstimate } from "./query-limits.js";

/** The request header that asks for the cost report (any value but "0" or "false"). */
export const COST_REPORT_HEADER = "x-query-cost";

/**
 * When the client asks (`X-Query-Cost: 1`), the response's `extensions.cost` says what the
 * operation was estimated to cost before it ran, what it actually cost in upstream calls
 * (retries included, cached reads not), and the most one request may spend.
 */
export function costReportPlugin(maxCalls: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const asked = request.http?.headers.get(COST_REPORT_HEADER);
      if (!asked || asked === "0" || asked.toLowerCase() === "false") return;
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: {
              estimated: queryEstimate(contextValue)?.cost ?? null,
              upstreamCalls: contextValue?.upstream?.callsMade ?? 0,
              limit: maxCalls,
            },
          };
        },
      };
    },
  };
}
