// `npm run sandbox`: runs the Intercom sandbox alone on SANDBOX_PORT (default 4010).
import { startSandbox } from "./index.js";

const rawPort = process.env.SANDBOX_PORT ?? "4010";
if (!/^\d+$/.test(rawPort.trim()) || Number(rawPort) > 65535) {
  console.error(`SANDBOX_PORT must be a port number (0-65535), got "${rawPort}"`);
  process.exit(1);
}

const sandbox = await startSandbox({ port: Number(rawPort), host: "127.0.0.1" });
console.log(`Intercom 2.11 sandbox listening on ${sandbox.url}`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`[sandbox] error while stopping on ${signal}:`, error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
