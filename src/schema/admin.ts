import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Author } from "./author.js";
import { ConnectionType } from "./common.js";
import { DateTime, JSONObject } from "./scalars.js";

@ObjectType({ description: "The avatar of an admin." })
export class AdminAvatar {
  @Field(() => String, { nullable: true, description: "URL of the admin's avatar image." })
  imageUrl!: string | null;
}

@ObjectType({ description: "Admin priority levels for teams." })
export class TeamPriorityLevel {
  @Field(() => [ID], { nullable: true, description: "The primary team ids for the team." })
  primaryTeamIds!: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The secondary team ids for the team." })
  secondaryTeamIds!: string[] | null;
}

@ObjectType({ description: "Admins are teammate accounts that have access to a workspace.", implements: Author })
export class Admin implements Author {
  @Field(() => ID, { description: "The id representing the admin." })
  id!: string;

  @Field(() => String, { description: "The name of the admin." })
  name!: string;

  @Field(() => String, { description: "The email of the admin." })
  email!: string;

  @Field(() => String, { nullable: true, description: "The job title of the admin." })
  jobTitle!: string | null;

  @Field(() => Boolean, { description: "Identifies if this admin is currently set in away mode." })
  awayModeEnabled!: boolean;

  @Field(() => Boolean, {
    description: "Identifies if this admin is set to automatically reassign new conversations to the apps default inbox.",
  })
  awayModeReassign!: boolean;

  @Field(() => Boolean, {
    description: "Identifies if this admin has a paid inbox seat to restrict/allow features that require them.",
  })
  hasInboxSeat!: boolean;

  @Field(() => [ID], { description: "The ids of the teams this admin is part of (see `teams`)." })
  teamIds!: string[];

  @Field(() => AdminAvatar, { nullable: true, description: "The avatar object associated with the admin." })
  avatar!: AdminAvatar | null;

  @Field(() => TeamPriorityLevel, { nullable: true, description: "Admin priority levels for teams." })
  teamPriorityLevel!: TeamPriorityLevel | null;
}

@ObjectType({ description: "App is a workspace on Intercom." })
export class App {
  @Field(() => ID, { description: "The id of the app." })
  idCode!: string;

  @Field(() => String, { description: "The name of the app." })
  name!: string;

  @Field(() => String, { description: "The Intercom region the app is located in." })
  region!: string;

  @Field(() => String, { description: "The timezone of the region where the app is located." })
  timezone!: string;

  @Field(() => DateTime, { description: "When the app was created." })
  createdAt!: Date;

  @Field(() => Boolean, { description: "Whether or not the app uses identity verification." })
  identityVerification!: boolean;
}

@ObjectType({ description: "The admin whose token the gateway uses, with the workspace (app) it belongs to." })
export class CurrentAdmin extends Admin {
  @Field(() => Boolean, { nullable: true, description: "Identifies if this admin's email is verified." })
  emailVerified!: boolean | null;

  @Field(() => App, { nullable: true, description: "App that the admin belongs to." })
  app!: App | null;
}

