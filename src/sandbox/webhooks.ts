// The sandbox's webhooks: like Intercom, it notifies a configured URL of its own writes, with the
// real envelope (`type: "notification_event"`, `id`, `topic`, `app_id`, `created_at`,
// `data.item`) signed as Intercom signs (`X-Hub-Signature: sha1=` HMAC-SHA1 of the body with the
// app's client secret). The topic comes from the write (a reply, a note, an assignment, a close,
// a contact update, a ticket change…) and the item is the object as the REST API answers it
// (a conversation carries only its latest part, as in Intercom's notifications). On request it
// also simulates customers: new conversations and contact replies on a timer, through its own API.
// One module, hooked in by one middleware: it only watches requests, it changes none.
import { createHmac, randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Workspace } from "./workspace.js";

export interface WebhookTarget {
  /** Where notifications are POSTed (the gateway's webhook receiver). */
  url: string;
  /** The app's client secret they are signed with. */
  secret: string;
}

export interface WebhookEmitter {
  /** Watches every request; notifies for successful writes once their answer is sent. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** Where to send notifications (none until configured). */
  configure(target: WebhookTarget | undefined): void;
  /** Starts simulated customer activity through the sandbox's own API at `baseUrl`, every `intervalMs`; 0 stops it. */
  simulate(intervalMs: number, baseUrl: string): void;
  /** Notifications sent so far (delivered or not), for tests. */
  readonly sent: ReadonlyArray<{ id: string; topic: string; status: number | null }>;
  /** Resolves when every notification in flight has been answered. */
  idle(): Promise<void>;
  close(): void;
}

type Item = Record<string, unknown>;
interface Pending {
  topic: string;
  item: Item;
}

/** Notifications waiting or in flight at most; past it new ones are dropped (the sandbox's memory stays bounded). */
const MAX_IN_FLIGHT = 1000;
/** Sent notifications remembered for `sent`. */
const MAX_REMEMBERED = 500;

const clone = <T>(value: T): T => structuredClone(value);

/** A conversation as a notification carries it: the REST object with only its latest part. */
function conversationItem(ws: Workspace, id: unknown): Item | undefined {
  const conversation = ws.conversations.find((c) => c.id === String(id));
  if (!conversation) return undefined;
  const item = clone(conversation) as unknown as Item & { conversation_parts: { conversation_parts: unknown[]; total_count: number } };
  const parts = item.conversation_parts.conversation_parts.slice(-1);
  item.conversation_parts = { ...item.conversation_parts, conversation_parts: parts, total_count: parts.length };
  return item;
}

const contactRole = (contact: Item | undefined) => (contact?.role === "lead" ? "lead" : "user");

/** The operation the router served a request with (set on `res.locals.operation` by the sandbox's matcher). */
export interface ServedOperation {
  operationId: string;
  params: Record<string, string>;
}

/** What Intercom would notify for a successful write, if anything: by the operation it was. */
function notificationsFor(ws: Workspace, { operationId, params }: ServedOperation, body: Item, answer: Item): Pending[] {
  const kind = String(body.message_type ?? "");
  const conversation = (topic: string, id: unknown = params.conversation_id): Pending[] => {
    const item = conversationItem(ws, id);
    return item ? [{ topic, item }] : [];
  };
  const contactTag = (change: "created" | "deleted"): Pending[] => {
    const id = params.contact_id!;
    const role = contactRole(ws.contacts.find((c) => c.id === id) as unknown as Item | undefined);
    return [{ topic: `contact.${role}.tag.${change}`, item: { type: "contact_tag", created_at: Math.floor(Date.now() / 1000), tag: answer, contact: { type: "contact", id, role } } }];
  };
  switch (operationId) {
    case "replyConversation":
      if (body.type === "user" || body.type === "contact" || body.type === "lead") return conversation("conversation.user.replied");
      return conversation(kind === "note" ? "conversation.admin.noted" : "conversation.admin.replied");
    case "manageConversation": {
      const topic = { close: "conversation.admin.closed", open: "conversation.admin.opened", snoozed: "conversation.admin.snoozed", assignment: "conversation.admin.assigned" }[kind];
      return topic ? conversation(topic) : [];
    }
    case "attachTagToConversation":
      return conversation("conversation_part.tag.created");
    case "attachContactToConversation":
      return conversation("conversation.contact.attached");
    case "detachContactFromConversation":
      return conversation("conversation.contact.detached");
    case "createConversation":
      return conversation("conversation.user.created", answer.conversation_id);
    case "createMessage":
      return conversation("conversation.admin.single.created", answer.conversation_id);
    case "CreateContact":
      return [{ topic: `contact.${contactRole(answer)}.created`, item: answer }];
    case "UpdateContact":
      return [{ topic: `contact.${contactRole(answer)}.updated`, item: answer }];
    case "DeleteContact":
      return [{ topic: "contact.deleted", item: { type: "contact", id: answer.id ?? params.contact_id, external_id: answer.external_id ?? null } }];
    case "ArchiveContact":
      return [{ topic: "contact.archived", item: { type: "contact", id: params.contact_id } }];
    case "UnarchiveContact":
      return [{ topic: "contact.unarchived", item: { type: "contact", id: params.contact_id } }];
    case "attachTagToContact":
      return contactTag("created");
    case "detachTagFromContact":
      return contactTag("deleted");
    case "createTicket":
      return [{ topic: "ticket.created", item: answer }];
    case "updateTicket": {
      const topics: string[] = [];
      if (body.state !== undefined) topics.push("ticket.state.updated");
      const assignment = (body.assignment ?? {}) as Item;
      if (assignment.assignee_id !== undefined) topics.push(String(assignment.assignee_id).length > 0 && ws.admins.some((a) => String(a.id) === String(assignment.assignee_id)) ? "ticket.admin.assigned" : "ticket.team.assigned");
      if (body.ticket_attributes !== undefined) topics.push("ticket.attribute.updated");
      return topics.map((topic) => ({ topic, item: answer }));
    }
    case "replyTicket": {
      const topic = body.type === "user" || body.type === "contact" ? "ticket.contact.replied" : kind === "note" ? "ticket.note.created" : "ticket.admin.replied";
      return [{ topic, item: answer }];
    }
    case "setAwayAdmin":
      return [{ topic: "admin.away_mode_updated", item: answer }];
    default:
      return [];
  }
}

