// Help centers and their collections (a section is a collection with a parent).

/** `help_center` schema. */
export interface HelpCenterRecord {
  id: string; // numeric string; collections refer to it as an integer
  workspace_id: string;
  created_at: number;
  updated_at: number;
  identifier: string;
  website_turned_on: boolean;
  display_name: string;
  url: string;
  custom_domain: string | null;
}

/** `group_content`: a collection's name and description in one locale. */
export interface GroupContent {
  type: "group_content";
  name: string;
  description: string;
}

/** `group_translated_content`: `type` plus one entry per locale. */
export type GroupTranslatedContent = { type: "group_translated_content" } & { [locale: string]: GroupContent | string };

/** `collection` schema. A section is a collection with a parent_id. */
export interface CollectionRecord {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  created_at: number;
  updated_at: number;
  url: string | null;
  icon: string | null;
  order: number;
  default_locale: string;
  translated_content: GroupTranslatedContent | null;
  parent_id: string | null;
  help_center_id: number | null;
}

/** The workspace collections this group owns. */
export interface HelpCenterState {
  helpCenters: HelpCenterRecord[];
  collections: CollectionRecord[];
  /** Next ids handed to created collections and articles (never reused after a delete). */
  helpCenterNextIds: { collection: number; article: number };
}
