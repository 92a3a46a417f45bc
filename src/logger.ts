/**
 * Structured JSON logs through pino. Every line passes through `redact` on its way out, so a
 * token can never reach the log, whatever a message or an error happens to contain.
 */
import { pino, stdSerializers } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const BEARER = /(bearer\s+)[^\s"',]+/gi;

/** A warning logged at most once per interval: during an outage every request fails the same way. */
export function throttledWarning(logger: Logger | undefined, message: string, intervalMs = 10_000): (fields: Record<string, unknown>) => void {
  let last = -Infinity;
  return (fields) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    logger?.warn(message, fields);
  };
}

/** Removes bearer tokens and the given secrets from a text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(BEARER, "$1[REDACTED]");
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[REDACTED]");
  }
  return out;
}

export function createLogger(options: {
  level?: LogLevel;
  secrets?: readonly string[];
  /** Where lines go (one JSON object a line); stdout by default. */
  write?: (line: string) => void;
} = {}): Logger {
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => void process.stdout.write(line + "\n"));
  const log = pino(
    {
      level: options.level ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // An Error's message and stack are not enumerable, so as a plain field it would log as {}:
        // keep its type, message, stack and own fields (causes too). Logs only, never a response.
        log: (fields) =>
          Object.values(fields).some((value) => value instanceof Error)
            ? Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? stdSerializers.err(value) : value]))
            : fields,
      },
      messageKey: "message",
      // The last line of defence: nothing leaves the process with a token in it.
      hooks: { streamWrite: (line) => redact(line, secrets) },
    },
    { write: (line: string) => write(line.endsWith("\n") ? line.slice(0, -1) : line) },
  );
  const at =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      log[level](fields, message);
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
