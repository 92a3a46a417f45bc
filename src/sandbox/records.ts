// Record types every group uses. The records of the sandbox are REST-shaped (snake_case):
// each group's records.ts follows the component schemas of the Intercom 2.11 document, so the
// objects held in the workspace are what the HTTP API serialises (minus a few view-only
// transformations, e.g. conversation_parts are stripped from list items).

/** Unix seconds. */
export type UnixSeconds = number;

export interface Reference {
  type: string;
  id: string | null;
}

export interface Avatar {
  type?: "avatar";
  image_url: string | null;
}

export type CustomAttributes = Record<string, string | number | boolean | null>;

/** The workspace's app, as GET /me answers it. */
export interface App {
  type: "app";
  id_code: string;
  name: string;
  region: string;
  timezone: string;
  created_at: UnixSeconds;
  identity_verification: boolean;
}