export enum ActivityType {
  ADMIN_ASSIGNMENT_LIMIT_CHANGE = "admin_assignment_limit_change",
  ADMIN_AVATAR_CHANGE = "admin_avatar_change",
  ADMIN_AWAY_MODE_CHANGE = "admin_away_mode_change",
  ADMIN_DELETION = "admin_deletion",
  ADMIN_DEPROVISIONED = "admin_deprovisioned",
  ADMIN_IMPERSONATION_END = "admin_impersonation_end",
  ADMIN_IMPERSONATION_START = "admin_impersonation_start",
  ADMIN_INVITE_CHANGE = "admin_invite_change",
  ADMIN_INVITE_CREATION = "admin_invite_creation",
  ADMIN_INVITE_DELETION = "admin_invite_deletion",
  ADMIN_LOGIN_FAILURE = "admin_login_failure",
  ADMIN_LOGIN_SUCCESS = "admin_login_success",
  ADMIN_LOGOUT = "admin_logout",
  ADMIN_PASSWORD_RESET_REQUEST = "admin_password_reset_request",
  ADMIN_PASSWORD_RESET_SUCCESS = "admin_password_reset_success",
  ADMIN_PERMISSION_CHANGE = "admin_permission_change",
  ADMIN_PROVISIONED = "admin_provisioned",
  ADMIN_TWO_FACTOR_AUTH_CHANGE = "admin_two_factor_auth_change",
  ADMIN_UNAUTHORIZED_SIGN_IN_METHOD = "admin_unauthorized_sign_in_method",
  APP_ADMIN_JOIN = "app_admin_join",
  APP_AUTHENTICATION_METHOD_CHANGE = "app_authentication_method_change",
  APP_DATA_DELETION = "app_data_deletion",
  APP_DATA_EXPORT = "app_data_export",
  APP_GOOGLE_SSO_DOMAIN_CHANGE = "app_google_sso_domain_change",
  APP_IDENTITY_VERIFICATION_CHANGE = "app_identity_verification_change",
  APP_NAME_CHANGE = "app_name_change",
  APP_OUTBOUND_ADDRESS_CHANGE = "app_outbound_address_change",
  APP_PACKAGE_INSTALLATION = "app_package_installation",
  APP_PACKAGE_TOKEN_REGENERATION = "app_package_token_regeneration",
  APP_PACKAGE_UNINSTALLATION = "app_package_uninstallation",
  APP_TEAM_CREATION = "app_team_creation",
  APP_TEAM_DELETION = "app_team_deletion",
  APP_TEAM_MEMBERSHIP_MODIFICATION = "app_team_membership_modification",
  APP_TIMEZONE_CHANGE = "app_timezone_change",
  APP_WEBHOOK_CREATION = "app_webhook_creation",
  APP_WEBHOOK_DELETION = "app_webhook_deletion",
  ARTICLES_IN_MESSENGER_ENABLED_CHANGE = "articles_in_messenger_enabled_change",
  BULK_DELETE = "bulk_delete",
  BULK_EXPORT = "bulk_export",
  CAMPAIGN_DELETION = "campaign_deletion",
  CAMPAIGN_STATE_CHANGE = "campaign_state_change",
  CONVERSATION_PART_DELETION = "conversation_part_deletion",
  CONVERSATION_PDF_EXPORT = "conversation_pdf_export",
  CONVERSATION_TOPIC_CHANGE = "conversation_topic_change",
  CONVERSATION_TOPIC_CREATION = "conversation_topic_creation",
  CONVERSATION_TOPIC_DELETION = "conversation_topic_deletion",
  HELP_CENTER_SETTINGS_CHANGE = "help_center_settings_change",
  INBOUND_CONVERSATIONS_CHANGE = "inbound_conversations_change",
  INBOX_ACCESS_CHANGE = "inbox_access_change",
  MESSAGE_DELETION = "message_deletion",
  MESSAGE_STATE_CHANGE = "message_state_change",
  MESSENGER_LOOK_AND_FEEL_CHANGE = "messenger_look_and_feel_change",
  MESSENGER_SEARCH_REQUIRED_CHANGE = "messenger_search_required_change",
  MESSENGER_SPACES_CHANGE = "messenger_spaces_change",
  OFFICE_HOURS_CHANGE = "office_hours_change",
  ROLE_CHANGE = "role_change",
  ROLE_CREATION = "role_creation",
  ROLE_DELETION = "role_deletion",
  RULESET_ACTIVATION_TITLE_PREVIEW = "ruleset_activation_title_preview",
  RULESET_CREATION = "ruleset_creation",
  RULESET_DELETION = "ruleset_deletion",
  SEARCH_BROWSE_ENABLED_CHANGE = "search_browse_enabled_change",
  SEARCH_BROWSE_REQUIRED_CHANGE = "search_browse_required_change",
  SEAT_CHANGE = "seat_change",
  SEAT_REVOKE = "seat_revoke",
  SECURITY_SETTINGS_CHANGE = "security_settings_change",
  TEMPORARY_EXPECTATION_CHANGE = "temporary_expectation_change",
  UPFRONT_EMAIL_COLLECTION_CHANGE = "upfront_email_collection_change",
  WELCOME_MESSAGE_CHANGE = "welcome_message_change",
}
registerEnumType(ActivityType, {
  name: "ActivityType",
  description: "What an admin did, as Intercom's activity log names it.",
  valuesConfig: {
    ADMIN_ASSIGNMENT_LIMIT_CHANGE: { description: "A teammate's limit of assigned conversations was changed." },
    ADMIN_AVATAR_CHANGE: { description: "A teammate's avatar was changed." },
    ADMIN_AWAY_MODE_CHANGE: { description: "A teammate went away or came back (see the metadata's away fields)." },
    ADMIN_DELETION: { description: "A teammate was removed from the workspace." },
    ADMIN_DEPROVISIONED: { description: "A teammate was deprovisioned by the identity provider (SCIM)." },
    ADMIN_IMPERSONATION_END: { description: "An impersonation of a teammate ended." },
    ADMIN_IMPERSONATION_START: { description: "Someone started impersonating a teammate." },
    ADMIN_INVITE_CHANGE: { description: "A pending teammate invitation was changed." },
    ADMIN_INVITE_CREATION: { description: "Someone was invited to join the workspace as a teammate." },
    ADMIN_INVITE_DELETION: { description: "A pending teammate invitation was withdrawn." },
    ADMIN_LOGIN_FAILURE: { description: "A teammate failed to sign in." },
    ADMIN_LOGIN_SUCCESS: { description: "A teammate signed in (see the metadata's `signInMethod`)." },
    ADMIN_LOGOUT: { description: "A teammate signed out." },
    ADMIN_PASSWORD_RESET_REQUEST: { description: "A teammate asked to reset their password." },
    ADMIN_PASSWORD_RESET_SUCCESS: { description: "A teammate reset their password." },
    ADMIN_PERMISSION_CHANGE: { description: "A teammate's permissions were changed." },
    ADMIN_PROVISIONED: { description: "A teammate was provisioned by the identity provider (SCIM)." },
    ADMIN_TWO_FACTOR_AUTH_CHANGE: { description: "A teammate turned two-factor authentication on or off." },
    ADMIN_UNAUTHORIZED_SIGN_IN_METHOD: { description: "A teammate tried to sign in with a method the workspace does not allow." },
    APP_ADMIN_JOIN: { description: "A teammate joined the workspace." },
    APP_AUTHENTICATION_METHOD_CHANGE: { description: "The sign-in methods allowed for the workspace were changed." },
    APP_DATA_DELETION: { description: "Workspace data was deleted." },
    APP_DATA_EXPORT: { description: "Workspace data was exported." },
    APP_GOOGLE_SSO_DOMAIN_CHANGE: { description: "The domains allowed for Google sign-in were changed." },
    APP_IDENTITY_VERIFICATION_CHANGE: { description: "Identity verification was turned on or off, or its settings changed." },
    APP_NAME_CHANGE: { description: "The workspace was renamed." },
    APP_OUTBOUND_ADDRESS_CHANGE: { description: "The email address outbound messages are sent from was changed." },
    APP_PACKAGE_INSTALLATION: { description: "An app from the App Store was installed." },
    APP_PACKAGE_TOKEN_REGENERATION: { description: "The access token of an installed app was regenerated." },
    APP_PACKAGE_UNINSTALLATION: { description: "An installed app was uninstalled." },
    APP_TEAM_CREATION: { description: "A team was created." },
    APP_TEAM_DELETION: { description: "A team was deleted." },
    APP_TEAM_MEMBERSHIP_MODIFICATION: { description: "Teammates were added to or removed from a team." },
    APP_TIMEZONE_CHANGE: { description: "The workspace's timezone was changed." },
    APP_WEBHOOK_CREATION: { description: "A webhook was created." },
    APP_WEBHOOK_DELETION: { description: "A webhook was deleted." },
    ARTICLES_IN_MESSENGER_ENABLED_CHANGE: { description: "Showing Help Center articles in the Messenger was turned on or off." },
    BULK_DELETE: { description: "Many records (e.g. contacts) were deleted at once." },
    BULK_EXPORT: { description: "Many records (e.g. contacts) were exported at once." },
    CAMPAIGN_DELETION: { description: "An outbound message or campaign was deleted." },
    CAMPAIGN_STATE_CHANGE: { description: "An outbound message or campaign was set live or paused." },
    CONVERSATION_PART_DELETION: { description: "A part of a conversation was deleted." },
    CONVERSATION_PDF_EXPORT: { description: "A conversation was exported as a PDF." },
    CONVERSATION_TOPIC_CHANGE: { description: "A conversation topic was changed." },
    CONVERSATION_TOPIC_CREATION: { description: "A conversation topic was created." },
    CONVERSATION_TOPIC_DELETION: { description: "A conversation topic was deleted." },
    HELP_CENTER_SETTINGS_CHANGE: { description: "The Help Center's settings were changed." },
    INBOUND_CONVERSATIONS_CHANGE: { description: "Whether contacts can start conversations was changed." },
    INBOX_ACCESS_CHANGE: { description: "A teammate's access to the Inbox was changed." },
    MESSAGE_DELETION: { description: "A message was deleted." },
    MESSAGE_STATE_CHANGE: { description: "A message was set live or paused." },
    MESSENGER_LOOK_AND_FEEL_CHANGE: { description: "The Messenger's appearance was changed." },
    MESSENGER_SEARCH_REQUIRED_CHANGE: { description: "Whether contacts must search the Help Center before starting a conversation was changed." },
    MESSENGER_SPACES_CHANGE: { description: "The spaces (Home, Messages, Help, News, …) shown in the Messenger were changed." },
    OFFICE_HOURS_CHANGE: { description: "The workspace's office hours were changed." },
    ROLE_CHANGE: { description: "A teammate role was changed." },
    ROLE_CREATION: { description: "A teammate role was created." },
    ROLE_DELETION: { description: "A teammate role was deleted." },
    RULESET_ACTIVATION_TITLE_PREVIEW: { description: "A rule set (the rules behind a message or workflow) was activated, logged with a preview of its title." },
    RULESET_CREATION: { description: "A rule set (the rules behind a message or workflow) was created." },
    RULESET_DELETION: { description: "A rule set (the rules behind a message or workflow) was deleted." },
    SEARCH_BROWSE_ENABLED_CHANGE: { description: "Searching and browsing the Help Center in the Messenger was turned on or off." },
    SEARCH_BROWSE_REQUIRED_CHANGE: { description: "Whether contacts must search or browse the Help Center before starting a conversation was changed." },
    SEAT_CHANGE: { description: "A teammate's seat (e.g. an Inbox seat) was changed." },
    SEAT_REVOKE: { description: "A teammate's seat was revoked." },
    SECURITY_SETTINGS_CHANGE: { description: "The workspace's security settings were changed." },
    TEMPORARY_EXPECTATION_CHANGE: { description: "The temporary reply-time expectation shown to contacts was changed." },
    UPFRONT_EMAIL_COLLECTION_CHANGE: { description: "Whether the Messenger asks for an email before a conversation starts was changed." },
    WELCOME_MESSAGE_CHANGE: { description: "The Messenger's welcome message was changed." },
  },
});

