// Visitors: anonymous people on the website.
import type { Company } from "../companies/records.js";
import type { Tag } from "../tags/records.js";

/**
 * `visitor` schema, with its properties as the schema spells them: `las_request_at` (the
 * document's own visitor examples say `last_request_at`; the gateway reads either).
 */
export interface VisitorRecord {
  type: "visitor";
  id: string;
  user_id: string;
  anonymous: boolean;
  email: string;
  phone: string | null;
  name: string | null;
  pseudonym: string | null;
  avatar: { type: "avatar"; image_url: string | null };
  app_id: string;
  companies: { type: "company.list"; companies: Company[] };
  location_data: {
    type: "location_data";
    city_name?: string;
    continent_code?: string;
    country_code?: string;
    country_name?: string;
    postal_code?: string;
    region_name?: string;
    timezone?: string;
  };
  /** Absent when the visitor made no request yet (the schema does not allow null). */
  las_request_at?: number;
  created_at: number;
  remote_created_at: number;
  signed_up_at: number;
  updated_at: number;
  session_count: number;
  social_profiles: { type: "social_profile.list"; social_profiles: string[] };
  owner_id: string | null;
  unsubscribed_from_emails: boolean;
  marked_email_as_spam: boolean;
  has_hard_bounced: boolean;
  tags: { type: "tag.list"; tags: Tag[] };
  segments: { type: "segment.list"; segments: string[] };
  custom_attributes: Record<string, string | number | boolean | null>;
  referrer: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_medium: string | null;
  utm_source: string | null;
  utm_term: string | null;
  do_not_track: boolean | null;
}

/** The workspace collections this group owns. */
export interface VisitorsState {
  visitors: VisitorRecord[];
}
