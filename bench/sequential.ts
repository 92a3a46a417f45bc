// Unloaded latency: requests sent one at a time, timed with performance.now(), from a worker
// thread. The client must not share an event loop with a server it times: the sandbox runs on
// this process's main thread, and a client there would reach it without any thread wake-up,
// which no real client of Intercom (or of the gateway) gets.
import { Worker } from "node:worker_threads";
import { percentile } from "./support.js";

export interface TimedRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One thing to time: its requests, sent one after another (one sample = all of them). */
export interface Probe {
  name: string;
  requests: TimedRequest[];
}

export interface ProbeTiming {
  p50: number;
  p99: number;
}

// Plain JavaScript run by the worker (eval), so it needs no TypeScript loader.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { probes, iterations, warmup } = workerData;
async function send(r) {
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
  await res.arrayBuffer();
  if (res.status >= 400) throw new Error(r.method + " " + r.url + " answered " + res.status);
}
async function run(probe) {
  for (const r of probe.requests) await send(r);
}
(async () => {
  for (let i = 0; i < warmup; i++) for (const p of probes) await run(p);
  const times = probes.map(() => []);
  // Round-robin: every probe sees the same machine state, drift hits all of them alike.
  for (let i = 0; i < iterations; i++) {
    for (let k = 0; k < probes.length; k++) {
      const started = performance.now();
      await run(probes[k]);
      times[k].push(performance.now() - started);
    }
  }
  parentPort.postMessage(times);
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/** Times each probe `iterations` times, interleaved, after `warmup` unmeasured runs of each. */
export async function timeProbes(probes: Probe[], iterations: number, warmup = 30): Promise<Record<string, ProbeTiming>> {
  const worker = new Worker(WORKER, { eval: true, workerData: { probes, iterations, warmup } });
  try {
    const times = await new Promise<number[][]>((resolve, reject) => {
      worker.once("message", (message: number[][] | { error: string }) =>
        "error" in message ? reject(new Error(`sequential timing failed: ${message.error}`)) : resolve(message),
      );
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the timing worker exited with code ${code}`)));
    });
    const result: Record<string, ProbeTiming> = {};
    probes.forEach((probe, k) => {
      const sorted = [...times[k]!].sort((a, b) => a - b);
      result[probe.name] = { p50: Math.round(percentile(sorted, 50) * 1000) / 1000, p99: Math.round(percentile(sorted, 99) * 1000) / 1000 };
    });
    return result;
  } finally {
    await worker.terminate();
  }
}
