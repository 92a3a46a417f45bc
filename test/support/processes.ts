// Real processes for tests: a redis-server on a free port, and gateway replicas as deployed
// (`src/index.ts` with an environment), each stopped by the test that started it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

export const REDIS_SERVER = "/usr/bin/redis-server";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

/** Whether redis-server is installed; tests skip with a message without it, unless REQUIRE_SYSTEM_DEPS=1. */
export function redisAvailable(suite: string): { available: boolean; required: boolean } {
  const required = process.env.REQUIRE_SYSTEM_DEPS === "1";
  const available = existsSync(REDIS_SERVER);
  if (!available && !required) console.warn(`[${suite}] skipped: ${REDIS_SERVER} not found (apt-get install redis-server; .ci/run installs it)`);
  return { available, required };
}

export interface RedisServer {
  url: string;
  /** Stops it (SIGKILL: as if it crashed); resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`REQUIRE_SYSTEM_DEPS=1 but ${REDIS_SERVER} is missing`);
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitForPort(port);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface Replica {
  child: ChildProcess;
  /** Its /graphql URL. */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** A gateway process, as deployed: `src/index.ts` with the given environment; ready when it logs its URL. */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start: ${output}`)), 30_000);
    child.stdout!.on("data", () => {
      const match = /Gateway ready at (http:\/\/\S+?\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on("exit", (code) => reject(new Error(`replica exited with ${code}: ${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
