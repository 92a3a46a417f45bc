// `npm run bench`: the gateway, as built for production, against the embedded sandbox.
//
// The sandbox runs in this process (so its request log counts the upstream calls of each
// query); the gateway runs as `node dist/index.js` in a child process; autocannon and the
// one-at-a-time latency probes (bench/sequential.ts) drive both on loopback from worker threads.
// Every loop is bounded and the run stops by itself.
// See docs/performance.md for what the figures mean and the targets.
//
// Env: BENCH_DURATION_SECONDS (per operation, default 10), BENCH_SOAK_SECONDS (default 60),
//      BENCH_CONNECTIONS (default 10), BENCH_EVENTS_SUBSCRIBERS (default 1000), BENCH_EVENTS
//      (webhooks per run, default 100), BENCH_ONLY=events (only the events part, merged into
//      the last results.json), BENCH_BASELINE (a checkout of another commit with its node_modules
//      and `npm run build` done: issue 13's figures side by side with it, see bench/side-by-side.ts),
//      BENCH_ONLY=compare (only that comparison, merged into the last results.json),
//      BENCH_SIDE_BY_SIDE_ROUNDS (default 3).
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, type Sandbox, type Workspace } from "../src/sandbox/index.js";
import { timeProbes, type Probe, type TimedRequest } from "./sequential.js";
import { benchEvents, type EventsFigures } from "./events.js";
import { benchSideBySide, sideBySideTable, type SideBySideFigures } from "./side-by-side.js";
import { freePort, median, round, sleep } from "./support.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "bench-token";
const HOST = "127.0.0.1";

function envSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got ${JSON.stringify(raw)}`);
  return value;
}
const DURATION = envSeconds("BENCH_DURATION_SECONDS", 10);
const SOAK = envSeconds("BENCH_SOAK_SECONDS", 60);
const CONNECTIONS = Math.round(envSeconds("BENCH_CONNECTIONS", 10));
const WARMUP = Math.max(2, Math.min(10, DURATION / 2));
const EVENT_SUBSCRIBERS = Math.round(envSeconds("BENCH_EVENTS_SUBSCRIBERS", 1000));
const EVENTS = Math.round(envSeconds("BENCH_EVENTS", 100));
const ONLY = process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== "" && ONLY !== "events" && ONLY !== "compare") throw new Error(`BENCH_ONLY must be events or compare, got ${JSON.stringify(ONLY)}`);
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
if (BASELINE && !existsSync(path.join(BASELINE, "dist/index.js"))) {
  throw new Error(`BENCH_BASELINE=${BASELINE} has no dist/index.js: check the commit out there, then npm ci && npm run build in it`);
}
if (ONLY === "compare" && !BASELINE) throw new Error("BENCH_ONLY=compare needs BENCH_BASELINE (a built checkout to compare with)");
const SIDE_BY_SIDE_ROUNDS = Math.round(envSeconds("BENCH_SIDE_BY_SIDE_ROUNDS", 3));
// Issue 13's targets: { admins } with the cache off at >= 40 % of direct REST (23 % before), and a
// third less gateway CPU per inbox-20 request than the 3.8 ms measured before.
const CACHE_OFF_TARGET_PCT = 40;
const INBOX20_CPU_TARGET_MS = 2.53;
/** Sequential (one at a time) requests for the unloaded latency, sub-millisecond resolution. */
const SEQUENTIAL_SAMPLES = 300;

// ─── helpers ────────────────────────────────────────────────────────────────

/** CPU time (user + system, kernel's share of its sockets included) of a process in ms, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name "(…)": state is field 3, utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** VmRSS of a process in MiB, from /proc/<pid>/status. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}


// ─── the gateway child process ──────────────────────────────────────────────

interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** What it wrote (warnings and errors only at LOG_LEVEL=warn). */
  output: () => string;
}

async function startGatewayProcess(sandbox: Sandbox, extraEnv: Record<string, string> = {}, root = ROOT): Promise<GatewayProcess> {
  const port = await freePort(HOST);
  const child = spawn(process.execPath, [path.join(root, "dist/index.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      INTERCOM_BASE_URL: sandbox.url,
      INTERCOM_ACCESS_TOKEN: TOKEN,
      HOST,
      PORT: String(port),
      LOG_LEVEL: "warn",
      INTROSPECTION: "false",
      // The sandbox's own limit is raised for the bench; the gateway's budget would only measure itself.
      INTERCOM_RATE_LIMIT_PER_MINUTE: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  // The last 200 KB of what it wrote, from the start of a line (a line cut in half would read as another message).
  const keep = (chunk: string) => {
    out += chunk;
    if (out.length <= 200_000) return;
    const lineStart = out.indexOf("\n", out.length - 200_000) + 1;
    out = lineStart > 0 ? out.slice(lineStart) : out.slice(-200_000);
  };
  child.stdout!.setEncoding("utf8").on("data", keep);
  child.stderr!.setEncoding("utf8").on("data", keep);
  const gateway: GatewayProcess = { child, url: `http://${HOST}:${port}/graphql`, output: () => out };

  // Ready when it logs "Gateway ready at" (an info line, so not written at LOG_LEVEL=warn)
  // or when GET /health answers: whichever comes first, within 30 s.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode} before it was ready:\n${out}`);
    if (out.includes("Gateway ready at")) return gateway;
    try {
      const res = await fetch(`http://${HOST}:${port}/health`);
      if (res.ok) return gateway;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the gateway was not ready within 30 s:\n${out}`);
}

async function stopGatewayProcess(gateway: GatewayProcess | undefined): Promise<void> {
  if (!gateway || gateway.child.exitCode !== null || gateway.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => gateway.child.once("exit", () => resolve()));
  gateway.child.kill("SIGTERM");
  const timer = setTimeout(() => gateway.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

// ─── the canonical operations ───────────────────────────────────────────────

type Author = Workspace["conversations"][number]["source"]["author"];
const isContactAuthor = (a: Author) => a.type === "user" || a.type === "lead";
const assigned = (id: number | string | null | undefined) => id !== null && id !== undefined && String(id) !== "0";

interface Operation {
  key: string;
  title: string;
  body: string;
  /** The fewest upstream calls the REST API allows for this operation, and why. */
  minimum: (data: any) => { calls: number; why: string };
}

const INBOX = /* GraphQL */ `query Inbox($first: Int!) {
  conversations(first: $first) {
    nodes {
      id
      adminAssignee { name }
      teamAssignee { name }
      contacts { name email }
      source { author { __typename name email } }
    }
  }
}`;

/** list + admins (if any admin is linked) + teams (if any team is) + ⌈distinct contacts / 150⌉ searches. */
function inboxMinimum(workspace: Workspace) {
  return (data: any) => {
    const byId = new Map(workspace.conversations.map((c) => [c.id, c]));
    let admins = false;
    let teams = false;
    const contacts = new Set<string>();
    for (const node of data.conversations.nodes as Array<{ id: string }>) {
      const c = byId.get(node.id);
      if (!c) throw new Error(`conversation ${node.id} is not in the sandbox workspace`);
      if (assigned(c.admin_assignee_id) || c.source.author.type === "admin") admins = true;
      if (assigned(c.team_assignee_id) || c.source.author.type === "team") teams = true;
      for (const contact of c.contacts.contacts) contacts.add(contact.id);
      if (isContactAuthor(c.source.author)) contacts.add(c.source.author.id);
    }
    const searches = Math.ceil(contacts.size / 150);
    return {
      calls: 1 + (admins ? 1 : 0) + (teams ? 1 : 0) + searches,
      why: `1 list + ${admins ? 1 : 0} GET /admins + ${teams ? 1 : 0} GET /teams + ⌈${contacts.size} contacts/150⌉ = ${searches} search`,
    };
  };
}

/** The seeded conversation with the most kinds of author, then the most parts. */
function pickConversation(workspace: Workspace) {
  const kinds = (c: Workspace["conversations"][number]) =>
    new Set(c.conversation_parts.conversation_parts.map((p) => (isContactAuthor(p.author) ? "contact" : p.author.type)).filter((k) => k !== "bot"));
  return [...workspace.conversations].sort(
    (a, b) => kinds(b).size - kinds(a).size || b.conversation_parts.total_count - a.conversation_parts.total_count,
  )[0]!;
}

/** A contact with companies, tags (fewer than 10), notes and conversations: the fullest 360 view. */
function pickContact(workspace: Workspace) {
  const conversationsOf = new Map<string, number>();
  for (const c of workspace.conversations) for (const x of c.contacts.contacts) conversationsOf.set(x.id, (conversationsOf.get(x.id) ?? 0) + 1);
  const score = (c: Workspace["contacts"][number]) =>
    (c.companies.total_count > 0 ? 1000 : 0) +
    (c.tags.data.length > 0 && c.tags.data.length < 10 ? 1000 : 0) +
    (c.notes.total_count > 0 ? 1000 : 0) +
    ((conversationsOf.get(c.id) ?? 0) > 0 ? 1000 : 0) +
    c.companies.total_count + c.tags.data.length + c.notes.total_count + (conversationsOf.get(c.id) ?? 0);
  return [...workspace.contacts].sort((a, b) => score(b) - score(a))[0]!;
}

function operations(workspace: Workspace): { ops: Operation[]; picked: Record<string, unknown> } {
  const conversation = pickConversation(workspace);
  const contact = pickContact(workspace);
  const entityIds = workspace.contacts.slice(0, 50).map((c) => c.id);

  const ops: Operation[] = [
    {
      key: "admins",
      title: "(1) { admins { id name } }",
      body: JSON.stringify({ query: "{ admins { id name } }" }),
      minimum: () => ({ calls: 1, why: "1 GET /admins" }),
    },
    {
      key: "inbox20",
      title: "(2) inbox, 20 conversations",
      body: JSON.stringify({ query: INBOX, variables: { first: 20 } }),
      minimum: inboxMinimum(workspace),
    },
    {
      key: "inbox150",
      title: "(3) inbox, 150 conversations",
      body: JSON.stringify({ query: INBOX, variables: { first: 150 } }),
      minimum: inboxMinimum(workspace),
    },
    {
      key: "conversationParts",
      title: `(4) conversation ${conversation.id}, ${conversation.conversation_parts.total_count} parts + authors`,
      body: JSON.stringify({
        query: `query ($id: ID!) { conversation(id: $id) { id conversationParts { nodes { id author { __typename name } } } } }`,
        variables: { id: conversation.id },
      }),
      minimum: (data: any) => {
        const kinds = new Set<string>();
        for (const part of data.conversation.conversationParts.nodes as Array<{ author: { __typename: string } | null }>) {
          if (part.author && part.author.__typename !== "Bot") kinds.add(part.author.__typename);
        }
        const names = [...kinds].sort();
        return { calls: 1 + kinds.size, why: `1 GET /conversations/{id} + 1 per author kind (${names.join(", ") || "none"})` };
      },
    },
    {
      key: "contact360",
      title: `(5) contact 360 (contact ${contact.id})`,
      body: JSON.stringify({
        query: `query ($id: ID!) {
  contact(id: $id) {
    id name email
    companies { nodes { name } }
    tags { nodes { name } }
    notes { nodes { body } }
    segments { nodes { name } }
    conversations(first: 10) { nodes { id state } }
  }
}`,
        variables: { id: contact.id },
      }),
      minimum: () => {
        const c = workspace.contacts.find((x) => x.id === contact.id)!;
        const parts = [
          ["GET /contacts/{id}", 1],
          ["GET /contacts/{id}/companies", c.companies.total_count > 0 ? 1 : 0],
          [c.tags.data.length >= 10 ? "GET /contacts/{id}/tags" : "GET /tags", c.tags.data.length > 0 ? 1 : 0],
          ["GET /contacts/{id}/notes", c.notes.total_count > 0 ? 1 : 0],
          ["GET /contacts/{id}/segments", 1],
          ["POST /conversations/search", 1],
        ] as const;
        return { calls: parts.reduce((n, [, k]) => n + k, 0), why: parts.map(([name, k]) => `${k} ${name}`).join(" + ") };
      },
    },
    {
      key: "entities50",
      title: "(6) _entities: 50 Contact representations",
      body: JSON.stringify({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Contact { id name email } } }`,
        variables: { representations: entityIds.map((id) => ({ __typename: "Contact", id })) },
      }),
      minimum: () => ({ calls: Math.ceil(entityIds.length / 150), why: `⌈${entityIds.length}/150⌉ POST /contacts/search (id IN […])` }),
    },
  ];
  return {
    ops,
    picked: {
      conversationId: conversation.id,
      conversationParts: conversation.conversation_parts.total_count,
      contactId: contact.id,
      contactCompanies: contact.companies.total_count,
      contactTags: contact.tags.data.length,
      contactNotes: contact.notes.total_count,
      entityContacts: entityIds.length,
    },
  };
}

