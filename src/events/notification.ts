/**
 * The notification envelope Intercom posts (docs/webhooks.md): `type: "notification_event"`,
 * `id`, `topic`, `app_id`, `created_at` (Unix seconds), `data.item` (the object the topic is
 * about), and delivery bookkeeping. Parsed only after its signature checked out; every string
 * in it is still held to a closed form before anything uses it (a log line, a metric label, a
 * Redis key, a filter).
 */

export type EventKind = "conversation" | "contact" | "ticket";

/** A verified, well-formed notification. */
export interface Notification {
  /** Intercom's notification id (`notif_…`): what de-duplication keys on. */
  id: string;
  topic: string;
  /** The workspace (app `id_code`) the event happened in. */
  appId: string;
  /** When Intercom created the notification, Unix seconds. */
  createdAt: number;
  /** The object the topic is about, as the REST API shapes it (`conversation`, `contact`, `ticket`, `ping`, …). */
  item: Record<string, unknown>;
  /** How many times Intercom tried to deliver it (1 on the first try), when it says. */
  deliveryAttempts: number | null;
  /** When Intercom first sent it, Unix seconds, when it says. */
  firstSentAt: number | null;
}

// Topics from Intercom's webhook models (2.x; docs/webhooks.md). Topics of a family this list
// does not know are still delivered (as OTHER); their label in metrics is "other".
export const CONVERSATION_TOPICS = [
  "conversation.user.created",
  "conversation.user.replied",
  "conversation.admin.replied",
  "conversation.admin.single.created",
  "conversation.admin.assigned",
  "conversation.admin.noted",
  "conversation.admin.closed",
  "conversation.admin.opened",
  "conversation.admin.snoozed",
  "conversation.admin.unsnoozed",
  "conversation_part.tag.created",
  "conversation_part.redacted",
  "conversation.deleted",
  "conversation.contact.attached",
  "conversation.contact.detached",
  "conversation.priority.updated",
  "conversation.rating.added",
] as const;

export const CONTACT_TOPICS = [
  "contact.user.created",
  "contact.lead.created",
  "contact.user.updated",
  "contact.lead.updated",
  "contact.lead.signed_up",
  "contact.email.updated",
  "contact.user.tag.created",
  "contact.user.tag.deleted",
  "contact.lead.tag.created",
  "contact.lead.tag.deleted",
  "contact.subscribed",
  "contact.unsubscribed",
  "contact.archived",
  "contact.unarchived",
  "contact.merged",
  "contact.deleted",
] as const;

export const TICKET_TOPICS = [
  "ticket.created",
  "ticket.state.updated",
  "ticket.admin.assigned",
  "ticket.team.assigned",
  "ticket.admin.replied",
  "ticket.contact.replied",
  "ticket.note.created",
  "ticket.attribute.updated",
  "ticket.contact.attached",
  "ticket.contact.detached",
  "ticket.rating.provided",
] as const;

/** Topics that only keep caches honest (no subscription serves them). */
export const WORKSPACE_TOPICS = ["admin.away_mode_updated", "admin.added_to_workspace", "admin.removed_from_workspace", "ping"] as const;

export const KNOWN_TOPICS: ReadonlySet<string> = new Set<string>([...CONVERSATION_TOPICS, ...CONTACT_TOPICS, ...TICKET_TOPICS, ...WORKSPACE_TOPICS]);

/** The subscription family a topic belongs to, if any. */
export function kindOf(topic: string): EventKind | undefined {
  if (topic.startsWith("conversation.") || topic.startsWith("conversation_part.")) return "conversation";
  if (topic.startsWith("contact.")) return "contact";
  if (topic.startsWith("ticket.")) return "ticket";
  return undefined;
}

/** A topic as a metric label: itself when known, else "other" (the label set stays closed). */
export function topicLabel(topic: string): string {
  return KNOWN_TOPICS.has(topic) ? topic : "other";
}

const NOTIFICATION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const TOPIC = /^[a-z_]{1,40}(\.[a-z_]{1,40}){0,5}$/;
const APP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A JSON object (not null, not an array): what every untrusted payload here must be before it is read. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const unixOrNull = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null);

/** Deepest nesting accepted in a notification: Intercom's objects are a few levels deep; deeper would overflow recursive serialisers later. */
export const MAX_NOTIFICATION_DEPTH = 64;

/** How deep `value` nests objects and arrays, counted without recursion (stops past `limit`). */
function depthOver(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * The notification in a parsed body, or what is wrong with it (a short fixed phrase, safe to
 * log and to answer with: it never quotes the body).
 */
export function parseNotification(body: unknown): Notification | { problem: string } {
  if (!isObject(body)) return { problem: "the body is not a JSON object" };
  if (depthOver(body, MAX_NOTIFICATION_DEPTH)) return { problem: `it nests deeper than ${MAX_NOTIFICATION_DEPTH} levels` };
  if (body.type !== "notification_event") return { problem: 'type is not "notification_event"' };
  const { id, topic, app_id: appId, created_at: createdAt, data } = body;
  if (typeof id !== "string" || !NOTIFICATION_ID.test(id)) return { problem: "id is missing or not a notification id" };
  if (typeof topic !== "string" || !TOPIC.test(topic)) return { problem: "topic is missing or not a topic" };
  if (typeof appId !== "string" || !APP_ID.test(appId)) return { problem: "app_id is missing or not an app id" };
  const created = unixOrNull(createdAt);
  if (created === null) return { problem: "created_at is missing or not a Unix time" };
  if (!isObject(data) || !isObject(data.item)) return { problem: "data.item is missing or not an object" };
  const attempts = body.delivery_attempts;
  return {
    id,
    topic,
    appId,
    createdAt: created,
    item: data.item,
    deliveryAttempts: typeof attempts === "number" && Number.isInteger(attempts) && attempts >= 0 ? attempts : null,
    firstSentAt: unixOrNull(body.first_sent_at),
  };
}
