// Two builds side by side in `npm run bench` (BENCH_BASELINE=<a checkout, built>): issue 13's two
// figures, measured so that the machine's load and speed cancel out.
//
// A figure of one run moves with the machine more than with a change (the same build has measured
// 2.2 and 3.7 ms of CPU per inbox-20 on different days). So both builds run at once, against the
// sandbox in the bench process, and are loaded in alternating order round by round; the change is the
// median of the rounds' changes. Each build runs twice, as deployed (response cache on: inbox-20)
// and with the response cache off (`{ admins }`: every request makes its GET /admins), and direct
// REST `GET /admins` is loaded in every round, so the cache-off share of REST is of that round.
import { execFileSync } from "node:child_process";
import { median, round } from "./support.js";

export interface LoadRun {
  reqPerSec: number;
  requests: number;
  failures: number;
}

export interface SideBySideOptions {
  /** The baseline checkout (its `dist/` built, its own node_modules). */
  baselineRoot: string;
  /** This checkout. */
  root: string;
  rounds: number;
  seconds: number;
  /** Each gateway's load before anything is measured, as the rest of the bench warms up. */
  warmupSeconds: number;
  /** Starts `node dist/index.js` of a checkout with extra environment. */
  startGateway(root: string, env: Record<string, string>): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
  /** Loads a URL for `seconds` (POST with body, else GET with headers). */
  load(url: string, body: string | undefined, seconds: number): Promise<LoadRun>;
  restUrl: string;
  cpuMs(pid: number): number;
  inboxBody: string;
  adminsBody: string;
  log(message: string): void;
}

export interface BuildFigures {
  inbox20CpuMs: number[];
  inbox20ReqPerSec: number[];
  adminsCacheOffCpuMs: number[];
  adminsCacheOffReqPerSec: number[];
  adminsCacheOffPercentOfRest: number[];
}

export interface SideBySideFigures {
  baseline: { root: string; commit: string };
  current: { commit: string };
  rounds: number;
  secondsPerRun: number;
  restReqPerSec: number[];
  before: BuildFigures;
  after: BuildFigures;
  /** Median over rounds of (after − before) / before, in %. */
  change: { inbox20CpuPct: number; inbox20ReqPerSecPct: number; adminsCacheOffCpuPct: number; adminsCacheOffReqPerSecPct: number };
  failures: number;
}

