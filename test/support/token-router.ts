// Stands in for Intercom, which picks the workspace from the token: a proxy that routes each
// request to the sandbox its Authorization names, and answers 401 as Intercom does for others.
import http from "node:http";
import type { Sandbox } from "../../src/sandbox/index.js";

export async function startTokenRouter(byToken: Record<string, Sandbox>, onForward?: (token: string, path: string) => void): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const target = byToken[token];
    if (!target) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error.list", request_id: null, errors: [{ code: "unauthorized", message: "Access Token Invalid" }] }));
      return;
    }
    onForward?.(token, (req.url ?? "").split("?")[0]!);
    const upstream = http.request(`${target.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
