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
const TEAMMATES_NULL = "The document's own conversation examples send `teammates: null` (known defect 6); a conversation no teammate wrote in has none.";
const PUBLISHED =
  "Nullable as the graph published it before it was generated: the document requires it, but a non-null field would break clients that handle null, and the document's examples do not show it always there.";
const BODY = "The message body, which may contain HTML.";
const PART_AUTHOR = "Every part has an author (who wrote it, or who changed the ticket); the document leaves author out of required.";
const LOCALE_MAP = "translated_content is a map keyed by locale; the graph lists its entries, each with its locale (read by hand).";
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
    "conversation.teammates": { why: TEAMMATES_NULL, amend: { nullable: true } },
    "conversation_list_item.teammates": { why: TEAMMATES_NULL, amend: { nullable: true } },
    "ticket.tags": {
      why: "Intercom sends a ticket's tags the way it sends a conversation's; the 2.11 schema leaves them out.",
      schema: { $ref: "#/components/schemas/tags" },
    },
    "ticket_type.is_internal": {
      why: "Intercom sends whether a ticket type is internal (it takes is_internal on create and update); the 2.11 schema of the answer leaves it out.",
      schema: { type: "boolean", nullable: true, description: "Whether its tickets are for internal use only (sent by Intercom, though not in the 2.11 schema)." },
    },
    "data_attribute.model": {
      why: "Intercom lists conversation attributes too (GET /data_attributes takes model=conversation); the answer's schema names only contact and company.",
      amend: { enum: ["contact", "company", "conversation"] },
    },
    "phone_switch.url": {
      why: "Intercom answers a phone switch with the Messenger link it sent in the SMS; the 2.11 schema leaves it out.",
      schema: { type: "string", nullable: true, description: "The Messenger link sent in the SMS (Intercom sends it beside the schema's fields)." },
    },
    "message.owner": {
      why: "Intercom may name the admin who sent an admin message (owner); the 2.11 message schema has no owner.",
      schema: {
        type: "object",
        nullable: true,
        description: "The admin who sent an admin message.",
        properties: { type: { type: "string", description: "`admin`." }, id: { type: "string", description: "The id of the admin." } },
      },
    },
    "visitor.last_request_at": {
      why: "Intercom sends last_request_at; the 2.11 schema misspells it las_request_at (read as a fallback).",
      schema: { type: "integer", nullable: true, description: "The time the visitor last recorded making a request." },
    },
  },
  interfaces: { Author: "src/schema/author.ts" },
  handWritten: {
    authorRef: "src/datasources/reducers.ts",
    finishActivityLogMetadata: "src/datasources/admins.ts",
    finishCompany: "src/datasources/companies.ts",
    finishTicketType: "src/datasources/ticket-types.ts",
    finishArticle: "src/datasources/articles.ts",
    finishCollection: "src/datasources/help-center.ts",
    finishDataExport: "src/datasources/data-export.ts",
    finishVisitor: "src/datasources/visitors.ts",
    finishDataEventSummaryItem: "src/datasources/data-events.ts",
  },
  notIds: ["external_id", "company_id", "ticket_id"],
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
    conversations: ["paginated_conversation_response"],
    tickets: ["ticket_list"],
    articles: ["article_list"],
    "help-center": ["collection_list", "help_center_list"],
    "ticket-types": ["ticket_type_list"],
    "data-attributes": ["data_attribute_list"],
    "subscription-types": ["subscription_type_list"],
    news: ["paginated_news_item_response", "paginated_newsfeed_response"],
    "data-events": ["data_event_list"],
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
      finish: "finishActivityLogMetadata",
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
      finish: "finishCompany",
      fields: {
        name: { nullable: true, why: UNSET, emptyIsNull: UNSET },
        app_id: { type: "String" },
        company_id: { description: "The company id you have defined for the company (not Intercom's `id`)." },
        plan: { emptyIsNull: "Intercom sends `plan: {}` for a company without a plan.", description: "The plan the company is on." },
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

    // ---------------------------------------------------------------- conversations
    Conversation: {
      group: "conversations",
      schema: ["conversation", "conversation_list_item"],
      description:
        "Conversations are how you can communicate with users in Intercom. Links (`adminAssignee`, `teamAssignee`, `contacts`, `teammates`, authors) resolve to the real objects; the raw ids stay beside them.",
      fields: {
        waiting_since: { description: "The time a customer started waiting for a response; null if the last reply is from an admin." },
        snoozed_until: { description: "When a snoozed conversation will reopen." },
        open: { description: "Whether the conversation is open (true) or closed (false)." },
        state: { description: "Whether the conversation is open, closed or snoozed." },
        read: { description: "Whether the conversation has been read." },
        priority: { description: "Whether the conversation is marked as a priority." },
        admin_assignee_id: { description: "The id of the admin assigned", link: "adminAssignee" },
        team_assignee_id: { description: "The id of the team assigned", link: "teamAssignee" },
        tags: { pick: "tags", description: "The tags applied to the conversation." },
        conversation_rating: { description: "The rating the contact gave the conversation; null if it was not rated." },
        source: { description: "The message that started the conversation: its channel, author, subject and body." },
        contacts: { name: "contactIds", pick: "contacts[].id", description: "The ids of the contacts involved", link: "contacts" },
        teammates: { name: "teammateIds", pick: "teammates[].id", description: "The ids of the teammates who wrote at least one part", link: "teammates" },
        custom_attributes: { description: "Custom attributes of the conversation." },
        first_contact_reply: {
          description: "The contact's first message in the conversation (for a conversation a contact started, its original message).",
        },
        sla_applied: { description: "The SLA applied to the conversation, if any." },
        statistics: { description: "Reporting statistics: response times, assignment and close times, counts." },
        conversation_parts: {
          name: "partList",
          hidden: "Only a conversation read by id has its parts; the `conversationParts` link reads them, or fetches the conversation when listed or searched ones lack them.",
        },
        linked_objects: { description: "The conversations and tickets linked to this conversation." },
        ai_agent_participated: { description: "Whether the AI Agent participated in the conversation." },
        ai_agent: { description: "How the AI Agent took part in the conversation; null if it did not." },
      },
      graphOnly: {
        conversationParts: "Link: the conversation's parts (from the conversation read by id when a listed one lacks them).",
        ticket: "Link: the ticket this conversation is linked to (its first linked ticket), through one ticket search per request.",
      },
    },
    ConversationPartList: {
      group: "conversations",
      schema: "conversation_parts",
      description: "The parts of a conversation (at most 500, as Intercom returns them).",
      before: { totalCount: "nodes" },
      fields: {
        conversation_parts: { name: "nodes", description: "The parts, oldest first." },
        total_count: { description: "The total number of parts in the conversation." },
      },
    },
    ConversationPart: {
      group: "conversations",
      schema: "conversation_part",
      fields: {
        part_type: { description: "The type of conversation part (comment, note, assignment, close, open, snoozed, …)." },
        body: { description: BODY },
        notified_at: { nullable: true, why: PUBLISHED },
        assigned_to: [
          {
            name: "assignedToType",
            pick: "type",
            description: "The type of what this part assigned the conversation to (`admin`, `team`, `nobody_admin`), if it changed the assignment.",
          },
          { name: "assignedToId", pick: "id", description: "The id of what this part assigned the conversation to", link: "assignedTo" },
        ],
        author: [
          { name: "authorType", pick: "type", description: "The type of the author: admin, user, lead, team, bot, …" },
          { name: "authorId", pick: "id", description: "The id of the author", link: "author" },
          { name: "authorRef", via: "authorRef", hidden: "The author as Intercom names it (type, id, name, email), for the `author` link." },
        ],
        attachments: { description: "A list of attachments for the part." },
        redacted: { default: "false" },
      },
    },
    ConversationSource: {
      group: "conversations",
      schema: "conversation_source",
      description: "The Conversation Part that originated this conversation.",
      fields: {
        type: { description: "The channel the conversation started on." },
        delivered_as: {
          nullable: true,
          why: PUBLISHED,
          description: "The conversation's initiation type: customer_initiated, campaigns_initiated, operator_initiated, automated or admin_initiated.",
        },
        subject: { nullable: true, why: PUBLISHED, description: "The message subject." },
        body: { description: BODY },
        author: [
          { name: "authorType", pick: "type", description: "The type of the author: admin, user, lead, team, bot, …" },
          { name: "authorId", pick: "id", description: "The id of the author", link: "author" },
          { name: "authorRef", via: "authorRef", hidden: "The author as Intercom names it (type, id, name, email), for the `author` link." },
        ],
        attachments: { description: "A list of attachments for the part." },
        url: { description: "The URL where the conversation was started." },
        redacted: { default: "false", description: "Whether or not the source message has been redacted." },
      },
    },
    PartAttachment: {
      group: "conversations",
      schema: "part_attachment",
      fields: {
        type: { description: "The type of attachment." },
        filesize: { nullable: true, why: PUBLISHED },
        width: { nullable: true, why: "Only images have a width and a height." },
        height: { nullable: true, why: "Only images have a width and a height." },
      },
    },
    ConversationRating: {
      group: "conversations",
      schema: "conversation_rating",
      description: "The rating and remark a contact gave the conversation, and the teammate rated.",
      fields: {
        rating: { nullable: true, why: PUBLISHED },
        remark: { nullable: true, why: "The document calls the remark optional, though its schema requires it.", description: "A remark corresponding to the rating." },
        created_at: { nullable: true, why: PUBLISHED },
        contact: { name: "contactId", pick: "id", nullable: true, why: PUBLISHED, description: "The id of the contact who rated", link: "contact" },
        teammate: { name: "teammateId", pick: "id", description: "The id of the teammate rated", link: "teammate" },
      },
    },
    ConversationFirstContactReply: {
      group: "conversations",
      schema: "conversation_first_contact_reply",
      description: "Information on the first user message of the conversation.",
      fields: {
        created_at: { description: "When the contact first wrote in the conversation." },
        type: { description: "The channel of the first contact reply (e.g. conversation, email)." },
        url: { description: "The URL of the page the contact wrote from, for messages sent from a website." },
      },
    },
    SlaApplied: {
      group: "conversations",
      schema: "sla_applied",
      description: "The SLA applied to a conversation.",
      fields: {
        sla_status: {
          nullable: true,
          why: "The document says sla_status is null when an SLA event was cancelled, though its schema requires a value.",
          description: "hit, missed, cancelled or active; null if an SLA event was cancelled.",
        },
      },
    },
    ConversationStatistics: {
      group: "conversations",
      schema: "conversation_statistics",
      description: "Reporting statistics of a conversation: timestamps and durations in seconds.",
      fields: {
        time_to_admin_reply: { description: "Duration until first admin reply. In seconds." },
        time_to_first_close: { description: "Duration until conversation was closed first time. In seconds." },
        time_to_last_close: { description: "Duration until conversation was closed last time. In seconds." },
        median_time_to_reply: { description: "Median based on all admin replies after a contact reply. In seconds." },
        last_closed_by_id: { description: "The last admin who closed the conversation", link: "lastClosedBy" },
      },
    },
    LinkedObjectList: {
      group: "conversations",
      schema: "linked_object_list",
      description: "Linked conversations and tickets (up to 1000).",
      fields: {
        has_more: { description: "Whether there are more linked objects than returned." },
        data: { name: "nodes", description: "The linked conversations and tickets." },
      },
    },
    LinkedObject: {
      group: "conversations",
      schema: "linked_object",
      fields: {
        type: { description: "Whether the linked object is a ticket or a conversation (see `object`)." },
        id: { description: "The id of the linked ticket or conversation (see `object`)." },
        category: { description: "Category of the linked ticket." },
      },
      graphOnly: { object: "Link: the linked Ticket or Conversation." },
    },
    AiAgent: {
      group: "conversations",
      schema: "ai_agent",
      fields: {
        source_type: { description: "The kind of source that brought the AI Agent into the conversation." },
        source_title: { description: "The title of that source; null for ESSENTIALS_PLAN_SETUP." },
        last_answer_type: { description: "The kind of the last answer the AI Agent gave; null if it gave none." },
        resolution_state: { description: "How the AI Agent's involvement ended; null if it gave no AI or custom answer." },
        rating: { description: "The customer satisfaction rating given to the AI Agent, from 1 to 5." },
        rating_remark: { description: "The remark the customer left with that rating." },
        content_sources: { pick: "content_sources", description: "The content the AI Agent used to answer in the conversation." },
      },
    },
    ContentSource: {
      group: "conversations",
      schema: "content_source",
      description: "A content source used by AI Agent in the conversation.",
      fields: {
        content_type: { description: "The kind of content source." },
        url: { description: "The internal URL of the content source, for teammates." },
      },
    },

    // ---------------------------------------------------------------- tickets
    Ticket: {
      group: "tickets",
      schema: "ticket",
      description:
        "Tickets are how you track requests from your users. Links (`ticketType`, `contacts`, `adminAssignee`, `teamAssignee`, part authors, linked objects) resolve to the real objects; the raw ids stay beside them.",
      fields: {
        ticket_attributes: {
          description: "The attributes of the ticket by attribute name; the default title and description are `_default_title_` and `_default_description_`.",
        },
        ticket_type: [
          { name: "ticketTypeId", pick: "id", description: "The id of the ticket type (see `ticketType`)." },
          { name: "ticketType", description: "The ticket type, as Intercom embeds it in the ticket (no extra call)." },
        ],
        contacts: { name: "contactIds", pick: "contacts[].id", description: "The ids of the contacts affected by the ticket", link: "contacts" },
        admin_assignee_id: {
          emptyIsNull: "Intercom says 0 for nobody assigned.",
          description: "The id of the admin assigned (see `adminAssignee`); null when nobody is (Intercom's `0`).",
        },
        team_assignee_id: {
          emptyIsNull: "Intercom says 0 for no team assigned.",
          description: "The id of the team assigned (see `teamAssignee`); null when no team is (Intercom's `0`).",
        },
        snoozed_until: { description: "The time the ticket will be snoozed until; null if it is not snoozed." },
        ticket_state_external_label: { description: "The state the ticket is currently in, in a human readable form - visible to customers." },
        linked_objects: { description: "Linked conversations and tickets (each resolvable through `object`)." },
        ticket_parts: [
          { name: "parts", pick: "ticket_parts", hidden: "Served by the `ticketParts` connection." },
          { name: "partsTotalCount", pick: "total_count", default: "0", hidden: "The total the `ticketParts` connection reports." },
        ],
        tags: { name: "tagList", pick: "tags", hidden: "Served by the `tags` connection." },
      },
      graphOnly: {
        adminAssignee: "Link: the admin assigned (adminAssigneeId).",
        teamAssignee: "Link: the team assigned (teamAssigneeId).",
        tags: "Link: the ticket's tags as a connection (the embedded list; see tagList).",
        ticketParts: "Link: the ticket's parts as a connection.",
      },
    },
    TicketPart: {
      group: "tickets",
      schema: ["ticket_part", "ticket_reply"],
      description: "A Ticket Part represents a message or an event (state change, assignment, …) in the ticket.",
      fields: {
        part_type: { description: "The type of ticket part: comment, note, quick_reply, assignment, ticket_state_updated_by_admin, snoozed, close, open, …" },
        ticket_state: { description: "The state of the ticket (absent on a reply just written)." },
        assigned_to: [
          {
            name: "assignedToType",
            pick: "type",
            description: "The type of what this part assigned the ticket to (`admin`, `team`, `nobody_admin`), if it changed the assignment.",
          },
          { name: "assignedToId", pick: "id", description: "The id of what this part assigned the ticket to", link: "assignedTo" },
        ],
        author: [
          { name: "authorType", pick: "type", nullable: false, why: PART_AUTHOR, description: "The type of the author: admin, bot, team or user." },
          { name: "authorId", pick: "id", nullable: false, why: PART_AUTHOR, description: "The id of the author", link: "author" },
          {
            name: "authorRef",
            via: "authorRef",
            nullable: false,
            why: PART_AUTHOR,
            hidden: "The author as Intercom names it (type, id, name, email), for the `author` link.",
          },
        ],
        redacted: { default: "false" },
      },
    },

    // ---------------------------------------------------------------- ticket types
    TicketType: {
      group: "ticket-types",
      schema: "ticket_type",
      finish: "finishTicketType",
      before: { isInternal: "createdAt" },
      fields: {
        workspace_id: { type: "String" },
        description: { default: '""' },
        icon: { default: '""', description: "The icon of the ticket type (an emoji)." },
        archived: { default: "false" },
      },
      omit: {
        ticket_type_attributes:
          "Read by hand into `attributes` (served by the `ticketTypeAttributes` connection): the schema lists them as {ticket_type_attributes: [...]}, Intercom's own examples as {data: [...]}.",
      },
      graphOnly: { ticketTypeAttributes: "Link: the type's attributes as a connection (see attributes)." },
    },
    TicketTypeAttribute: {
      group: "ticket-types",
      schema: "ticket_type_attribute",
      fields: {
        workspace_id: { type: "String" },
        name: { description: "The name of the ticket type attribute (`_default_title_` and `_default_description_` for the built-in ones)." },
        description: { default: '""' },
        data_type: { description: "The type of the data attribute." },
        input_options: { description: "Input options for the attribute (`multiline`, `list_options`, `allow_multiple_values`)." },
        order: { default: "0" },
        required_to_create: { default: "false" },
        required_to_create_for_contacts: { default: "false" },
        visible_on_create: { default: "true" },
        visible_to_contacts: { default: "true" },
        default: { default: "false" },
        ticket_type_id: { description: "The id of the ticket type that the attribute belongs to", link: "ticketType" },
        archived: { default: "false" },
      },
    },

    // ---------------------------------------------------------------- articles
    Article: {
      group: "articles",
      schema: ["article", "article_list_item"],
      finish: "finishArticle",
      description:
        "The Articles API is a central place to gather all information and take actions on your articles. Articles can live within collections and sections, or alternatively they can stand alone.",
      fields: {
        workspace_id: { type: "String" },
        description: { description: "The description of the article. For multilingual articles, this will be the description of the default language's content." },
        author_id: { description: "The id of the author of the article (see `author`). Must be a teammate on the help center's workspace." },
        state: { description: "Whether the article is `published` or is a `draft`. For multilingual articles, this will be the state of the default language's content." },
        parent_id: { description: "The id of the article's parent collection or section (see `parent`). An article without this field stands alone." },
        parent_ids: { description: "The ids of the article's parent collections or sections", link: "parents" },
        created_at: { description: "The time when the article was created." },
        updated_at: { description: "The time when the article was last updated." },
        default_locale: { nullable: true, why: "The document says it is only returned for multilingual help centers, though its schema requires it." },
        statistics: { description: "The statistics of the article." },
      },
      omit: { translated_content: LOCALE_MAP },
      before: { translatedContent: "statistics" },
      computed: {
        translatedContent: {
          type: "ArticleContent",
          list: true,
          nullable: true,
          description: "The translated content of the article: its content in each locale, the default locale included. Null for articles that are not multilingual.",
          why: LOCALE_MAP,
        },
      },
      graphOnly: { author: "Link: the teammate who wrote the article.", parent: "Link: the parent collection or section (parentId)." },
    },
    ArticleContent: {
      group: "articles",
      schema: "article_content",
      description: "The content of an article in one locale (an entry of `translated_content`).",
      before: { locale: "title" },
      fields: {
        title: { default: '""' },
        description: { nullable: true, why: PUBLISHED },
        body: { nullable: true, why: PUBLISHED },
        author_id: { nullable: true, why: PUBLISHED, description: "The ID of the author of the article", link: "author" },
        state: { nullable: true, why: PUBLISHED, description: "Whether the article is `published` or is a `draft`." },
      },
      computed: {
        locale: { type: "String", description: "The locale code of this content, e.g. `en`, `fr`, `pt-BR`.", why: "The key of this content in the translated_content map." },
      },
    },
    ArticleStatistics: { group: "articles", schema: "article_statistics" },
    ArticleSearchHighlight: {
      group: "articles",
      schema: "article_search_highlights",
      description: "The highlighted results of an article search, for one article.",
      fields: {
        article_id: { description: "The ID of the corresponding article", link: "article" },
        highlighted_title: { description: "The article title, highlighted." },
        highlighted_summary: { description: "The article description and body text, highlighted: one list of chunks per excerpt." },
      },
    },
    HighlightedText: {
      group: "articles",
      schema: ["article_search_highlights.highlighted_title[]", "article_search_highlights.highlighted_summary[][]"],
      description: "A chunk of an article's title or summary: highlighted (matching the search) or plain.",
      fields: {
        type: { nullable: false, why: "Every chunk is highlighted or plain; the document marks nothing of it required." },
        text: { nullable: false, why: "Every chunk has text; the document marks nothing of it required.", description: "The text of the chunk." },
      },
    },
    ArticleSearchResult: {
      group: "articles",
      schema: "search_articles_response",
      description: "The results of an article search, with highlights when asked for.",
      fields: {
        total_count: { description: "The total number of articles matching the search query." },
        data: [
          { name: "articleList", pick: "articles", hidden: "Every article of the response; the `articles` connection pages over them." },
          { name: "highlightList", pick: "highlights", hidden: "Every highlight of the response; the `highlights` connection pages over them." },
        ],
      },
      omit: { pages: "Article search answers in one response with no page parameters; each connection's pageInfo describes it." },
      graphOnly: { articles: "Link: the articles found, as a connection.", highlights: "Link: the highlights, as a connection." },
    },
    DeletedArticle: {
      group: "articles",
      schema: "deleted_article_object",
      description: "Response returned when an article is deleted.",
      fields: { object: { description: "The type of object which was deleted: `article`." } },
    },

    // ---------------------------------------------------------------- help center
    Collection: {
      group: "help-center",
      schema: "collection",
      finish: "finishCollection",
      description: "Collections are top level containers for Articles within the Help Center. A section is a collection nested in another.",
      fields: {
        workspace_id: { type: "String" },
        parent_id: { description: "The id of the parent collection (see `parent`). If `null` then it is the first level collection." },
        created_at: { description: "The time when the collection was created." },
        updated_at: { description: "The time when the collection was last updated." },
        order: { description: "The order of the section in relation to others sections within a collection. Values go from `0` upwards." },
        default_locale: { description: "The default locale of the help center." },
        help_center_id: { description: "The id of the help center the collection is in", link: "helpCenter" },
      },
      omit: { translated_content: LOCALE_MAP },
      computed: {
        translatedContent: {
          type: "CollectionContent",
          list: true,
          nullable: true,
          description: "The translated content of the collection: its name and description in each locale. Null for help centers that are not multilingual.",
          why: LOCALE_MAP,
        },
      },
      before: { translatedContent: "parentId" },
      graphOnly: { parent: "Link: the parent collection of a section (parentId)." },
    },
    CollectionContent: {
      group: "help-center",
      schema: "group_content",
      description: "The content of a collection or section in one locale (an entry of `translated_content`).",
      before: { locale: "name" },
      fields: {
        name: { default: '""', description: "The name of the collection or section." },
        description: { nullable: true, why: PUBLISHED },
      },
      computed: {
        locale: { type: "String", description: "The locale code of this content, e.g. `en`, `fr`, `pt-BR`.", why: "The key of this content in the translated_content map." },
      },
    },
    HelpCenter: { group: "help-center", schema: "help_center", fields: { workspace_id: { type: "String" } } },
    DeletedCollection: {
      group: "help-center",
      schema: "deleted_collection_object",
      description: "Response returned when a collection is deleted.",
      fields: { object: { description: "The type of object which was deleted: `collection`." } },
    },

    // ---------------------------------------------------------------- data attributes
    DataAttribute: {
      group: "data-attributes",
      schema: "data_attribute",
      description:
        "Data Attributes are metadata used to describe your contact, company and conversation models. These include standard and custom attributes.",
      fields: {
        id: { nullable: true, why: "Only custom attributes have an id; Intercom's standard attributes come without one." },
        model: {
          description: "Value is `contact` for user/lead attributes, `company` for company attributes and `conversation` for conversation attributes.",
        },
        description: { default: '""' },
        data_type: { type: "DataAttributeDataType" },
        options: { nullable: true, why: "Only list attributes have options; the graph published null for the others before it was generated." },
        custom: { description: "Set to true if this is a CDA (custom data attribute)." },
        archived: { description: "Is this attribute archived. (Only applicable to CDAs.)" },
        admin_id: { description: "Teammate who created the attribute (see `admin`). Only applicable to CDAs." },
      },
      graphOnly: { admin: "Link: the teammate who created the attribute (adminId)." },
    },

    // ---------------------------------------------------------------- data export
    DataExport: {
      group: "data-export",
      schema: "data_export",
      finish: "finishDataExport",
      description:
        "A data export job: message delivery and engagement statistics for outbound content (Emails, Posts, Custom Bots, Surveys, Tours, Series, and more) sent in a given timeframe.",
      fields: { job_identifier: { type: "ID" } },
      omit: {
        download_expires_at: "Read by hand into `downloadExpiresAt`: Intercom sends Unix seconds as a string, \"\" until the job completes.",
        download_url: "Intercom's URL needs the access token: `downloadUrl` is the gateway's streaming route instead (set by hand).",
      },
      before: { id: "jobIdentifier" },
      computed: {
        id: { type: "ID", description: "The identifier of the job (same as `jobIdentifier`).", why: "A job has no id but its job_identifier." },
        downloadExpiresAt: {
          type: "DateTime",
          nullable: true,
          description: "The time after which you will not be able to access the data (two days after the job completed).",
          why: "download_expires_at is Unix seconds as a string, \"\" until the job completes.",
        },
        downloadUrl: {
          type: "String",
          nullable: true,
          description:
            "Where to download the data once the job is completed: this gateway's streaming route (a path on the gateway's origin, serving the gzipped CSV), not Intercom's URL, which needs the access token. Null until then.",
          why: "The gateway's streaming route for a completed job, in place of Intercom's URL.",
        },
      },
    },

    // ---------------------------------------------------------------- subscription types
    Translation: { group: "subscription-types", schema: "translation" },
    SubscriptionType: {
      group: "subscription-types",
      schema: "subscription_type",
      description: "A subscription type lets customers easily opt out of non-essential communications without missing what’s important to them.",
      fields: {
        default_translation: { description: "The translation in the workspace's default locale." },
        translations: { description: "The localised versions of the subscription type in each available locale within your translation settings." },
        content_types: { description: "The message types that this subscription supports." },
      },
    },

    // ---------------------------------------------------------------- phone switch
    PhoneSwitch: {
      group: "phone-switch",
      schema: "phone_switch",
      // The document's phone_switch has no id: a phone switch is an SMS sent, not a stored object.
      description: "Phone Switch Response: the SMS with a link to the Messenger was sent.",
    },

    // ---------------------------------------------------------------- messages
    Message: {
      group: "messages",
      schema: "message",
      description:
        "Message are how you reach out to contacts in Intercom. They are created when an admin sends an outbound message to a contact (or when a contact starts a conversation).",
      fields: {
        type: { description: "The type of the message: `user_message` (written by a contact) or `admin_message` (sent by an admin)." },
        created_at: { description: "The time the message was created." },
        subject: {
          nullable: true,
          why: "The document says it is only present for email messages, though its schema requires it.",
          emptyIsNull: "In-app messages have no subject; Intercom sends \"\" for it.",
        },
        message_type: { description: "The type of message that was sent." },
        conversation_id: {
          nullable: true,
          why: "An admin message sent without create_conversation_without_contact_reply has no conversation until the contact replies.",
          description:
            "The associated conversation's id (see `conversation`). For an admin message sent without `createConversationWithoutContactReply`, the conversation exists only once the contact replies.",
        },
        owner: {
          name: "ownerId",
          pick: "id",
          description:
            "The admin who sent an admin message (see `owner`): the admin the gateway sent it as (the 2.11 `message` schema has no owner; Intercom may send one beside it).",
        },
      },
      graphOnly: { conversation: "Link: the message's conversation (conversationId).", owner: "Link: the admin who sent the message (ownerId)." },
    },

    // ---------------------------------------------------------------- news
    NewsfeedAssignment: {
      group: "news",
      schema: "newsfeed_assignment",
      fields: {
        newsfeed_id: { description: "The id of the newsfeed", link: "newsfeed" },
        published_at: {
          nullable: true,
          why: "The document requires it, but a draft's assignment has no publish date.",
          description: "Publish date of the news item on the newsfeed.",
        },
      },
    },
    NewsItem: {
      group: "news",
      schema: "news_item",
      fields: {
        body: { nullable: true, why: PUBLISHED },
        sender_id: { description: "The id of the teammate who sends the news item", link: "sender" },
        state: { description: "Whether the news item is live or a draft." },
        newsfeed_assignments: { description: "The newsfeeds the news item is assigned to, with its publish date on each." },
        cover_image_url: { description: "URL of the image used as cover." },
        deliver_silently: { description: "When true, the news item appears in the messenger newsfeed without a notification badge." },
        created_at: { description: "When the news item was created." },
        updated_at: { description: "When the news item was last updated." },
      },
      graphOnly: { newsfeeds: "Link: the newsfeeds the news item is assigned to." },
    },
    Newsfeed: {
      group: "news",
      schema: "newsfeed",
      description: "A newsfeed is a collection of news items, targeted to a specific audience.",
      fields: {
        created_at: { description: "When the newsfeed was created." },
        updated_at: { description: "When the newsfeed was last updated." },
      },
      graphOnly: { items: "Link: the newsfeed's live news items, paged (GET /news/newsfeeds/{id}/items)." },
    },
    DeletedNewsItem: {
      group: "news",
      schema: "deleted_object",
      description: "The answer to deleting a news item.",
      fields: {
        id: { description: "The id of the deleted news item." },
        object: { description: "The type of object which was deleted: news-item." },
        deleted: { description: "Whether the news item was deleted." },
      },
    },

    // ---------------------------------------------------------------- visitors
    VisitorAvatar: {
      group: "visitors",
      schema: "visitor.avatar",
      description: "The avatar of a visitor.",
      fields: { image_url: { description: "The URL of the avatar image associated with the visitor." } },
    },
    VisitorLocationData: { group: "visitors", schema: "visitor.location_data", description: "Where a visitor is, as Intercom located them." },
    Visitor: {
      group: "visitors",
      schema: "visitor",
      finish: "finishVisitor",
      description: "Visitors are useful for representing anonymous people that have not yet been identified. They usually represent website visitors.",
      before: { lastRequestAt: "lasRequestAt" },
      fields: {
        user_id: { type: "String" },
        email: {
          nullable: true,
          why: "The document requires it, but a visitor rarely has an email: Intercom sends \"\" or nothing.",
          emptyIsNull: "Intercom sends \"\" for a visitor without email.",
          description: "The email of the visitor (null when Intercom sends an empty one).",
        },
        avatar: { description: "The avatar associated with the visitor." },
        companies: [
          { name: "companyIds", pick: "companies[].id", description: "The ids of the companies the visitor belongs to." },
          {
            name: "rawCompanies",
            pick: "companies",
            type: "JSON",
            hidden: "The companies as the visitor carries them (REST shape), reduced by the `companies` link when asked for.",
          },
        ],
        location_data: { description: "Where the visitor is." },
        last_request_at: { description: "The time the visitor last recorded making a request." },
        las_request_at: {
          description: "The time the visitor last recorded making a request.",
          deprecated: "The document misspells `last_request_at` as `las_request_at`; use `lastRequestAt`.",
        },
        remote_created_at: { description: "The time the Visitor was added to Intercom, as your system recorded it." },
        signed_up_at: { nullable: true, why: "The document requires it, but a visitor who never signed up has no sign-up time." },
        social_profiles: { pick: "social_profiles", description: "The social profiles of the visitor." },
        owner_id: { description: "The id of the admin that owns the Visitor", link: "owner" },
        tags: [
          { name: "tagIds", pick: "tags[].id", description: "The ids of the tags on the visitor." },
          { name: "tags", pick: "tags", type: "Tag", description: "The tags on the visitor (from the visitor itself, no extra call)." },
        ],
        segments: { name: "segmentIds", pick: "segments", type: "ID", description: "The ids of the segments the visitor is in." },
      },
      graphOnly: {
        companies: "Link: the companies the visitor carries (see rawCompanies).",
        segments: "Link: the segments the visitor is in (segmentIds).",
      },
    },

    // ---------------------------------------------------------------- data events
    DataEvent: {
      group: "data-events",
      schema: "data_event",
      description: "Data events are used to notify Intercom of changes to your data: one occurrence of an event for a user or lead.",
      before: { id: "eventName" },
      fields: {
        id: {
          nullable: true,
          why: "The document leaves id out of required: an event Intercom lists may come without one (or with \"\").",
          description: "The id Intercom lists the event with.",
        },
        event_name: { description: "The name of the event that occurred, typically a past tense 'verb-noun' combination, for example `updated-plan`." },
        user_id: { type: "String", emptyIsNull: "Intercom sends \"\" for an event of a user without your identifier." },
        intercom_user_id: { description: "The Intercom identifier for the user or lead", link: "contact" },
        email: { emptyIsNull: "Intercom sends \"\" for an event of a user without email.", description: "An email address for your user." },
        metadata: { description: "Optional metadata about the event (at most 10 keys are kept)." },
      },
    },
    DataEventSummaryItem: {
      group: "data-events",
      schema: "data_event_summary_item",
      finish: "finishDataEventSummaryItem",
      description: "How often one event occurred for a user: count, first and last time.",
      omit: {
        first: "Read by hand into `first`: the document types it as a string (a date Intercom formats), the graph publishes a DateTime.",
        last: "Read by hand into `last`: the document types it as a string (a date Intercom formats), the graph publishes a DateTime.",
      },
      before: { first: "count", last: "count" },
      computed: {
        first: { type: "DateTime", description: "The first time the event was sent.", why: "first is a date string in the document; read as a DateTime." },
        last: { type: "DateTime", description: "The last time the event was sent.", why: "last is a date string in the document; read as a DateTime." },
      },
    },
    DataEventSummary: {
      group: "data-events",
      schema: "data_event_summary",
      description:
        "The data events of one user or lead: `events` summarises them per event name, `history` pages through the individual events (Intercom lists only events less than 90 days old).",
      fields: {
        email: {
          nullable: true,
          why: "The document requires it, but a user without email has none.",
          emptyIsNull: "Intercom sends \"\" for a user without email.",
          description: "The email address of the user.",
        },
        intercom_user_id: { description: "The Intercom user ID of the user", link: "contact" },
        user_id: {
          type: "String",
          nullable: true,
          why: "The document requires it, but a lead has no user id of yours.",
          emptyIsNull: "Intercom sends \"\" for a user without your identifier.",
          description: "The user ID of the user (your identifier).",
        },
        events: { name: "items", hidden: "The summary items, paged by the `events` field." },
      },
      graphOnly: {
        events: "Link: the summary items as a connection (see items).",
        history: "Link: the user's individual events, paged (GET /events), where Intercom lists them.",
      },
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
    ConversationState: {
      group: "conversations",
      schema: ["conversation.state", "conversation_list_item.state"],
      description: "Where a conversation is in its lifecycle.",
      values: {
        open: "Waiting for a teammate: it appears in the inbox.",
        closed: "Done with; a new reply from the contact reopens it.",
        snoozed: "Set aside until `snoozedUntil`, when it becomes open again.",
      },
    },
    ConversationPriority: {
      group: "conversations",
      schema: ["conversation.priority", "conversation_list_item.priority"],
      description: "Whether a teammate marked the conversation as a priority.",
      values: {
        priority: "Marked as a priority.",
        not_priority: "Not marked as a priority.",
      },
    },
    ConversationSourceType: {
      group: "conversations",
      schema: ["conversation_source.type"],
      description: "The channel a conversation started on.",
      values: {
        conversation: "A message in the Intercom Messenger (web or mobile).",
        email: "An email sent to your inbox address.",
        facebook: "A Facebook Messenger message.",
        instagram: "An Instagram direct message.",
        phone_call: "A call through Intercom Phone.",
        phone_switch: "A phone call switched to a messaging channel (see `createPhoneSwitch`).",
        push: "A mobile push notification.",
        sms: "An SMS text message.",
        twitter: "A Twitter (X) direct message.",
        whatsapp: "A WhatsApp message.",
      },
    },
    SlaStatus: {
      group: "conversations",
      schema: ["sla_applied.sla_status"],
      description: "How a conversation stands against the SLA applied to it.",
      values: {
        hit: "At least one target was hit, and none was missed or cancelled.",
        missed: "At least one target was missed (recorded at the next teammate reply, not when the SLA expires), and none was cancelled.",
        cancelled: "The SLA was removed from the conversation.",
        active: "Applied but not yet fulfilled: no target has been hit, missed or cancelled so far.",
      },
    },
    LinkedObjectType: {
      group: "conversations",
      schema: ["linked_object.type"],
      description: "What kind of object is linked to a conversation or ticket.",
      values: {
        ticket: "A ticket (its `id` is the ticket's id, not its `ticketId`).",
        conversation: "A conversation, e.g. one linked to a tracker ticket.",
      },
    },
    LinkedObjectCategory: {
      group: "conversations",
      schema: ["linked_object.category"],
      description: "The category of a linked ticket.",
      values: {
        "Customer": "A customer ticket, shared with the customer.",
        "Back-office": "A back-office ticket, worked on internally by teams.",
        "Tracker": "A tracker ticket, which many conversations and customer tickets about one issue are linked to.",
      },
    },
    AiAgentSourceType: {
      group: "conversations",
      schema: ["ai_agent.source_type"],
      description: "What brought the AI Agent (Fin) into a conversation.",
      values: {
        essentials_plan_setup: "The AI Agent setup of the Essentials plan.",
        profile: "An AI Agent profile.",
        workflow: "A live workflow that handed the conversation to the AI Agent.",
        workflow_preview: "A preview of a workflow.",
        fin_preview: "A preview of Fin.",
      },
    },
    AiAgentLastAnswerType: {
      group: "conversations",
      schema: ["ai_agent.last_answer_type"],
      description: "The kind of the last answer the AI Agent gave.",
      values: {
        ai_answer: "An answer the AI generated from the content sources.",
        custom_answer: "A custom answer written by the team.",
      },
    },
    AiAgentResolutionState: {
      group: "conversations",
      schema: ["ai_agent.resolution_state"],
      description: "How the AI Agent's part of a conversation ended.",
      values: {
        assumed_resolution: "The customer left after an answer without asking for more help, so the answer is assumed to have resolved the question.",
        confirmed_resolution: "The customer confirmed the answer resolved the question.",
        routed_to_team: "The conversation was handed over to the team.",
        abandoned: "The customer left without the question being resolved.",
      },
    },
    ContentSourceType: {
      group: "conversations",
      schema: ["content_source.content_type"],
      description: "The kind of content the AI Agent used to answer.",
      values: {
        file: "An uploaded file.",
        article: "A Help Center article.",
        external_content: "Content synced from an external website.",
        content_snippet: "A snippet written for the AI Agent.",
        workflow_connector_action: "A data connector action run by a workflow.",
      },
    },
    TicketState: {
      group: "tickets",
      schema: ["ticket.ticket_state", "ticket_part.ticket_state", "ticket_part.previous_ticket_state"],
      description: "The state a ticket is in.",
      values: {
        submitted: "Created, not yet worked on.",
        in_progress: "A teammate is working on it.",
        waiting_on_customer: "Waiting for the customer to answer.",
        resolved: "The request has been dealt with.",
      },
    },
    TicketCategory: {
      group: "ticket-types",
      schema: ["ticket.category", "ticket_type.category"],
      description: "Customer tickets are shared with the customer; back-office tickets are worked on internally; tracker tickets group many conversations about one issue.",
      values: {
        "Customer": "Shared with the customer, who can follow and reply to it.",
        "Back-office": "Worked on internally by teams; the customer does not see it.",
        "Tracker": "Tracks one issue that many conversations and customer tickets are linked to.",
      },
    },
    TicketTypeAttributeDataType: {
      group: "ticket-types",
      schema: ["ticket_type_attribute.data_type"],
      why: "The document names the allowed values in the description only: string list integer decimal boolean datetime files.",
      description: "The data type of a ticket type attribute.",
      values: {
        string: "Text, on one line or several (`multiline`).",
        list: "One item of a fixed list.",
        integer: "A whole number.",
        decimal: "A decimal number.",
        boolean: "True or false.",
        datetime: "A date and time.",
        files: "One or more attached files.",
      },
    },
    ArticleState: {
      group: "articles",
      schema: ["article.state", "article_content.state"],
      description: "Whether an article is `published` or a `draft`.",
      values: {
        published: "Visible in the Help Center.",
        draft: "Not visible in the Help Center yet.",
      },
    },
    ArticleParentType: {
      group: "articles",
      schema: ["article.parent_type"],
      why: "The document names the two parent types in the description only.",
      description: "The type of an article's parent: a collection or a section (a nested collection).",
      values: {
        collection: "A top-level collection of the Help Center.",
        section: "A section: a collection nested in another collection.",
      },
    },
    HighlightType: {
      group: "articles",
      schema: ["article_search_highlights.highlighted_title[].type", "article_search_highlights.highlighted_summary[][].type"],
      description: "A chunk of highlighted (matching) or plain text.",
      values: {
        highlight: "Text that matches the search phrase.",
        plain: "Text around the matches.",
      },
    },
    DataAttributeModel: {
      group: "data-attributes",
      schema: ["data_attribute.model"],
      description: "The model a data attribute describes: `contact` (users and leads), `company` or `conversation`.",
      values: {
        contact: "An attribute of contacts (users and leads).",
        company: "An attribute of companies.",
        conversation: "An attribute of conversations.",
      },
    },
    DataAttributeDataType: {
      group: "data-attributes",
      schema: ["create_data_attribute_request.data_type"],
      description: "The data type of an attribute. `datetime` is accepted on create; Intercom stores it as `date`.",
      values: {
        string: "Text; with `options`, one of a list.",
        integer: "A whole number.",
        float: "A decimal number.",
        boolean: "True or false.",
        date: "A date, such as a renewal date.",
        datetime: "Accepted when creating an attribute; Intercom stores it as DATE.",
      },
    },
    DataExportStatus: {
      group: "data-export",
      schema: ["data_export.status"],
      description: "The current state of a data export job.",
      values: {
        pending: "Queued, not started yet.",
        in_progress: "Being prepared.",
        failed: "The export failed; create a new one.",
        completed: "Ready to download until `downloadExpiresAt`.",
        no_data: "Finished, but there was nothing to export in the period.",
        canceled: "Cancelled before it finished.",
      },
    },
    SubscriptionTypeState: {
      group: "subscription-types",
      schema: ["subscription_type.state"],
      description: "The state of a subscription type.",
      values: {
        live: "In use: contacts can opt in or out of it.",
        draft: "Being prepared; not yet offered to contacts.",
        archived: "No longer in use.",
      },
    },
    ConsentType: {
      group: "subscription-types",
      schema: ["subscription_type.consent_type"],
      description: "Opt-out types reach everyone until a contact opts out; opt-in types reach only contacts who opted in.",
      values: {
        opt_out: "Contacts receive these messages until they opt out.",
        opt_in: "Contacts receive these messages only after opting in.",
      },
    },
    SubscriptionContentType: {
      group: "subscription-types",
      schema: ["subscription_type.content_types[]"],
      description: "A message type a subscription type applies to.",
      values: {
        email: "Email messages.",
        sms_message: "SMS messages.",
      },
    },
    MessageType: {
      group: "messages",
      schema: ["message.message_type"],
      description: "The type of message that was sent: email, inapp, facebook or twitter.",
      values: {
        email: "Sent as an email.",
        inapp: "An in-app message, shown in the Messenger.",
        facebook: "A Facebook Messenger message.",
        twitter: "A Twitter (X) direct message.",
      },
    },
    NewsItemState: {
      group: "news",
      schema: ["news_item.state"],
      description: "News items will not be visible to your users in the assigned newsfeeds until they are set live.",
      values: {
        draft: "Not visible to users yet.",
        live: "Visible to users in the newsfeeds it is assigned to.",
      },
    },
  },
};
