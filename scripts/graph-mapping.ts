// The one hand-written table between the Intercom OpenAPI document and the graph: GraphQL names
// per REST schema, renames, enums, links, type and nullability overrides (each with its reason),
// and what the graph leaves out (each with its reason). `npm run generate` reads it with the
// document and writes src/generated/; the coverage test checks both directions against it.
// Descriptions come from the document unless a field gives its own (where the document's is
// missing, wrong, or speaks REST where the graph speaks GraphQL).
import type { GraphMapping } from "./generator/mapping-types.js";

// Reasons shared by several overrides.
const UTM = "Intercom's contact model carries the UTM parameters a contact arrived with and its referrer; the 2.11 document leaves them out.";
const UNSET = "The document requires it, but Intercom sends null, \"\" or 0 for what a company never set.";
const EXAMPLES_OMIT = "The document requires it, but its own examples (and Intercom) leave it out (known defect 6).";

export const GRAPH_MAPPING: GraphMapping = {
  patches: {
    custom_attributes: {
      why: "Referenced four times but never defined (known defect 1): a free-form object whose values are strings, numbers, booleans or null.",
      schema: {
        type: "object",
        description: "Custom attributes: a free-form object whose values are strings, numbers, booleans or null.",
        additionalProperties: { nullable: true, oneOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }] },
      },
    },
    "contact.utm_campaign": {
      why: "Intercom's contact model carries the UTM parameters a contact arrived with and its referrer; the 2.11 document leaves them out.",
      schema: { type: "string", nullable: true, description: "The UTM campaign the contact arrived with." },
    },
    "contact.utm_content": { why: UTM, schema: { type: "string", nullable: true, description: "The UTM content the contact arrived with." } },
    "contact.utm_medium": { why: UTM, schema: { type: "string", nullable: true, description: "The UTM medium the contact arrived with." } },
    "contact.utm_source": { why: UTM, schema: { type: "string", nullable: true, description: "The UTM source the contact arrived with." } },
    "contact.utm_term": { why: UTM, schema: { type: "string", nullable: true, description: "The UTM term the contact arrived with." } },
    "contact.referrer": { why: UTM, schema: { type: "string", nullable: true, description: "The page the contact was referred from." } },
    "contact_location.country_code": {
      why: "Intercom's contact location carries the country and continent codes beside the names; the 2.11 document leaves them out.",
      schema: { type: "string", nullable: true, description: "The ISO 3166-1 alpha-3 code of the country (e.g. `IRL`)." },
    },
    "contact_location.continent_code": {
      why: "Intercom's contact location carries the country and continent codes beside the names; the 2.11 document leaves them out.",
      schema: { type: "string", nullable: true, description: "The code of the continent (e.g. `EU`)." },
    },
  },
  interfaces: { Author: "src/schema/author.ts" },
  notIds: ["external_id", "company_id"],
  omissions: {
    "Tag.url": "The API url of a contact's embedded tag reference (/tags/{id}); Contact.tags resolves the tag itself.",
    "Note.url": "The API url of a contact's embedded note reference (/notes/{id}); Contact.notes resolves the note itself.",
    "Company.url": "The API url of a contact's embedded company reference; Contact.companies resolves the Company itself.",
    "ArticleSearchResult.data": "Flattened: the `articles` and `highlights` inside `data` are fields of ArticleSearchResult itself (each a connection).",
    "ArticleSearchResult.pages": "Article search answers in one response with no page parameters; each connection's pageInfo describes it.",
    "Admin.ip": "activity_log.performed_by.ip is exposed as ActivityLog.performedByIp; performedBy links to the whole Admin.",
    "Conversation.topics": "Required by the document but never defined in it (no schema); Intercom sends {}.",
  },
  splitOperations: {
    "POST /conversations/{conversation_id}/parts": {
      fields: ["closeConversation", "openConversation", "snoozeConversation", "assignConversation"],
      reason: "Manage a conversation is four actions (close, open, snooze, assign) with different required fields; one mutation each keeps every input typed and non-null where Intercom requires it.",
    },
  },
  graphOnlyTypes: {},
  restOnly: {
    admins: ["admin_list", "activity_log_list"],
    teams: ["team_list"],
    tags: ["tag_list"],
    segments: ["segment_list"],
    notes: ["note_list"],
    contacts: ["contact_list", "contact_segments", "contact_attached_companies", "contact_reference"],
    companies: ["company_list", "company_scroll", "company_attached_contacts", "company_attached_segments"],
  },

  types: {
    // ---------------------------------------------------------------- admins
    Admin: {
      group: "admins",
      schema: "admin",
      implements: ["Author"],
      fields: {
        job_title: { nullable: true, why: EXAMPLES_OMIT },
        team_ids: { description: "The ids of the teams this admin is part of", link: "teams" },
      },
    },
    AdminAvatar: {
      group: "admins",
      schema: ["admin.avatar", "admin_with_app.avatar"],
      description: "The avatar of an admin.",
    },
    TeamPriorityLevel: { group: "admins", schema: "team_priority_level" },
    App: { group: "admins", schema: "app", fields: { id_code: { type: "ID" } } },
    CurrentAdmin: {
      group: "admins",
      schema: "admin_with_app",
      extends: "Admin",
      description: "The admin whose token the gateway uses, with the workspace (app) it belongs to.",
    },
    ActivityLog: {
      group: "admins",
      schema: "activity_log",
      fields: {
        performed_by: [
          {
            name: "performedById",
            pick: "id",
            nullable: false,
            why: "performed_by is required; its id is what the link follows, and every admin reference has one.",
            description: "The id of the admin who performed the activity",
            link: "performedBy",
          },
          { name: "performedByEmail", pick: "email", description: "The email of the admin who performed the activity." },
          { name: "performedByIp", pick: "ip", description: "The IP address of the admin who performed the activity." },
        ],
        activity_type: { description: "The type of the activity." },
      },
    },
    ActivityLogMetadata: {
      group: "admins",
      schema: "activity_log_metadata",
      fields: { update_by: { type: "ID", link: "updateByAdmin" } },
      graphOnly: { raw: "The whole metadata object as Intercom sent it: Intercom sends keys the document does not describe." },
    },

    // ---------------------------------------------------------------- teams
    Team: {
      group: "teams",
      schema: "team",
      implements: ["Author"],
      fields: { admin_ids: { description: "The ids of the admins that are part of the team", link: "admins" } },
      graphOnly: { email: "The Author interface's email: teams have none, always null." },
    },
    AdminPriorityLevel: { group: "teams", schema: "admin_priority_level" },

    // ---------------------------------------------------------------- tags
    Tag: {
      group: "tags",
      schema: ["tag", "tag_basic"],
      fields: {
        name: { nullable: false, why: "tag_basic (a company's tags) marks nothing required; every tag has a name." }, applied_by: { name: "appliedById", pick: "id", description: "The id of the admin who applied the tag", link: "appliedBy" } },
    },

    // ---------------------------------------------------------------- segments
    Segment: {
      group: "segments",
      schema: "segment",
      fields: {
        count: { description: "The number of items in the user segment. Only filled when the segments were listed with `includeCount: true`." },
      },
    },

    // ---------------------------------------------------------------- notes
    Note: {
      group: "notes",
      schema: "note",
      fields: {
        contact: { name: "contactId", pick: "id", description: "The id of the contact the note was created about", link: "contact" },
        author: {
          name: "authorId",
          pick: "id",
          nullable: true,
          why: "The document's own description says \"Optional. Represents the Admin that created the note.\", though its schema requires it.",
          description: "The id of the admin that created the note",
          link: "author",
        },
        body: { description: "The body text of the note (HTML)." },
      },
    },

    // ---------------------------------------------------------------- contacts
    Contact: {
      group: "contacts",
      schema: "contact",
      implements: ["Author"],
      description: "Contacts are the objects that represent your leads and users in Intercom.",
      fields: {
        role: { type: "ContactRole" },
        email: { emptyIsNull: "Intercom answers \"\" for a contact without email (leads)." },
        email_domain: { emptyIsNull: "Intercom answers \"\" for a contact without email (leads)." },
        phone: { description: "The contact's phone." },
        formatted_phone: { description: "The contact's phone number normalized to the E164 format." },
        name: { description: "The contact's name." },
        owner_id: { description: "The id of the admin that has been assigned account ownership of the contact", link: "owner" },
        tags: {
          name: "tagIds",
          pick: "data[].id",
          description: "The ids of the tags attached to the contact (up to 10, as Intercom embeds them; see `tags`).",
        },
        notes: {
          name: "noteIds",
          pick: "data[].id",
          description: "The ids of the notes about the contact (up to 10, as Intercom embeds them; see `notes`).",
        },
        companies: {
          name: "companyIds",
          pick: "data[].id",
          description: "The ids of the companies the contact belongs to (up to 10, as Intercom embeds them; see `companies`).",
        },
        avatar: { description: "The avatar of the contact." },
        location: {
          nullable: true,
          why: "The document requires it, but a contact Intercom has no location for comes without one.",
          description: "The location of the contact.",
        },
        social_profiles: { pick: "data", description: "The social profiles of the contact." },
      },
      graphOnly: {
        tags: "Link: the contact's tags (the embedded `tags` list names at most 10; see tagIds).",
        notes: "Link: the contact's notes, paged (the embedded `notes` list names at most 10; see noteIds).",
        companies: "Link: the contact's companies, paged (the embedded `companies` list names at most 10; see companyIds).",
        conversations: "Link: the contact's conversations, through conversations search by contact_ids.",
        segments: "Link: the segments the contact is in (GET /contacts/{id}/segments).",
        subscriptionTypes: "Link: the subscription types the contact opted in to or out of (GET /contacts/{id}/subscriptions).",
      },
    },
    ContactAvatar: {
      group: "contacts",
      schema: "contact.avatar",
      description: "The avatar of a contact.",
      fields: { image_url: { description: "An image URL containing the avatar of a contact." } },
    },
    ContactLocation: {
      group: "contacts",
      schema: "contact_location",
      fields: {
        country: { description: "The country that the contact is located in." },
      },
    },
    SocialProfile: {
      group: "contacts",
      schema: "social_profile",
      description: "A social profile of a contact.",
      fields: {
        name: { description: "The name of the social network." },
        url: { description: "The user's homepage on the social network." },
      },
    },
    DeletedContact: {
      group: "contacts",
      schema: "contact_deleted",
      description: "A deleted contact: later reads of its id answer NOT_FOUND.",
    },
    ArchivedContact: {
      group: "contacts",
      schema: "contact_archived",
      description: "An archived contact: hidden from reads, lists and search until it is unarchived.",
    },
    UnarchivedContact: {
      group: "contacts",
      schema: "contact_unarchived",
      description: "An unarchived contact (see `contact` for the whole object).",
      graphOnly: { contact: "Link: the whole contact, read by id." },
    },

    // ---------------------------------------------------------------- companies
    Company: {
      group: "companies",
      schema: "company",
      description: "Companies allow you to represent organizations using your product. Each company will have its own description and be associated with contacts.",
      before: { companyId: "plan" },
      fields: {
        name: { nullable: true, why: UNSET, emptyIsNull: UNSET },
        app_id: { type: "String" },
        company_id: { description: "The company id you have defined for the company (not Intercom's `id`)." },
        plan: { description: "The plan the company is on." },
        remote_created_at: { nullable: true, why: UNSET, emptyIsNull: UNSET },
        last_request_at: { nullable: true, why: UNSET, emptyIsNull: UNSET },
        size: { nullable: true, why: UNSET },
        website: { nullable: true, why: UNSET, emptyIsNull: UNSET },
        industry: { nullable: true, why: UNSET, emptyIsNull: UNSET },
        session_count: { default: "0" },
        user_count: { default: "0" },
        tags: { pick: "tags", description: "The tags associated with the company (embedded in the company: no extra call)." },
        segments: {
          name: "segmentIds",
          pick: "segments[].id",
          description: "The ids of the segments embedded in the company object (see `segments` for the list from `GET /companies/{id}/segments`).",
        },
      },
      graphOnly: {
        contacts: "Link: the company's contacts, paged (GET /companies/{id}/contacts).",
        segments: "Link: the company's segments (GET /companies/{id}/segments).",
      },
    },
    CompanyPlan: {
      group: "companies",
      schema: "company.plan",
      description: "The plan a company is on.",
      fields: {
        name: { nullable: false, default: '""', why: "A plan has a name; the document marks nothing of it required." },
      },
    },
    DeletedCompany: {
      group: "companies",
      schema: "deleted_company_object",
      description: "The answer to deleting a company: Intercom archives it and detaches its contacts.",
      fields: { object: { description: "The type of object which was deleted: `company`." } },
    },
  },

  enums: {
    ContactRole: {
      group: "contacts",
      schema: ["contact.role"],
      description: "Whether a contact is a user or a lead.",
      why: "The document types role as a plain string; its descriptions name the two roles, user and lead.",
      values: {
        user: "A user: a contact with a login to your product, usually with an external id.",
        lead: "A lead: a contact who is not (yet) a user, e.g. someone who chatted from your website.",
      },
    },
    ActivityType: {
      group: "admins",
      schema: ["activity_log.activity_type"],
      description: "What an admin did, as Intercom's activity log names it.",
      values: {
        admin_assignment_limit_change: "A teammate's limit of assigned conversations was changed.",
        admin_avatar_change: "A teammate's avatar was changed.",
        admin_away_mode_change: "A teammate went away or came back (see the metadata's away fields).",
        admin_deletion: "A teammate was removed from the workspace.",
        admin_deprovisioned: "A teammate was deprovisioned by the identity provider (SCIM).",
        admin_impersonation_end: "An impersonation of a teammate ended.",
        admin_impersonation_start: "Someone started impersonating a teammate.",
        admin_invite_change: "A pending teammate invitation was changed.",
        admin_invite_creation: "Someone was invited to join the workspace as a teammate.",
        admin_invite_deletion: "A pending teammate invitation was withdrawn.",
        admin_login_failure: "A teammate failed to sign in.",
        admin_login_success: "A teammate signed in (see the metadata's `signInMethod`).",
        admin_logout: "A teammate signed out.",
        admin_password_reset_request: "A teammate asked to reset their password.",
        admin_password_reset_success: "A teammate reset their password.",
        admin_permission_change: "A teammate's permissions were changed.",
        admin_provisioned: "A teammate was provisioned by the identity provider (SCIM).",
        admin_two_factor_auth_change: "A teammate turned two-factor authentication on or off.",
        admin_unauthorized_sign_in_method: "A teammate tried to sign in with a method the workspace does not allow.",
        app_admin_join: "A teammate joined the workspace.",
        app_authentication_method_change: "The sign-in methods allowed for the workspace were changed.",
        app_data_deletion: "Workspace data was deleted.",
        app_data_export: "Workspace data was exported.",
        app_google_sso_domain_change: "The domains allowed for Google sign-in were changed.",
        app_identity_verification_change: "Identity verification was turned on or off, or its settings changed.",
        app_name_change: "The workspace was renamed.",
        app_outbound_address_change: "The email address outbound messages are sent from was changed.",
        app_package_installation: "An app from the App Store was installed.",
        app_package_token_regeneration: "The access token of an installed app was regenerated.",
        app_package_uninstallation: "An installed app was uninstalled.",
        app_team_creation: "A team was created.",
        app_team_deletion: "A team was deleted.",
        app_team_membership_modification: "Teammates were added to or removed from a team.",
        app_timezone_change: "The workspace's timezone was changed.",
        app_webhook_creation: "A webhook was created.",
        app_webhook_deletion: "A webhook was deleted.",
        articles_in_messenger_enabled_change: "Showing Help Center articles in the Messenger was turned on or off.",
        bulk_delete: "Many records (e.g. contacts) were deleted at once.",
        bulk_export: "Many records (e.g. contacts) were exported at once.",
        campaign_deletion: "An outbound message or campaign was deleted.",
        campaign_state_change: "An outbound message or campaign was set live or paused.",
        conversation_part_deletion: "A part of a conversation was deleted.",
        conversation_pdf_export: "A conversation was exported as a PDF.",
        conversation_topic_change: "A conversation topic was changed.",
        conversation_topic_creation: "A conversation topic was created.",
        conversation_topic_deletion: "A conversation topic was deleted.",
        help_center_settings_change: "The Help Center's settings were changed.",
        inbound_conversations_change: "Whether contacts can start conversations was changed.",
        inbox_access_change: "A teammate's access to the Inbox was changed.",
        message_deletion: "A message was deleted.",
        message_state_change: "A message was set live or paused.",
        messenger_look_and_feel_change: "The Messenger's appearance was changed.",
        messenger_search_required_change: "Whether contacts must search the Help Center before starting a conversation was changed.",
        messenger_spaces_change: "The spaces (Home, Messages, Help, News, …) shown in the Messenger were changed.",
        office_hours_change: "The workspace's office hours were changed.",
        role_change: "A teammate role was changed.",
        role_creation: "A teammate role was created.",
        role_deletion: "A teammate role was deleted.",
        ruleset_activation_title_preview: "A rule set (the rules behind a message or workflow) was activated, logged with a preview of its title.",
        ruleset_creation: "A rule set (the rules behind a message or workflow) was created.",
        ruleset_deletion: "A rule set (the rules behind a message or workflow) was deleted.",
        search_browse_enabled_change: "Searching and browsing the Help Center in the Messenger was turned on or off.",
        search_browse_required_change: "Whether contacts must search or browse the Help Center before starting a conversation was changed.",
        seat_change: "A teammate's seat (e.g. an Inbox seat) was changed.",
        seat_revoke: "A teammate's seat was revoked.",
        security_settings_change: "The workspace's security settings were changed.",
        temporary_expectation_change: "The temporary reply-time expectation shown to contacts was changed.",
        upfront_email_collection_change: "Whether the Messenger asks for an email before a conversation starts was changed.",
        welcome_message_change: "The Messenger's welcome message was changed.",
      },
    },
    SegmentPersonType: {
      group: "segments",
      schema: ["segment.person_type"],
      description: "Type of the contact: contact (lead) or user.",
      values: {
        contact: "The segment holds leads (Intercom calls them contacts here).",
        user: "The segment holds users.",
      },
    },
  },
};
