// Seeded help centers: a multilingual one and an English one, their collections and sections,
// and each collection's articles (made by the articles seed as the collection is).
import type { Rng } from "../../rng.js";
import { DAY, SEED_BASE_TIME } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import { seededArticle } from "../articles/seed.js";
import { DEFAULT_LOCALE, urlSlug } from "./content.js";
import type { CollectionRecord, GroupTranslatedContent, HelpCenterRecord } from "./records.js";

interface CollectionDef {
  key: string;
  name: string;
  description: string;
  icon: string;
  parent?: string;
  fr?: string;
  de?: string;
  articles: Array<{ title: string; fr?: string; de?: string }>;
}

/** Help center 1 is multilingual (en, fr, de); help center 2 is English only. */
const HELP_CENTER_DEFS = [
  {
    identifier: "northwind",
    display_name: "Northwind Help Center",
    url: "https://help.northwind.example",
    custom_domain: "help.northwind.example",
    website_turned_on: true,
    multilingual: true,
    collections: [
      {
        key: "start", name: "Getting Started", description: "Everything you need for your first week with Northwind.", icon: "rocket",
        fr: "Premiers pas", de: "Erste Schritte",
        articles: [
          { title: "Create your Northwind account", fr: "Créer votre compte Northwind", de: "Ihr Northwind-Konto erstellen" },
          { title: "Invite your teammates", fr: "Inviter vos coéquipiers", de: "Teammitglieder einladen" },
          { title: "A tour of the dashboard" },
          { title: "Import your existing data" },
        ],
      },
      {
        key: "account", parent: "start", name: "Account setup", description: "Profile, workspace and notification settings.", icon: "user",
        fr: "Configuration du compte", de: "Kontoeinrichtung",
        articles: [
          { title: "Change your password", fr: "Changer votre mot de passe", de: "Passwort ändern" },
          { title: "Set up two-factor authentication", fr: "Activer l'authentification à deux facteurs" },
          { title: "Manage email notifications" },
          { title: "Rename your workspace" },
        ],
      },
      {
        key: "billing", name: "Billing & Plans", description: "Plans, payment methods, invoices and refunds.", icon: "credit-card",
        fr: "Facturation et forfaits", de: "Abrechnung und Tarife",
        articles: [
          { title: "Compare Northwind plans", fr: "Comparer les forfaits Northwind" },
          { title: "Update your payment method", fr: "Mettre à jour votre moyen de paiement", de: "Zahlungsmethode aktualisieren" },
          { title: "Upgrade or downgrade your plan" },
          { title: "Request a refund" },
          { title: "Cancel your subscription" },
          { title: "Pay by bank transfer" },
        ],
      },
      {
        key: "invoices", parent: "billing", name: "Invoices", description: "Download and understand your invoices.", icon: "receipt",
        fr: "Factures", de: "Rechnungen",
        articles: [
          { title: "Download past invoices", fr: "Télécharger les anciennes factures" },
          { title: "Add a VAT number to invoices" },
          { title: "Why was I charged twice?" },
        ],
      },
      {
        key: "reports", name: "Reports & Dashboards", description: "Build, share and export reports.", icon: "bar-chart",
        fr: "Rapports et tableaux de bord",
        articles: [
          { title: "Build your first report" },
          { title: "Share a dashboard with your team" },
          { title: "Export reports to CSV" },
          { title: "Schedule weekly report emails" },
          { title: "Filter a report by date range" },
          { title: "Why does my report show no data?" },
        ],
      },
      {
        key: "integrations", name: "Integrations", description: "Connect Northwind to the tools you already use.", icon: "plug",
        articles: [
          { title: "Connect Salesforce" },
          { title: "Sync contacts with HubSpot" },
          { title: "Use Northwind with Zapier" },
        ],
      },
      {
        key: "slack", parent: "integrations", name: "Slack", description: "Alerts and reports in your Slack channels.", icon: "chat",
        articles: [
          { title: "Install the Slack app" },
          { title: "Send report alerts to a Slack channel" },
          { title: "Troubleshoot Slack notifications" },
        ],
      },
      {
        key: "troubleshooting", name: "Troubleshooting", description: "Fixes for the most common problems.", icon: "wrench",
        fr: "Dépannage", de: "Fehlerbehebung",
        articles: [
          { title: "The mobile app crashes on launch" },
          { title: "I can't log in", fr: "Je n'arrive pas à me connecter", de: "Ich kann mich nicht anmelden" },
          { title: "Pages load slowly" },
          { title: "Clear your browser cache" },
          { title: "Emails from Northwind go to spam" },
          { title: "Fix sync errors with your CRM" },
        ],
      },
      {
        key: "security", name: "Security & Privacy", description: "How we keep your data safe.", icon: "shield",
        fr: "Sécurité et confidentialité",
        articles: [
          { title: "Our security practices" },
          { title: "Export or delete your personal data" },
          { title: "Single sign-on with SAML" },
          { title: "Audit log of teammate activity" },
        ],
      },
    ] as CollectionDef[],
  },
  {
    identifier: "northwind-developers",
    display_name: "Northwind Developer Docs",
    url: "https://intercom.help/northwind-developers",
    custom_domain: null,
    website_turned_on: false,
    multilingual: false,
    collections: [
      {
        key: "api", name: "API Reference", description: "The Northwind REST API.", icon: "code",
        articles: [
          { title: "API overview" },
          { title: "Pagination" },
          { title: "Rate limits" },
          { title: "Errors and status codes" },
          { title: "Versioning and changelog" },
          { title: "Idempotent requests" },
        ],
      },
      {
        key: "auth", parent: "api", name: "Authentication", description: "Tokens, OAuth and scopes.", icon: "key",
        articles: [
          { title: "Create an API token" },
          { title: "OAuth for public apps" },
          { title: "Rotate a leaked token" },
        ],
      },
      {
        key: "webhooks", name: "Webhooks", description: "Get notified when something changes.", icon: "bell",
        articles: [
          { title: "Subscribe to webhooks" },
          { title: "Verify webhook signatures" },
          { title: "Retry behaviour of webhooks" },
          { title: "Webhook event types" },
        ],
      },
      {
        key: "sdks", name: "SDKs", description: "Official client libraries.", icon: "box",
        articles: [
          { title: "JavaScript SDK" },
          { title: "Python SDK" },
          { title: "Ruby SDK" },
          { title: "Go SDK" },
        ],
      },
    ] as CollectionDef[],
  },
];

