import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, until } from "./support/webhooks.js";

/**
 * End to end in Debian's headless Chromium: GraphiQL loads from the gateway alone, runs the
 * example inbox query, and shows conversations with assignee names — with no page error and
 * no request leaving the gateway's origin.
 */
const CHROMIUM = "/usr/bin/chromium";
const required = process.env.REQUIRE_SYSTEM_DEPS === "1";
const available = existsSync(CHROMIUM);
if (!available && !required) {
  console.warn(`[graphiql-browser] skipped: ${CHROMIUM} not found (apt-get install chromium; .ci/run installs it)`);
}

describe.skipIf(!available && !required)("GraphiQL in headless Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  // playwright gives the browser a fresh, empty profile of its own.

  beforeAll(async () => {
    if (!available) throw new Error(`REQUIRE_SYSTEM_DEPS=1 but ${CHROMIUM} is missing`);
    stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("runs the example inbox query and shows conversations with assignee names", async () => {
    const origin = new URL(stack.gateway.url).origin;
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    const outside: string[] = [];
    const cspViolations: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("data:")) outside.push(url);
    });

    await page.goto(stack.gateway.url, { waitUntil: "load" });
    await page.waitForSelector(".graphiql-execute-button", { timeout: 20_000 });
    // The docs explorer is there too.
    await expect(page.locator('[aria-label="Show Documentation Explorer"]').count()).resolves.toBeGreaterThan(0);

    await page.click(".graphiql-execute-button");
    // The result pane is a CodeMirror editor that renders only visible lines: read its whole value.
    const readResult = () =>
      page.evaluate(() => {
        // Runs in the page: `document` is the browser's (the test's tsconfig has no DOM types).
        const page = globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { getValue(): string } } | null } };
        return page.document.querySelector(".result-window .CodeMirror")?.CodeMirror?.getValue() ?? "";
      });
    await expect.poll(readResult, { timeout: 20_000 }).toContain('"conversations"');
    const resultText = await readResult();

    // The answer shown is the gateway's: the seeded assignee names appear in it.
    const assigneeNames = new Set(stack.sandbox.workspace.admins.map((a) => a.name));
    const shown = [...assigneeNames].filter((name) => resultText.includes(name));
    expect(shown.length).toBeGreaterThan(0);
    expect(resultText).toContain('"adminAssignee"');
    expect(resultText).not.toContain('"errors"');

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it("runs a subscription over its WebSocket and shows the event a webhook brings", async () => {
    // A context of its own: GraphiQL keeps its tabs in localStorage, which the first test's page filled.
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(stack.gateway.url, { waitUntil: "load" });
    await page.waitForSelector(".graphiql-execute-button", { timeout: 20_000 });
    // The second tab GraphiQL opens with is the live inbox subscription.
    await page.locator(".graphiql-tab", { hasText: "LiveInbox" }).click();
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { getValue(): string } } | null } }).document.querySelector(".graphiql-query-editor .CodeMirror")?.CodeMirror?.getValue() ?? ""),
      )
      .toContain("subscription LiveInbox");
    const readResult = () =>
      page.evaluate(() => {
        const page = globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { getValue(): string } } | null } };
        return page.document.querySelector(".result-window .CodeMirror")?.CodeMirror?.getValue() ?? "";
      });
    // GraphiQL learns a tab's operation name from its editor a moment after the switch; a run
    // started before that names the other tab's operation (Apollo says so): run it again then.
    await page.click(".graphiql-execute-button");
    await until(async () => stack.gateway.events.hub.size === 1 || (await readResult()).includes("Unknown operation"), "GraphiQL to run the tab", 20_000);
    if (stack.gateway.events.hub.size !== 1) {
      await page.click(".graphiql-execute-button");
      await until(() => stack.gateway.events.hub.size === 1, "GraphiQL to subscribe", 20_000);
    }
    const conversation = stack.sandbox.workspace.conversations.find((c) => c.admin_assignee_id)!;
    const n = notification("conversation.admin.assigned", await restObject(stack, `/conversations/${conversation.id}`));
    await postWebhook(stack.gateway.url, n);
    await expect.poll(readResult, { timeout: 20_000 }).toContain('"ADMIN_ASSIGNED"');
    const shown = await readResult();
    expect(shown).toContain(`"id": "${conversation.id}"`);
    expect(shown).toContain('"adminAssignee"');
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
    await context.close();
    await until(() => stack.gateway.events.hub.size === 0, "the subscription to end with the page", 20_000);
  }, 60_000);
});