// ─── measuring ──────────────────────────────────────────────────────────────

async function postGraphQL(url: string, body: string): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (res.status !== 200 || json.errors) {
    throw new Error(`GraphQL request failed (${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  }
  return json.data;
}

interface LoadFigures {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  /** Gateway CPU ms per request during the run (the load runs of the operations only). */
  gatewayCpuMsPerRequest?: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(options: { url: string; method: "GET" | "POST"; headers: Record<string, string>; body?: string; seconds: number }): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    method: options.method,
    headers: options.headers,
    body: options.body,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: options.seconds,
    // A worker thread keeps the load generator off the event loop of the sandbox in this process.
    workers: 1,
  });
  return {
    reqPerSec: round(result.requests.average, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

interface UpstreamCount {
  measured: number;
  calls: string[];
  recorded: Sandbox["requests"];
  data: any;
}

/** Upstream calls of exactly one query (after one unmeasured run that checks it answers without errors). */
async function countUpstream(sandbox: Sandbox, url: string, op: Operation): Promise<UpstreamCount> {
  await postGraphQL(url, op.body);
  sandbox.clearRequests();
  const data = await postGraphQL(url, op.body);
  const recorded = [...sandbox.requests];
  sandbox.clearRequests();
  return { measured: recorded.length, calls: summarize(recorded.map((r) => `${r.method} ${r.path}`)), recorded, data };
}

/** The query through the gateway, as a timed request. */
const graphqlRequest = (url: string, op: Operation): TimedRequest => ({ url, method: "POST", headers: { "content-type": "application/json" }, body: op.body });

/** Median time of the query through the gateway, and of its upstream calls replayed one after another straight at the sandbox. */
async function timeSplit(sandbox: Sandbox, url: string, op: Operation, recorded: Sandbox["requests"]): Promise<{ gatewayMs: number; upstreamReplayMs: number }> {
  const headers = { authorization: `Bearer ${TOKEN}`, "intercom-version": "2.11", "content-type": "application/json" };
  const replay: TimedRequest[] = recorded.map((r) => {
    const qs = new URLSearchParams(r.query).toString();
    return { url: `${sandbox.url}${r.path}${qs ? `?${qs}` : ""}`, method: r.method, headers, body: r.body === undefined ? undefined : JSON.stringify(r.body) };
  });
  const timing = await timeProbes([{ name: "gateway", requests: [graphqlRequest(url, op)] }, { name: "replay", requests: replay }], 30, 3);
  sandbox.clearRequests();
  return { gatewayMs: round(timing.gateway!.p50, 2), upstreamReplayMs: round(timing.replay!.p50, 2) };
}

// ─── main ───────────────────────────────────────────────────────────────────

/** The events part (bench/events.ts) with gateway processes of its own. */
async function runEvents(sandbox: Sandbox, started: GatewayProcess[]): Promise<EventsFigures> {
  return benchEvents({
    sandbox,
    subscribers: EVENT_SUBSCRIBERS,
    events: EVENTS,
    rssMiB,
    log,
    async startGateway(env) {
      const gateway = await startGatewayProcess(sandbox, env);
      started.push(gateway);
      return { url: gateway.url, pid: gateway.child.pid!, stop: () => stopGatewayProcess(gateway) };
    },
  });
}

const REST_HEADERS = { authorization: `Bearer ${TOKEN}`, "intercom-version": "2.11", accept: "application/json" };

/** Issue 13's figures side by side with the BENCH_BASELINE build (bench/side-by-side.ts). */
async function runSideBySide(sandbox: Sandbox, baselineRoot: string, ops: Operation[]): Promise<SideBySideFigures> {
  return benchSideBySide({
    baselineRoot,
    root: ROOT,
    rounds: SIDE_BY_SIDE_ROUNDS,
    seconds: DURATION,
    warmupSeconds: WARMUP,
    restUrl: `${sandbox.url}/admins`,
    inboxBody: ops.find((o) => o.key === "inbox20")!.body,
    adminsBody: ops.find((o) => o.key === "admins")!.body,
    cpuMs,
    log,
    async startGateway(root, env) {
      const gateway = await startGatewayProcess(sandbox, env, root);
      return { url: gateway.url, pid: gateway.child.pid!, stop: () => stopGatewayProcess(gateway) };
    },
    async load(url, body, seconds) {
      const figures = await load(
        body === undefined
          ? { url, method: "GET", headers: REST_HEADERS, seconds }
          : { url, method: "POST", headers: { "content-type": "application/json" }, body, seconds },
      );
      sandbox.clearRequests();
      return { reqPerSec: figures.reqPerSec, requests: figures.requests, failures: figures.non2xx + figures.errors + figures.timeouts };
    },
  });
}

/** bench/results.json as the last full run left it, with one part replaced (BENCH_ONLY). */
function mergeIntoResults(part: Record<string, unknown>): void {
  const outFile = path.join(ROOT, "bench/results.json");
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(outFile, "utf8")) as Record<string, unknown>;
  } catch {
    // no earlier run: the part alone
  }
  writeFileSync(outFile, JSON.stringify({ ...previous, ...part }, null, 2) + "\n");
}

async function main(): Promise<void> {
  if (ONLY === "compare") {
    const sandbox = await startSandbox({ port: 0, host: HOST, rateLimitPerWindow: 10_000_000 });
    try {
      const sideBySide = await runSideBySide(sandbox, BASELINE!, operations(sandbox.workspace).ops);
      mergeIntoResults({ sideBySide: { date: new Date().toISOString(), ...sideBySide } });
      process.stdout.write(sideBySideTable(sideBySide, CACHE_OFF_TARGET_PCT).join("\n") + "\n");
    } finally {
      await sandbox.close();
    }
    return;
  }
  if (ONLY === "events") {
    const sandbox = await startSandbox({ port: 0, host: HOST, rateLimitPerWindow: 10_000_000 });
    const started: GatewayProcess[] = [];
    try {
      const events = await runEvents(sandbox, started);
      mergeIntoResults({ events: { date: new Date().toISOString(), ...events } });
      process.stdout.write(eventsTable(events).join("\n") + "\n");
    } finally {
      await Promise.all(started.map(stopGatewayProcess));
      await sandbox.close();
    }
    return;
  }
  const started = new Date();
  const sandbox = await startSandbox({ port: 0, host: HOST, rateLimitPerWindow: 10_000_000 });
  let gateway: GatewayProcess | undefined;
  let cold: GatewayProcess | undefined; // the second gateway, response cache off
  const stopOnSignal = (signal: NodeJS.Signals) => {
    void Promise.all([stopGatewayProcess(gateway), stopGatewayProcess(cold)]).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    const { ops, picked } = operations(sandbox.workspace);
    const graphqlHeaders = { "content-type": "application/json" };

    // 1. Upstream calls of exactly one query each, before any load. First with the shared
    //    response cache off (CACHE_TTL_SECONDS=0): what the per-request loaders cost, which
    //    is what the theoretical minimum is about. That gateway is stopped before the load runs
    //    (after the unloaded latency rounds of step 3, where it stands for "no cache").
    log("upstream calls per query, shared response cache off (CACHE_TTL_SECONDS=0)");
    const upstream: Record<string, { measured: number; minimum: number; ratio: number; why: string; calls: string[]; warm: number; warmCalls: string[]; gatewayMs: number; upstreamReplayMs: number }> = {};
    cold = await startGatewayProcess(sandbox, { CACHE_TTL_SECONDS: "0" });
    const recordedByOp = new Map<string, Sandbox["requests"]>();
    for (const op of ops) {
      const count = await countUpstream(sandbox, cold.url, op);
      const minimum = op.minimum(count.data);
      recordedByOp.set(op.key, count.recorded);
      upstream[op.key] = { measured: count.measured, minimum: minimum.calls, ratio: round(count.measured / minimum.calls), why: minimum.why, calls: count.calls, warm: 0, warmCalls: [], gatewayMs: 0, upstreamReplayMs: 0 };
    }

    // The gateway as deployed: production defaults (shared response cache on).
    gateway = await startGatewayProcess(sandbox);
    const pid = gateway.child.pid!;
    const gatewayUrl = gateway.url;
    log(`gateway pid ${pid} at ${gatewayUrl}, sandbox at ${sandbox.url}; ${DURATION}s per operation, ${SOAK}s soak, ${CONNECTIONS} connections`);
    for (const op of ops) {
      const count = await countUpstream(sandbox, gatewayUrl, op);
      upstream[op.key]!.warm = count.measured;
      upstream[op.key]!.warmCalls = count.calls;
    }

    // 2. Warm-up (JIT, pools, caches), then the resident set after it.
    const inbox = ops.find((o) => o.key === "inbox20")!;
    log(`warm-up: ${WARMUP}s of each operation`);
    for (const op of ops) await load({ url: gatewayUrl, method: "POST", headers: graphqlHeaders, body: op.body, seconds: WARMUP });
    sandbox.clearRequests();
    const rssAfterWarmup = rssMiB(pid);

    // Where an unloaded query spends its time: through the gateway vs its upstream calls
    // (cache off) replayed one after another straight at the sandbox.
    log("unloaded latency split: gateway vs replayed upstream calls");
    for (const op of ops) Object.assign(upstream[op.key]!, await timeSplit(sandbox, gatewayUrl, op, recordedByOp.get(op.key)!));

    // 3. Direct REST baseline for (1), and the gateway's unloaded latency over it.
    log("direct REST baseline: GET /admins");
    const rest = await load({ url: `${sandbox.url}/admins`, method: "GET", headers: REST_HEADERS, seconds: DURATION });
    sandbox.clearRequests();
    // The same under load with the response cache off: every { admins } costs the gateway its GET /admins.
    log("load: { admins } with the response cache off");
    // Warmed up first, like the gateway under test (JIT, pools): only then measured.
    await load({ url: cold.url, method: "POST", headers: graphqlHeaders, body: ops[0]!.body, seconds: WARMUP });
    const adminsCacheOff = await load({ url: cold.url, method: "POST", headers: graphqlHeaders, body: ops[0]!.body, seconds: DURATION });
    sandbox.clearRequests();
    // Let the load run's connections and garbage settle. Then, one at a time and interleaved:
    // REST, the gateway as deployed (admins from the shared cache), the gateway with the cache off
    // (its one upstream call included), and a bare round trip to the gateway (GET /healthz: what a
    // second loopback hop costs). Three rounds; each probe keeps its best median, so one noisy
    // round (GC, the other core busy) doesn't decide.
    await sleep(1_000);
    const adminsOp = ops[0]!;
    const probes: Probe[] = [
      { name: "rest", requests: [{ url: `${sandbox.url}/admins`, method: "GET", headers: REST_HEADERS }] },
      { name: "gateway", requests: [graphqlRequest(gatewayUrl, adminsOp)] },
      { name: "cacheOff", requests: [graphqlRequest(cold.url, adminsOp)] },
      { name: "hop", requests: [{ url: gatewayUrl.replace(/\/graphql$/, "/healthz"), method: "GET" }] },
    ];
    const rounds: Array<Awaited<ReturnType<typeof timeProbes>>> = [];
    for (let i = 0; i < 3; i++) rounds.push(await timeProbes(probes, SEQUENTIAL_SAMPLES, i === 0 ? 200 : 30));
    const best = (name: string) => rounds.map((r) => r[name]!).reduce((a, b) => (b.p50 < a.p50 ? b : a));
    const restSequential = best("rest");
    const gatewaySequential = best("gateway");
    const cacheOffSequential = best("cacheOff");
    const hopSequential = best("hop");
    await stopGatewayProcess(cold);
    sandbox.clearRequests();

    // 4. Each operation under load.
    const loadFigures: Record<string, LoadFigures> = {};
    for (const op of ops) {
      log(`load: ${op.title}`);
      const cpuBefore = cpuMs(pid);
      const figures = await load({ url: gatewayUrl, method: "POST", headers: graphqlHeaders, body: op.body, seconds: DURATION });
      // The gateway's own CPU per answered request (its process only: not the sandbox's, not autocannon's).
      loadFigures[op.key] = { ...figures, gatewayCpuMsPerRequest: round((cpuMs(pid) - cpuBefore) / Math.max(1, figures.requests), 3) };
      sandbox.clearRequests(); // the log grows with every upstream call: keep the bench's own memory flat
    }

    // 5. Soak: the inbox for SOAK seconds, sampling the gateway's resident set.
    log(`soak: ${SOAK}s of the 20-conversation inbox`);
    const samples: Array<{ s: number; rssMiB: number }> = [];
    const soakStarted = Date.now();
    const sampler = setInterval(() => {
      samples.push({ s: round((Date.now() - soakStarted) / 1000, 1), rssMiB: rssMiB(pid) });
      sandbox.clearRequests();
    }, Math.max(1_000, (SOAK * 1000) / 12));
    let soak: LoadFigures;
    try {
      soak = await load({ url: gatewayUrl, method: "POST", headers: graphqlHeaders, body: inbox.body, seconds: SOAK });
    } finally {
      clearInterval(sampler);
    }
    await sleep(1_000);
    const rssAfterSoak = rssMiB(pid);
    samples.push({ s: round((Date.now() - soakStarted) / 1000, 1), rssMiB: rssAfterSoak });
    const third = Math.max(1, Math.floor(samples.length / 3));
    const firstThird = median(samples.slice(0, third).map((x) => x.rssMiB));
    const lastThird = median(samples.slice(-third).map((x) => x.rssMiB));
    const growthPct = round(((lastThird - firstThird) / firstThird) * 100, 1);
    // Growing: the last third sits clearly above the first, and the end is the highest point.
    const keptGrowing = growthPct > 10 && rssAfterSoak >= Math.max(...samples.map((x) => x.rssMiB));

    // 6. Events: webhook in → subscriber receives, one replica and two on Redis; memory per idle subscriber.
    await stopGatewayProcess(gateway);
    const eventGateways: GatewayProcess[] = [];
    let events: EventsFigures;
    try {
      events = await runEvents(sandbox, eventGateways);
    } finally {
      await Promise.all(eventGateways.map(stopGatewayProcess));
    }

    // 7. With BENCH_BASELINE: issue 13's figures side by side with that build.
    const sideBySide = BASELINE ? await runSideBySide(sandbox, BASELINE, ops) : undefined;

    // 8. Report.
    const admins = loadFigures.admins!;
    const results = {
      date: started.toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model ?? "unknown",
        cores: os.cpus().length,
        totalMemoryGiB: round(os.totalmem() / 1024 ** 3, 1),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        note: "autocannon (worker thread), the sandbox (this process) and the gateway (child process) share these cores",
      },
      settings: { durationSeconds: DURATION, soakSeconds: SOAK, warmupSeconds: WARMUP, connections: CONNECTIONS, sequentialSamples: SEQUENTIAL_SAMPLES },
      picked,
      operations: Object.fromEntries(
        ops.map((op) => {
          const u = upstream[op.key]!;
          return [
            op.key,
            {
              title: op.title,
              ...loadFigures[op.key]!,
              upstreamCalls: u.measured,
              minimumCalls: u.minimum,
              ratio: u.ratio,
              minimumReasoning: u.why,
              callsMade: u.calls,
              upstreamCallsWarmCache: u.warm,
              callsMadeWarmCache: u.warmCalls,
              unloadedGatewayMs: u.gatewayMs,
              unloadedUpstreamReplayMs: u.upstreamReplayMs,
            },
          ];
        }),
      ),
      restBaseline: {
        request: "GET /admins (direct to the sandbox)",
        ...rest,
        gatewayPercentOfRest: round((admins.reqPerSec / rest.reqPerSec) * 100, 1),
        addedP50UnderLoadMs: round(admins.p50 - rest.p50, 3),
        cacheOffUnderLoad: { ...adminsCacheOff, gatewayPercentOfRest: round((adminsCacheOff.reqPerSec / rest.reqPerSec) * 100, 1) },
        sequential: {
          restP50Ms: restSequential.p50,
          restP99Ms: restSequential.p99,
          gatewayP50Ms: gatewaySequential.p50,
          gatewayP99Ms: gatewaySequential.p99,
          addedP50Ms: round(gatewaySequential.p50 - restSequential.p50, 3),
          cacheOff: {
            gatewayP50Ms: cacheOffSequential.p50,
            gatewayP99Ms: cacheOffSequential.p99,
            addedP50Ms: round(cacheOffSequential.p50 - restSequential.p50, 3),
            bareHopP50Ms: hopSequential.p50,
            addedBeyondTheHopP50Ms: round(cacheOffSequential.p50 - restSequential.p50 - hopSequential.p50, 3),
          },
        },
      },
      memory: { rssAfterWarmupMiB: rssAfterWarmup, rssAfterSoakMiB: rssAfterSoak, soak: { ...soak, samples }, growthFirstToLastThirdPct: growthPct, keptGrowing },
      events: { date: new Date().toISOString(), ...events },
      ...(sideBySide ? { sideBySide: { date: new Date().toISOString(), ...sideBySide } } : {}),
      targets: { gatewayPercentOfRest: ">= 25", cacheOffPercentOfRest: `>= ${CACHE_OFF_TARGET_PCT}`, inbox20CpuMsPerRequest: `<= ${INBOX20_CPU_TARGET_MS}`, addedP50Ms: "<= 1", ratio: "1.00" },
    };

    const outFile = path.join(ROOT, "bench/results.json");
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");
    printTable(results);
    process.stdout.write(`\nwritten: ${path.relative(process.cwd(), outFile)}\n`);
    // The gateway's log lines (warn and error only). Requests cut off when a timed run ends
    // log "the client went away": expected, counted, not shown.
    const lines = gateway.output().split(/(?<=\})(?=\{)|\n/).map((l) => l.trim()).filter(Boolean);
    const cutOff = lines.filter((l) => l.includes("the client went away")).length;
    const other = lines.filter((l) => !l.includes("the client went away"));
    process.stdout.write(`\ngateway log: ${cutOff} warnings for requests cut off at the end of a timed run (expected), ${other.length} other lines\n`);
    if (other.length) process.stdout.write(other.slice(-10).join("\n") + "\n");
  } finally {
    await stopGatewayProcess(gateway);
    await stopGatewayProcess(cold);
    await sandbox.close();
  }
}

function summarize(calls: string[]): string[] {
  const counts = new Map<string, number>();
  for (const call of calls) {
    // Group per-id paths: GET /contacts/123 → GET /contacts/{id}
    const key = call.replace(/\/[0-9a-f]{6,}(?=\/|$)/gi, "/{id}").replace(/\/\d+(?=\/|$)/g, "/{id}");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([call, n]) => (n > 1 ? `${n}× ${call}` : call));
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function pad(value: string | number, width: number, left = false): string {
  const text = String(value);
  return left ? text.padEnd(width) : text.padStart(width);
}

function printTable(r: any): void {
  const lines: string[] = [];
  lines.push(`machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.totalMemoryGiB} GiB, node ${r.machine.node} (load generator, sandbox and gateway share the cores)`);
  lines.push(`run: ${r.date}, ${r.settings.durationSeconds}s per operation, ${r.settings.connections} connections, soak ${r.settings.soakSeconds}s`);
  lines.push("");
  const header = `${pad("operation", 52, true)} ${pad("req/s", 8)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("calls", 6)} ${pad("min", 4)} ${pad("ratio", 6)} ${pad("warm", 5)} ${pad("1-req ms", 9)} ${pad("of it REST", 11)} ${pad("cpu ms", 7)} ${pad("fail", 5)}`;
  lines.push(header);
  lines.push("-".repeat(header.length));
  const rb = r.restBaseline;
  lines.push(`${pad("REST baseline: GET /admins direct to the sandbox", 52, true)} ${pad(rb.reqPerSec, 8)} ${pad(rb.p50, 7)} ${pad(rb.p99, 7)} ${pad("-", 6)} ${pad("-", 4)} ${pad("-", 6)} ${pad("-", 5)} ${pad(rb.sequential.restP50Ms, 9)} ${pad("-", 11)} ${pad("-", 7)} ${pad(rb.non2xx + rb.errors + rb.timeouts, 5)}`);
  for (const op of Object.values(r.operations) as any[]) {
    lines.push(`${pad(op.title.slice(0, 52), 52, true)} ${pad(op.reqPerSec, 8)} ${pad(op.p50, 7)} ${pad(op.p99, 7)} ${pad(op.upstreamCalls, 6)} ${pad(op.minimumCalls, 4)} ${pad(op.ratio.toFixed(2), 6)} ${pad(op.upstreamCallsWarmCache, 5)} ${pad(op.unloadedGatewayMs, 9)} ${pad(op.unloadedUpstreamReplayMs, 11)} ${pad(op.gatewayCpuMsPerRequest ?? "-", 7)} ${pad(op.non2xx + op.errors + op.timeouts, 5)}`);
  }
  lines.push("calls = upstream calls of one query with the shared response cache off (the per-request loader cost); min = theoretical minimum;");
  lines.push("warm = the same with the production default cache warm; 1-req ms = median unloaded latency through the gateway;");
  lines.push("of it REST = its upstream calls (cache off) replayed one after another straight at the sandbox; cpu ms = the gateway process's");
  lines.push("CPU time (user + system, /proc) per request during the load run; fail = non-2xx + errors + timeouts.");
  lines.push("");
  const s = r.restBaseline.sequential;
  const pct = r.restBaseline.gatewayPercentOfRest;
  lines.push(`(1) vs direct REST: ${pct}% of REST req/s (target >= 25%: ${pct >= 25 ? "met" : "NOT met"})`);
  lines.push(`    added p50 under load: ${r.restBaseline.addedP50UnderLoadMs} ms (autocannon, 1 ms resolution)`);
  const off0 = r.restBaseline.cacheOffUnderLoad;
  lines.push(`    with the response cache off: ${off0.reqPerSec} req/s = ${off0.gatewayPercentOfRest}% of REST (target >= ${CACHE_OFF_TARGET_PCT}%: ${off0.gatewayPercentOfRest >= CACHE_OFF_TARGET_PCT ? "met" : "NOT met"})`);
  const inboxCpu = r.operations.inbox20?.gatewayCpuMsPerRequest;
  lines.push(`(2) gateway CPU per inbox-20 request: ${inboxCpu} ms (target <= ${INBOX20_CPU_TARGET_MS} ms, a third below the 3.8 ms of the machine issue 13 was filed on: ${inboxCpu <= INBOX20_CPU_TARGET_MS ? "met" : "NOT met"} by this line;\n    BENCH_BASELINE=<a built checkout> compares two builds on this machine)`);
  lines.push(`    added p50 unloaded: ${s.addedP50Ms} ms (gateway ${s.gatewayP50Ms} ms vs REST ${s.restP50Ms} ms, ${r.settings.sequentialSamples} sequential requests; target <= 1 ms: ${s.addedP50Ms <= 1 ? "met" : "NOT met"})`);
  const off = s.cacheOff;
  lines.push(`    with the response cache off: ${off.addedP50Ms} ms (gateway ${off.gatewayP50Ms} ms, its GET /admins included), of which a second loopback hop`);
  lines.push(`    ~${off.bareHopP50Ms} ms (GET /healthz round trip): ${off.addedBeyondTheHopP50Ms} ms beyond the hop`);
  const m = r.memory;
  lines.push(`gateway RSS: ${m.rssAfterWarmupMiB} MiB after warm-up, ${m.rssAfterSoakMiB} MiB after a ${r.settings.soakSeconds}s soak (${m.soak.reqPerSec} req/s, ${m.soak.requests} requests); first→last third ${m.growthFirstToLastThirdPct >= 0 ? "+" : ""}${m.growthFirstToLastThirdPct}%: ${m.keptGrowing ? "KEPT GROWING" : "did not keep growing"}`);
  lines.push(`    samples (s: MiB): ${m.soak.samples.map((x: any) => `${x.s}: ${x.rssMiB}`).join(", ")}`);
  lines.push("");
  if (r.events) lines.push(...eventsTable(r.events));
  if (r.sideBySide) lines.push("", ...sideBySideTable(r.sideBySide, CACHE_OFF_TARGET_PCT));
  lines.push("");
  lines.push("upstream calls of one query (cache off | cache warm):");
  for (const [key, op] of Object.entries(r.operations) as Array<[string, any]>) {
    lines.push(`  ${pad(key, 18, true)} ${op.callsMade.join(", ")} | ${op.callsMadeWarmCache.join(", ") || "none"}`);
    lines.push(`  ${pad("", 18, true)} minimum: ${op.minimumReasoning}`);
  }
  process.stdout.write(lines.join("\n") + "\n");
}

function eventsTable(e: EventsFigures): string[] {
  const lines = [`events: webhook in → subscriber receives, ${e.subscribers} subscribers (one WebSocket each), ${e.events} webhooks one after another;`, `    selection: ${e.selection}`];
  const row = (name: string, f: { samples: number; p50Ms: number; p99Ms: number; maxMs: number; missing: number }) =>
    `  ${pad(name, 44, true)} p50 ${pad(f.p50Ms, 7)} ms  p99 ${pad(f.p99Ms, 7)} ms  max ${pad(f.maxMs, 7)} ms  (${f.samples} samples, ${f.missing} missing)`;
  lines.push(row("one replica", e.oneReplica) + `  upstream calls per event: ${e.oneReplica.upstreamCallsPerEvent}`);
  if ("skipped" in e.twoReplicasWithRedis) lines.push(`  two replicas with Redis: skipped (${e.twoReplicasWithRedis.skipped})`);
  else {
    lines.push(row("two replicas, Redis: subscribers on the receiver", e.twoReplicasWithRedis.sameReplica));
    lines.push(row("two replicas, Redis: subscribers on the other", e.twoReplicasWithRedis.otherReplica));
  }
  lines.push(`  memory per idle subscriber: ${e.memory.perIdleSubscriberKiB} KiB (RSS ${e.memory.rssBeforeMiB} → ${e.memory.rssWithSubscribersMiB} MiB)`);
  return lines;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