export function seedHelpCenters(ws: Workspace, rng: Rng): void {
  HELP_CENTER_DEFS.forEach((def, h) => {
    const created = SEED_BASE_TIME - (800 - h * 300) * DAY;
    const hc: HelpCenterRecord = {
      id: String(2400001 + h),
      workspace_id: ws.app.id_code,
      created_at: created,
      updated_at: created + rng.int(10, 200) * DAY,
      identifier: def.identifier,
      website_turned_on: def.website_turned_on,
      display_name: def.display_name,
      url: def.url,
      custom_domain: def.custom_domain,
    };
    ws.helpCenters.push(hc);
    const byKey = new Map<string, CollectionRecord>();
    def.collections.forEach((c) => {
      const parent = c.parent ? byKey.get(c.parent)! : null;
      const id = String(ws.helpCenterNextIds.collection++);
      const createdAt = hc.created_at + rng.int(1, 200) * DAY;
      const siblings = ws.collections.filter((x) => x.help_center_id === Number(hc.id) && x.parent_id === (parent?.id ?? null));
      let translated: GroupTranslatedContent | null = null;
      if (def.multilingual) {
        translated = { type: "group_translated_content" };
        translated[DEFAULT_LOCALE] = { type: "group_content", name: c.name, description: c.description };
        if (c.fr) translated.fr = { type: "group_content", name: c.fr, description: "" };
        if (c.de) translated.de = { type: "group_content", name: c.de, description: "" };
      }
      const record: CollectionRecord = {
        id,
        workspace_id: ws.app.id_code,
        name: c.name,
        description: c.description,
        created_at: createdAt,
        updated_at: Math.min(SEED_BASE_TIME - 1, createdAt + rng.int(0, 300) * DAY),
        url: `${hc.url}/${DEFAULT_LOCALE}/collections/${id}-${urlSlug(c.name)}`,
        icon: c.icon,
        order: siblings.length + 1,
        default_locale: DEFAULT_LOCALE,
        translated_content: translated,
        parent_id: parent?.id ?? null,
        help_center_id: Number(hc.id),
      };
      byKey.set(c.key, record);
      ws.collections.push(record);
      for (const a of c.articles) {
        const translations: Record<string, string> = {};
        if (def.multilingual && a.fr) translations.fr = a.fr;
        if (def.multilingual && a.de) translations.de = a.de;
        ws.articles.push(seededArticle(ws, rng, a.title, [record], translations));
      }
    });
  });
}
