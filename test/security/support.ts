import net from "node:net";
import { expect } from "vitest";

/** What an answer looks like after it was read. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export async function answer(response: Response | Promise<Response>): Promise<Answer> {
  const res = await response;
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A stack frame, a file path or a file URL: what an error page leaks about the server. */
const LEAK = /\n\s+at |file:\/\/|node_modules|\.(?:[cm]?js|ts):\d+|\/(?:work|home|usr|srv|app)\//;

/**
 * The gateway's one error shape: JSON `{"errors":[{message, extensions:{code}}]}` with the
 * expected status and code, and nothing about the server's files in it.
 */
export function expectJsonError(res: Answer, status: number, code: string): { message: string; extensions: Record<string, unknown> } {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get("content-type"), res.text).toMatch(/^application\/(graphql-response\+)?json\b/);
  expect(res.text).not.toMatch(LEAK);
  const body = JSON.parse(res.text) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(body.errors?.length, res.text).toBeGreaterThan(0);
  const [error] = body.errors!;
  expect(typeof error!.message).toBe("string");
  expect(error!.extensions.code, res.text).toBe(code);
  return error!;
}

/** Sends raw bytes (for requests fetch will not send) and returns the raw answer. */
export function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(bytes));
    let out = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (out += chunk));
    socket.on("end", () => resolve(out));
    socket.on("error", (error) => (out ? resolve(out) : reject(error)));
  });
}

/** Splits a raw HTTP/1.1 answer into status, headers and body (no chunked bodies expected). */
export function parseRaw(raw: string): Answer {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = new Headers();
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return { status: Number(statusLine.split(" ")[1]), headers, text: rest.join("\r\n\r\n") };
}