export function createWebhookEmitter(ws: Workspace, initial?: WebhookTarget): WebhookEmitter {
  let target = initial;
  let timer: NodeJS.Timeout | undefined;
  let inFlight = 0;
  const sent: Array<{ id: string; topic: string; status: number | null }> = [];
  const waiting = new Set<() => void>();
  const settled = () => {
    if (inFlight === 0) for (const resolve of waiting) resolve();
    if (inFlight === 0) waiting.clear();
  };

  async function deliver(pending: Pending): Promise<void> {
    const to = target;
    if (!to) return;
    const now = Math.floor(Date.now() / 1000);
    const envelope = {
      type: "notification_event",
      app_id: ws.app.id_code,
      data: { type: "notification_event_data", item: pending.item },
      links: {},
      id: `notif_${randomUUID()}`,
      topic: pending.topic,
      delivery_status: "pending",
      delivery_attempts: 1,
      delivered_at: 0,
      first_sent_at: now,
      created_at: now,
      self: null,
    };
    const record = { id: envelope.id, topic: envelope.topic, status: null as number | null };
    sent.push(record);
    if (sent.length > MAX_REMEMBERED) sent.shift();
    // Intercom delivers at least once: a failed attempt is tried once more, a little later.
    for (let attempt = 1; attempt <= 2; attempt++) {
      envelope.delivery_attempts = attempt;
      const body = JSON.stringify(envelope);
      try {
        const res = await fetch(to.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "intercom-sandbox-webhooks",
            "x-hub-signature": `sha1=${createHmac("sha1", to.secret).update(body).digest("hex")}`,
          },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        await res.arrayBuffer();
        record.status = res.status;
        if (res.status < 500) return;
      } catch {
        record.status = 0;
      }
      if (attempt === 1) await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
    }
  }

  const emit = (pending: Pending) => {
    if (!target || inFlight >= MAX_IN_FLIGHT) return;
    inFlight++;
    void deliver(pending).finally(() => {
      inFlight--;
      settled();
    });
  };

  /** One simulated customer action through the sandbox's own API: a new conversation, or a contact's reply. */
  async function act(baseUrl: string): Promise<void> {
    const headers = { authorization: "Bearer sandbox-activity", "content-type": "application/json", "intercom-version": "2.11" };
    const contacts = ws.contacts.filter((c) => c.role === "user" || c.role === "lead");
    const contact = contacts[Math.floor(Math.random() * contacts.length)];
    if (!contact) return;
    const open = ws.conversations.filter((c) => c.state === "open" && c.contacts.contacts.some((x) => x.id === contact.id));
    const lines = ["Hi, I have a question about my invoice.", "The export keeps failing, can you help?", "Thanks! One more thing…", "Is there an update on this?", "It works now, thank you."];
    const line = lines[Math.floor(Math.random() * lines.length)]!;
    if (open.length > 0 && Math.random() < 0.6) {
      const conversation = open[Math.floor(Math.random() * open.length)]!;
      await fetch(`${baseUrl}/conversations/${conversation.id}/reply`, { method: "POST", headers, body: JSON.stringify({ message_type: "comment", type: "user", intercom_user_id: contact.id, body: line }) });
    } else {
      await fetch(`${baseUrl}/conversations`, { method: "POST", headers, body: JSON.stringify({ from: { type: contact.role === "lead" ? "lead" : "user", id: contact.id }, body: line }) });
    }
  }

  return {
    middleware(req, res, next) {
      if (!target || req.method === "GET" || req.method === "HEAD") return next();
      // The answer a write sends is the object Intercom would notify about: keep it.
      let answer: unknown;
      const json = res.json.bind(res);
      res.json = (value: unknown) => {
        answer = value;
        return json(value);
      };
      res.once("finish", () => {
        if (res.statusCode < 200 || res.statusCode > 299) return;
        // Only operations the router served notify; it says which one it was.
        const operation = res.locals.operation as ServedOperation | undefined;
        if (!operation) return;
        const body = typeof req.body === "object" && req.body !== null ? (req.body as Item) : {};
        const item = typeof answer === "object" && answer !== null ? (answer as Item) : {};
        try {
          for (const pending of notificationsFor(ws, operation, body, item)) emit({ topic: pending.topic, item: clone(pending.item) });
        } catch {
          // A notification the sandbox cannot build is one it does not send.
        }
      });
      next();
    },
    configure(next) {
      target = next;
    },
    simulate(intervalMs, baseUrl) {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (intervalMs > 0) {
        timer = setInterval(() => void act(baseUrl).catch(() => undefined), intervalMs);
        timer.unref();
      }
    },
    get sent() {
      return sent;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.add(resolve))),
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      target = undefined;
    },
  };
}