@ObjectType({ description: "Additional data provided about Admin activity." })
export class ActivityLogMetadata {
  @Field(() => String, { nullable: true, description: "The way the admin signed in." })
  signInMethod!: string | null;

  @Field(() => String, { nullable: true, description: "The unique identifier for the contact which is provided by the Client." })
  externalId!: string | null;

  @Field(() => Boolean, { nullable: true, description: "The away mode status which is set to true when away and false when returned." })
  awayMode!: boolean | null;

  @Field(() => String, { nullable: true, description: "The reason the Admin is away." })
  awayStatusReason!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Indicates if conversations should be reassigned while an Admin is away." })
  reassignConversations!: boolean | null;

  @Field(() => String, { nullable: true, description: "The action that initiated the status change." })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "Indicates if the status was changed automatically or manually." })
  autoChanged!: string | null;

  @Field(() => ID, { nullable: true, description: "The ID of the Admin who initiated the activity (see `updateByAdmin`)." })
  updateBy!: string | null;

  @Field(() => String, { nullable: true, description: "The name of the Admin who initiated the activity." })
  updateByName!: string | null;

  @Field(() => JSONObject, {
    description: "The whole metadata object as Intercom sent it, including keys the document does not describe (e.g. `before`/`after`).",
  })
  raw!: Record<string, unknown>;
}

