// What every seed shares: the fixed base time and units, and the text helpers seeds build
// names, addresses and bodies with. Seeds never use Math.random or Date.now.

/** 2026-10-01T00:00:00Z: every seeded timestamp lies before it. */
export const SEED_BASE_TIME = Date.UTC(2026, 9, 1) / 1000;
export const DAY = 86_400;
export const HOUR = 3_600;
export const MINUTE = 60;

export const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text as one HTML paragraph, as Intercom stores bodies. */
export const paragraph = (text: string): string => `<p>${escapeHtml(text)}</p>`;

/** Lower-case letters and digits only ("Sofia Martínez" → "sofiamartinez"), for emails and domains. */
export const slug = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
