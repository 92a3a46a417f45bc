import { createRequire } from "node:module";
import path from "node:path";
import type { ApolloServerPlugin } from "@apollo/server";
import { Router, type NextFunction, type Request, type Response } from "express";

/**
 * GraphiQL served entirely from the gateway's own assets (graphiql's UMD build and
 * React 18's), so it works offline and under a strict Content-Security-Policy:
 * no CDN, no inline script, no outside request.
 */
const require = createRequire(import.meta.url);
/** A file inside an installed package (found from its main entry: packages need not export their files). */
function packageFile(name: string, file: string): string {
  const main = require.resolve(name);
  return path.join(main.slice(0, main.lastIndexOf(`node_modules${path.sep}${name}`) + `node_modules${path.sep}${name}`.length), file);
}

const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": { file: packageFile("react", "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.js": { file: packageFile("react-dom", "umd/react-dom.production.min.js"), type: "text/javascript" },
  "graphiql.js": { file: packageFile("graphiql", "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: packageFile("graphiql", "graphiql.min.css"), type: "text/css" },
};

export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL's editors set style attributes and inject <style> tags at run time.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The query GraphiQL opens with: an inbox, with every link resolved. */
export const DEFAULT_QUERY = `# Welcome to the Intercom GraphQL gateway.
# Press the run button (or Ctrl-Enter) to load an inbox; open the docs explorer to browse the graph.
query Inbox {
  conversations(first: 10) {
    totalCount
    nodes {
      id
      state
      createdAt
      source { type subject author { __typename name email } }
      adminAssignee { name }
      teamAssignee { name }
      contacts { name email }
      tags { name }
    }
  }
}
`;

/** The second tab: the inbox, live (runs over the WebSocket; reply in another tab to see an event). */
export const LIVE_QUERY = `# Live inbox: run this, then reply to or assign a conversation (the gateway's own
# mutations, another tab, or Intercom itself): each change arrives as an event.
# Subscriptions run over a WebSocket on /graphql (graphql-ws), or Server-Sent Events on /graphql/stream.
subscription LiveInbox {
  conversationEvents {
    topic
    createdAt
    parts { partType body author { __typename name } }
    conversation {
      id
      state
      adminAssignee { name }
      contacts { name email }
    }
  }
}
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Intercom GraphQL gateway · GraphiQL</title>
    <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
    <link rel="stylesheet" href="/graphiql/assets/page.css" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/assets/react.js"></script>
    <script src="/graphiql/assets/react-dom.js"></script>
    <script src="/graphiql/assets/graphiql.js"></script>
    <script src="/graphiql/assets/init.js"></script>
  </body>
</html>
`;

const INIT = `(function () {
  var endpoint = new URL("/graphql", window.location.href);
  // Subscriptions go over graphql-ws on the same path; the headers editor's headers become its connection_init payload.
  var subscriptionUrl = new URL(endpoint.toString());
  subscriptionUrl.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({ url: endpoint.toString(), subscriptionUrl: subscriptionUrl.toString() });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    defaultTabs: [{ query: ${JSON.stringify(DEFAULT_QUERY)} }, { query: ${JSON.stringify(LIVE_QUERY)} }],
    defaultEditorToolsVisibility: false,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }));
})();
`;

const PAGE_CSS = "html, body, #graphiql { height: 100%; margin: 0; }\n";

/**
 * GraphiQL's page as Apollo's landing page: Apollo serves it on a GET /graphql that prefers
 * HTML (a browser navigation) and answers GraphQL otherwise. The /graphql handler adds GRAPHIQL_CSP.
 */
export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { renderLandingPage: async () => ({ html: PAGE }) };
    },
  };
}

/** The page's assets, under /graphiql/assets/. */
export function createGraphiQLRouter(): Router {
  const router = Router();
  router.get("/graphiql/assets/init.js", (_req, res) => {
    res.type("text/javascript").set("cache-control", "no-cache").send(INIT);
  });
  router.get("/graphiql/assets/page.css", (_req, res) => {
    res.type("text/css").send(PAGE_CSS);
  });
  router.get("/graphiql/assets/:name", (req: Request, res: Response, next: NextFunction) => {
    const entry = ASSETS[String(req.params.name)];
    if (!entry) return next();
    res.type(entry.type).set("cache-control", "public, max-age=86400").sendFile(entry.file);
  });
  return router;
}
