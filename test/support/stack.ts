import { createLogger } from "../../src/logger.js";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index.js";
import { startGateway, type GatewayOptions, type RunningGateway } from "../../src/server/app.js";

/** A token that must never show up in any response or log line. */
export const TEST_TOKEN = "tok_test_5f3a9c1e7b2d4a6f8e0c";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  raw: string;
}

export interface Stack {
  sandbox: Sandbox;
  gateway: RunningGateway;
  /** Every log line the gateway wrote. */
  logs: string[];
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Upstream requests the sandbox served since the last reset. */
  upstream(): Sandbox["requests"];
  resetUpstream(): void;
  close(): Promise<void>;
}

/** What the tests read of a Relay connection page to follow it. */
interface ConnectionPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Follows a connection's cursors to its end: `page(after)` fetches one page (and may check it),
 * at most `maxPages` of them. Returns the pages in order.
 */
export async function walkPages<P extends ConnectionPage>(page: (after: string | null) => Promise<P>, maxPages: number): Promise<P[]> {
  const pages: P[] = [];
  let after: string | null = null;
  do {
    const current = await page(after);
    pages.push(current);
    after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
  } while (after && pages.length < maxPages);
  return pages;
}

/** A sandbox and a gateway in front of it, both on ephemeral loopback ports, talking real HTTP. */
export async function startStack(
  options: { sandbox?: SandboxOptions; gateway?: Partial<GatewayOptions> } = {},
): Promise<Stack> {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const logs: string[] = [];
  const gateway = await startGateway({
    baseUrl: sandbox.url,
    intercomVersion: "2.11",
    accessToken: TEST_TOKEN,
    upstreamTimeoutMs: 5_000,
    upstreamRetries: 2,
    logger: createLogger({ level: "debug", secrets: [], write: (line) => logs.push(line) }),
    port: 0,
    ...options.gateway,
  });
  return {
    sandbox,
    gateway,
    logs,
    async query(query, variables) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await response.text();
      return { status: response.status, raw, ...(JSON.parse(raw) as object) };
    },
    upstream: () => sandbox.requests,
    resetUpstream: () => sandbox.clearRequests(),
    async close() {
      await gateway.close();
      await sandbox.close();
    },
  };
}
