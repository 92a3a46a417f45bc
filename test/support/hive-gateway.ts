import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Hive Gateway CLI installed as a dev dependency (its package.json `bin`), run with this Node. */
const CLI = fileURLToPath(new URL("../../node_modules/@graphql-hive/gateway/dist/bin.js", import.meta.url));

export interface HiveGateway {
  /** The router's GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql. */
  url: string;
  /** The CLI's stdout and stderr so far (for failure messages). */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after a grace period) and removes its files. */
  close(): Promise<void>;
}

export interface HiveGatewayOptions {
  /** The composed supergraph SDL (Apollo Federation 2 `@join__*` form, e.g. from composeServices). */
  supergraphSdl: string;
  /** Longest wait for the router to answer /readiness. Default 30 s. */
  startupTimeoutMs?: number;
}

/** A port nobody listens on right now (the OS picks it; it is released for the router to bind). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `hive-gateway supergraph <file>` as a child process on a free loopback port and waits
 * until it is ready (its /readiness answers 200: the supergraph is loaded), within a time bound.
 * Nothing in it reaches the network: the supergraph is a local file, and no Hive or Apollo
 * token is given, so there is no usage reporting, tracing or schema polling of a registry.
 * A port taken between choosing and binding is retried on another port.
 */
export async function startHiveGateway(options: HiveGatewayOptions): Promise<HiveGateway> {
  if (!existsSync(CLI)) throw new Error(`Hive Gateway CLI not found at ${CLI}: run npm ci (it is a dev dependency)`);
  const dir = mkdtempSync(join(tmpdir(), "hive-gateway-"));
  const supergraph = join(dir, "supergraph.graphql");
  writeFileSync(supergraph, options.supergraphSdl);
  const deadline = Date.now() + (options.startupTimeoutMs ?? 30_000);
  let lastFailure = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    let output = "";
    const child = spawn(
      process.execPath,
      [CLI, "supergraph", supergraph, "--host", "127.0.0.1", "--port", String(port), "--fork", "1", "--disable-websockets"],
      {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
        // No colours in the captured output; warnings and errors only.
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", LOG_LEVEL: "warn" },
      },
    );
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Should the test process end without teardown, the router ends with it.
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    const close = async () => {
      process.removeListener("exit", killOnExit);
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    };
    const base = `http://127.0.0.1:${port}`;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const res = await fetch(`${base}/readiness`, { signal: AbortSignal.timeout(1_000) });
        if (res.ok) return { url: `${base}/graphql`, output: () => output, close };
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    const exited = child.exitCode !== null;
    await stop(child);
    process.removeListener("exit", killOnExit);
    lastFailure = output.trim().split("\n").slice(-20).join("\n");
    if (!(exited && /EADDRINUSE/.test(output)) || Date.now() >= deadline) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `Hive Gateway did not become ready on port ${port} ${exited ? "(the process exited)" : `within ${options.startupTimeoutMs ?? 30_000} ms`}. Its last output:\n${lastFailure || "(none)"}`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`Hive Gateway found no free port in 3 attempts. Its last output:\n${lastFailure}`);
}
