/**
 * A small JSON-lines logger. Every line passes through `redact`, so a token
 * can never reach the log, whatever a message or an error happens to contain.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const BEARER = /(bearer\s+)[^\s"',]+/gi;

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
  write?: (line: string) => void;
} = {}): Logger {
  const min = LEVELS[options.level ?? "info"];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stdout.write(line + "\n"));
  const log = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] < min) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }, errorReplacer);
    write(redact(line, secrets));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