@ObjectType({ description: "Activities performed by Admins." })
export class ActivityLog {
  @Field(() => ID, { description: "The id representing the activity." })
  id!: string;

  @Field(() => ID, { description: "The id of the admin who performed the activity (see `performedBy`)." })
  performedById!: string;

  @Field(() => String, { nullable: true, description: "The email of the admin who performed the activity." })
  performedByEmail!: string | null;

  @Field(() => String, { nullable: true, description: "The IP address of the admin who performed the activity." })
  performedByIp!: string | null;

  @Field(() => ActivityLogMetadata, { nullable: true, description: "Additional data provided about Admin activity." })
  metadata!: ActivityLogMetadata | null;

  @Field(() => DateTime, { nullable: true, description: "The time the activity was created." })
  createdAt!: Date | null;

  @Field(() => ActivityType, { description: "The type of the activity." })
  activityType!: ActivityType;

  @Field(() => String, { nullable: true, description: "A sentence or two describing the activity." })
  activityDescription!: string | null;
}

export const ActivityLogConnection = ConnectionType(ActivityLog, "ActivityLog");

@InputType({ description: "Away mode of an admin." })
export class SetAdminAwayInput {
  @Field(() => Boolean, { description: "Set to true to change the status of the admin to away." })
  awayModeEnabled!: boolean;

  @Field(() => Boolean, { description: "Set to true to assign any new conversation replies to your default inbox." })
  awayModeReassign!: boolean;
}
