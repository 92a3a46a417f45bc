// Help centers and their collections (a section is a collection with a parent).
import type { RestCollection, RestGroupContent, RestGroupTranslatedContent, RestHelpCenter } from "../../../generated/rest/help-center.js";
import type { Sent } from "../../records.js";

/** `help_center`. Its id is a numeric string; collections refer to it as an integer. */
export type HelpCenterRecord = Sent<RestHelpCenter, "updated_at" | "url" | "custom_domain">;

/** `group_content`: a collection's name and description in one locale. */
export type GroupContent = RestGroupContent;

/** `group_translated_content`, kept as a map from any locale code, as articles' content is. */
export type GroupTranslatedContent = Pick<RestGroupTranslatedContent, "type"> & { [locale: string]: GroupContent | string };

/** `collection`, every property there. A section is a collection with a parent_id. */
export type CollectionRecord = Omit<Sent<RestCollection, "description" | "updated_at" | "url" | "icon" | "parent_id" | "help_center_id">, "translated_content"> & {
  translated_content: GroupTranslatedContent | null;
};

/** The workspace collections this group owns. */
export interface HelpCenterState {
  helpCenters: HelpCenterRecord[];
  collections: CollectionRecord[];
  /** Next ids handed to created collections and articles (never reused after a delete). */
  helpCenterNextIds: { collection: number; article: number };
}