function commitOf(root: string): string {
  try {
    return execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

const changePct = (before: number[], after: number[]) => round(median(before.map((b, i) => ((after[i]! - b) / b) * 100)), 1);

const emptyFigures = (): BuildFigures => ({ inbox20CpuMs: [], inbox20ReqPerSec: [], adminsCacheOffCpuMs: [], adminsCacheOffReqPerSec: [], adminsCacheOffPercentOfRest: [] });

export async function benchSideBySide(o: SideBySideOptions): Promise<SideBySideFigures> {
  const builds = [
    { name: "baseline", root: o.baselineRoot, figures: emptyFigures() },
    { name: "this build", root: o.root, figures: emptyFigures() },
  ];
  const started: Array<{ stop(): Promise<void> }> = [];
  const start = async (root: string, env: Record<string, string>) => {
    const gateway = await o.startGateway(root, env);
    started.push(gateway);
    return gateway;
  };
  let failures = 0;
  const measured = async (gateway: { url: string; pid: number }, body: string) => {
    const cpuBefore = o.cpuMs(gateway.pid);
    const run = await o.load(gateway.url, body, o.seconds);
    failures += run.failures;
    return { cpuMs: round((o.cpuMs(gateway.pid) - cpuBefore) / Math.max(1, run.requests), 3), reqPerSec: run.reqPerSec };
  };
  try {
    const gateways = [];
    for (const build of builds) {
      const warm = await start(build.root, {});
      const cold = await start(build.root, { CACHE_TTL_SECONDS: "0" });
      // Warmed up (JIT, pools, the shared cache) before anything is measured.
      await o.load(warm.url, o.inboxBody, o.warmupSeconds);
      await o.load(cold.url, o.adminsBody, o.warmupSeconds);
      gateways.push({ build, warm, cold });
    }
    const restReqPerSec: number[] = [];
    for (let i = 0; i < o.rounds; i++) {
      o.log(`side by side: round ${i + 1} of ${o.rounds}`);
      const order = i % 2 === 0 ? gateways : [...gateways].reverse();
      const rest = await o.load(o.restUrl, undefined, o.seconds);
      failures += rest.failures;
      restReqPerSec.push(rest.reqPerSec);
      for (const { build, warm, cold } of order) {
        const inbox = await measured(warm, o.inboxBody);
        const admins = await measured(cold, o.adminsBody);
        const f = build.figures;
        f.inbox20CpuMs.push(inbox.cpuMs);
        f.inbox20ReqPerSec.push(inbox.reqPerSec);
        f.adminsCacheOffCpuMs.push(admins.cpuMs);
        f.adminsCacheOffReqPerSec.push(admins.reqPerSec);
        f.adminsCacheOffPercentOfRest.push(round((admins.reqPerSec / rest.reqPerSec) * 100, 1));
      }
    }
    const [before, after] = [builds[0]!.figures, builds[1]!.figures];
    return {
      baseline: { root: o.baselineRoot, commit: commitOf(o.baselineRoot) },
      current: { commit: commitOf(o.root) },
      rounds: o.rounds,
      secondsPerRun: o.seconds,
      restReqPerSec,
      before,
      after,
      change: {
        inbox20CpuPct: changePct(before.inbox20CpuMs, after.inbox20CpuMs),
        inbox20ReqPerSecPct: changePct(before.inbox20ReqPerSec, after.inbox20ReqPerSec),
        adminsCacheOffCpuPct: changePct(before.adminsCacheOffCpuMs, after.adminsCacheOffCpuMs),
        adminsCacheOffReqPerSecPct: changePct(before.adminsCacheOffReqPerSec, after.adminsCacheOffReqPerSec),
      },
      failures,
    };
  } finally {
    await Promise.all(started.map((g) => g.stop()));
  }
}

/** The report's lines, with issue 13's targets: a third less inbox-20 CPU, the cache-off `{ admins }` at ≥ 40 % of REST. */
export function sideBySideTable(s: SideBySideFigures, cacheOffTargetPct: number): string[] {
  const list = (values: number[]) => values.join(" / ");
  const sign = (pct: number) => `${pct > 0 ? "+" : ""}${pct} %`;
  const lastShare = median(s.after.adminsCacheOffPercentOfRest);
  return [
    `side by side: baseline ${s.baseline.commit} (${s.baseline.root}) and this build ${s.current.commit}, ${s.rounds} rounds of ${s.secondsPerRun}s, order alternating; REST ${list(s.restReqPerSec)} req/s`,
    `  inbox-20 gateway CPU ms/request    ${list(s.before.inbox20CpuMs)} → ${list(s.after.inbox20CpuMs)}: ${sign(s.change.inbox20CpuPct)} (target −33 %: ${s.change.inbox20CpuPct <= -33.3 ? "met" : "NOT met"})`,
    `  inbox-20 req/s                     ${list(s.before.inbox20ReqPerSec)} → ${list(s.after.inbox20ReqPerSec)}: ${sign(s.change.inbox20ReqPerSecPct)}`,
    `  { admins } cache off req/s         ${list(s.before.adminsCacheOffReqPerSec)} → ${list(s.after.adminsCacheOffReqPerSec)}: ${sign(s.change.adminsCacheOffReqPerSecPct)}`,
    `  { admins } cache off % of REST     ${list(s.before.adminsCacheOffPercentOfRest)} → ${list(s.after.adminsCacheOffPercentOfRest)} (target >= ${cacheOffTargetPct} %: ${lastShare >= cacheOffTargetPct ? "met" : "NOT met"})`,
    `  { admins } cache off CPU ms/request ${list(s.before.adminsCacheOffCpuMs)} → ${list(s.after.adminsCacheOffCpuMs)}: ${sign(s.change.adminsCacheOffCpuPct)}`,
    ...(s.failures ? [`  FAILED requests during the runs: ${s.failures}`] : []),
  ];
}
