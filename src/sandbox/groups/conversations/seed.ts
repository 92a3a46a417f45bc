// Seeded conversations: 320 threads over the seeded contacts, with realistic parts (comments,
// notes, assignments, closes, snoozes, reopens), statistics, tags, ratings and AI agent runs.
import type { Rng } from "../../rng.js";
import { DAY, HOUR, MINUTE, SEED_BASE_TIME, paragraph, slug } from "../../seeding.js";
import type { Workspace } from "../../workspace.js";
import type { Reference } from "../../records.js";
import type { Admin } from "../admins/records.js";
import type { Contact } from "../contacts/records.js";
import { NOTE_TEXTS } from "../notes/seed.js";
import type { AppliedTag } from "../tags/records.js";
import type { Team } from "../teams/records.js";
import { adminAuthor, contactAuthor, makePart } from "./parts.js";
import type { Conversation, ConversationPart, ConversationStatistics, DeliveredAs, PartAuthor, SourceType } from "./records.js";

export const CONVERSATION_COUNT = 320;

const CONTACT_OPENERS = [
  "Hi, I can't log in to my account since this morning.",
  "Hello! How do I export my invoices as CSV?",
  "The dashboard keeps showing a spinner and never loads.",
  "Can I upgrade from Starter to Growth mid-cycle?",
  "I was charged twice this month, can you check?",
  "Is there an API endpoint for bulk importing users?",
  "Our webhook deliveries started failing with 502 errors.",
  "How do I add a teammate to our workspace?",
  "We'd like a refund for the unused seats.",
  "Does your product support single sign-on with Okta?",
  "The mobile app crashes when I open the reports tab.",
  "I'd love a dark mode, any plans?",
  "Can you help me set up the Slack integration?",
  "My password reset email never arrives.",
  "Where can I find the data processing agreement?",
] as const;
const CONTACT_FOLLOWUPS = [
  "Thanks, that worked!",
  "I tried that but I still see the same error.",
  "Here is a screenshot of what I'm seeing.",
  "Any update on this?",
  "Great, appreciate the quick help.",
  "It happens on both Chrome and Safari.",
  "Our account id is in the email I sent earlier.",
  "Could you escalate this please? It's blocking our launch.",
  "Perfect, thank you so much!",
  "Sorry, one more question about billing.",
] as const;
const ADMIN_REPLIES = [
  "Thanks for reaching out! Let me look into this for you.",
  "Could you share the email address on the account?",
  "I've reset the session on our side, please try again.",
  "You can export invoices from Settings → Billing → Invoices.",
  "I've passed this to our engineering team and will update you shortly.",
  "Good news: the fix has been deployed. Could you confirm it works now?",
  "I've issued the refund; it should appear within 5–10 business days.",
  "Here's our guide on SSO setup: https://docs.northwind.example/sso",
  "Happy to help! Is there anything else I can do for you?",
  "I've upgraded your plan; the change is prorated automatically.",
] as const;
const EMAIL_SUBJECTS = [
  "Invoice question",
  "Problem with login",
  "Request for refund",
  "Partnership enquiry",
  "Webhook failures",
  "Account deletion request",
] as const;
const PAGE_URLS = [
  "https://app.northwind.example/dashboard",
  "https://app.northwind.example/settings/billing",
  "https://app.northwind.example/reports",
  "https://northwind.example/pricing",
] as const;
const ISSUE_TYPES = ["Billing", "Bug", "How-to", "Account", "Integration", "Feature request"] as const;
const RATING_REMARKS = ["Super helpful, thanks!", "Fast and friendly.", "Took a while but solved.", "Not resolved yet.", "Great support as always."] as const;

const SOURCE_TYPES: readonly (readonly [SourceType, number])[] = [
  ["conversation", 34],
  ["email", 18],
  ["whatsapp", 8],
  ["phone_call", 7],
  ["sms", 6],
  ["facebook", 5],
  ["instagram", 5],
  ["push", 5],
  ["twitter", 4],
  ["phone_switch", 5],
];

/** The conversations, over the contacts in a shuffled order (so they spread over many distinct contacts). */
export function seedConversations(ws: Workspace, rng: Rng): void {
  const contactOrder = rng.shuffle(ws.contacts);
  for (let i = 0; i < CONVERSATION_COUNT; i++) ws.conversations.push(seedConversation(rng, ws, i, contactOrder));
}

function teamAuthor(t: Team, app: { id_code: string }): PartAuthor {
  // The schema requires an email for every author; teams get a routing address.
  return { type: "team", id: t.id, name: t.name, email: `${slug(t.name)}+${app.id_code}@northwind.example` };
}

function deliveredAsFor(rng: Rng, type: SourceType): DeliveredAs {
  switch (type) {
    case "conversation":
      return rng.weighted([["customer_initiated", 7], ["operator_initiated", 1], ["automated", 1], ["admin_initiated", 1]] as const);
    case "email":
      return rng.weighted([["customer_initiated", 5], ["admin_initiated", 2], ["campaigns_initiated", 1]] as const);
    case "push":
      return rng.weighted([["automated", 2], ["campaigns_initiated", 1]] as const);
    case "phone_call":
    case "phone_switch":
      return rng.weighted([["customer_initiated", 3], ["admin_initiated", 1]] as const);
    default:
      return "customer_initiated";
  }
}

function seedConversation(rng: Rng, ws: Workspace, index: number, contactOrder: Contact[]): Conversation {
  const id = String(10001 + index);
  const { admins, teams, bot, tags } = ws;
  // Walking a shuffled contact order spreads conversations over many distinct contacts.
  const primary = contactOrder[index % contactOrder.length]!;
  const convContacts = [primary];
  if (rng.chance(0.08)) {
    for (const extra of rng.sample(contactOrder, rng.int(1, 2))) if (!convContacts.includes(extra)) convContacts.push(extra);
  }

  const sourceType = rng.weighted(SOURCE_TYPES);
  const deliveredAs = deliveredAsFor(rng, sourceType);
  // Part count: mostly 2..25, a dozen long threads (38..48), one 520-part thread to
  // exercise the 500-part cap of GET /conversations/{id}.
  const target = index === 7 ? 520 : index % 27 === 5 ? rng.int(38, 48) : rng.int(2, 25);
  const createdAt = SEED_BASE_TIME - (index === 7 ? 200 : rng.int(1, 120)) * DAY - rng.int(0, DAY - 1);
  // Shrink the gaps between parts so the thread ends before the base time.
  const stepScale = Math.min(1, (SEED_BASE_TIME - createdAt - HOUR) / (target * 14 * HOUR));
  const team = rng.pick(teams);
  const teamMembers = admins.filter((a) => team.admin_ids.includes(Number(a.id)));
  const owner = rng.pick(teamMembers.length ? teamMembers : admins);
  const aiAgent = sourceType === "conversation" && rng.chance(0.12);

  const sourceAuthor: PartAuthor =
    deliveredAs === "customer_initiated"
      ? contactAuthor(primary)
      : deliveredAs === "operator_initiated"
        ? { ...bot }
        : adminAuthor(deliveredAs === "admin_initiated" ? owner : admins[0]!);
  const subject = sourceType === "email" ? rng.pick(EMAIL_SUBJECTS) : "";
  const openerText = deliveredAs === "customer_initiated" ? rng.pick(CONTACT_OPENERS) : rng.pick(ADMIN_REPLIES);

  const parts: ConversationPart[] = [];
  const stats: ConversationStatistics = { type: "conversation_statistics", count_reopens: 0, count_assignments: 0, count_conversation_parts: 0 };
  let t = createdAt;
  let state = "open" as "open" | "closed" | "snoozed"; // widened: closures below mutate it
  let snoozedUntil: number | null = null;
  let adminAssignee: number | null = null;
  let teamAssignee: number | null = null;
  let lastCommentBy = (deliveredAs === "customer_initiated" ? "contact" : "admin") as "contact" | "admin";
  let waitingSince: number | null = deliveredAs === "customer_initiated" ? createdAt : null;
  const replyGaps: number[] = [];
  if (deliveredAs === "customer_initiated") {
    stats.first_contact_reply_at = createdAt;
    stats.last_contact_reply_at = createdAt;
  }

  const tick = (): number => {
    const step = rng.weighted([[rng.int(1, 15) * MINUTE, 5], [rng.int(1, 8) * HOUR, 3], [rng.int(1, 3) * DAY, 1]] as const);
    t = Math.min(t + Math.max(MINUTE, Math.round(step * stepScale)), SEED_BASE_TIME - MINUTE);
    return t;
  };
  const push = (part: ConversationPart) => parts.push(part);
  const contactComment = (): void => {
    const who = rng.pick(convContacts);
    const at = tick();
    if (state !== "open") {
      // A customer reply reopens a closed or snoozed conversation.
      if (state === "closed") stats.count_reopens++;
      state = "open";
      snoozedUntil = null;
    }
    push(makePart(ws, "comment", contactAuthor(who), at, paragraph(rng.pick(CONTACT_FOLLOWUPS))));
    stats.first_contact_reply_at ??= at;
    stats.last_contact_reply_at = at;
    if (lastCommentBy === "admin" || waitingSince === null) waitingSince ??= at;
    lastCommentBy = "contact";
  };
  const adminComment = (who: Admin = rng.chance(0.8) ? owner : rng.pick(admins)): void => {
    const at = tick();
    push(makePart(ws, "comment", adminAuthor(who), at, paragraph(rng.pick(ADMIN_REPLIES))));
    if (waitingSince !== null) replyGaps.push(at - waitingSince);
    stats.first_admin_reply_at ??= at;
    stats.time_to_admin_reply ??= at - createdAt;
    stats.last_admin_reply_at = at;
    if (stats.last_assignment_at !== undefined && stats.last_assignment_admin_reply_at === undefined) stats.last_assignment_admin_reply_at = at;
    waitingSince = null;
    lastCommentBy = "admin";
  };
  const assign = (to: { admin?: Admin; team?: Team }, by: PartAuthor): void => {
    const at = tick();
    let ref: Reference;
    if (to.admin) {
      adminAssignee = Number(to.admin.id);
      ref = { type: "admin", id: to.admin.id };
    } else {
      teamAssignee = Number(to.team!.id);
      ref = { type: "team", id: to.team!.id };
    }
    push(makePart(ws, "assignment", by, at, null, ref));
    stats.count_assignments++;
    stats.first_assignment_at ??= at;
    stats.time_to_assignment ??= at - createdAt;
    stats.last_assignment_at = at;
    stats.last_assignment_admin_reply_at = undefined;
  };
  const close = (who: Admin): void => {
    const at = tick();
    push(makePart(ws, "close", adminAuthor(who), at, rng.chance(0.3) ? paragraph("Closing this out — reply any time if you need more help.") : null));
    state = "closed";
    snoozedUntil = null;
    waitingSince = null;
    stats.first_close_at ??= at;
    stats.time_to_first_close ??= at - createdAt;
    stats.last_close_at = at;
    stats.time_to_last_close = at - createdAt;
    stats.last_closed_by_id = who.id;
  };
  const snooze = (who: Admin): void => {
    const at = tick();
    push(makePart(ws, "snoozed", adminAuthor(who), at, null));
    state = "snoozed";
    snoozedUntil = at + rng.int(1, 14) * DAY;
    waitingSince = null;
  };
  const reopen = (who: Admin): void => {
    const at = tick();
    push(makePart(ws, "open", adminAuthor(who), at, null));
    if (state === "closed") stats.count_reopens++;
    state = "open";
    snoozedUntil = null;
  };

  // Routing at the start: most conversations are assigned to a team (by the Operator
  // bot or a team rule) and then picked up by an admin.
  if (aiAgent) {
    push(makePart(ws, "comment", { ...bot, name: "Fin" }, tick(), paragraph("Hi! I'm Fin, an AI agent. Here's an article that might help.")));
  }
  const neverAssigned = rng.chance(0.12);
  if (!neverAssigned) {
    assign({ team }, rng.chance(0.7) ? { ...bot } : teamAuthor(team, ws.app));
    if (rng.chance(0.85)) assign({ admin: owner }, rng.chance(0.5) ? adminAuthor(owner) : teamAuthor(team, ws.app));
  }

  const finalState = rng.weighted([["closed", 5], ["open", 3], ["snoozed", 2]] as const);
  const reserve = finalState === "open" ? 0 : 1;
  while (parts.length < target - reserve) {
    const event = rng.weighted([
      ["contact", lastCommentBy === "admin" ? 5 : 2],
      ["admin", lastCommentBy === "contact" ? 5 : 2],
      ["note", 1],
      ["reassign", neverAssigned ? 0 : 0.5],
      ["close", state === "open" ? 0.6 : 0],
      ["snooze", state === "open" ? 0.3 : 0],
      ["reopen", state !== "open" ? 2 : 0],
    ] as const);
    if (event === "contact") contactComment();
    else if (event === "admin") adminComment();
    else if (event === "note") push(makePart(ws, "note", adminAuthor(rng.pick(admins)), tick(), paragraph(rng.pick(NOTE_TEXTS))));
    else if (event === "reassign") assign({ admin: rng.pick(admins) }, { ...bot });
    else if (event === "close") close(rng.chance(0.8) ? owner : rng.pick(admins));
    else if (event === "snooze") snooze(owner);
    else reopen(owner);
  }
  if (finalState === "closed") {
    if (state !== "closed") close(rng.chance(0.8) ? owner : rng.pick(admins));
  } else if (finalState === "snoozed") {
    if (state === "closed") reopen(owner);
    if (state !== "snoozed") snooze(owner);
  } else if (state !== "open") {
    reopen(owner);
  }

  const teammateIds = [...new Set(parts.filter((x) => x.author.type === "admin").map((x) => x.author.id))];
  stats.count_conversation_parts = parts.length;
  if (replyGaps.length) {
    const sorted = [...replyGaps].sort((a, b) => a - b);
    stats.median_time_to_reply = sorted[Math.floor(sorted.length / 2)]!;
  }
  if (stats.last_assignment_admin_reply_at === undefined) delete stats.last_assignment_admin_reply_at;
  const updatedAt = parts.length ? parts[parts.length - 1]!.created_at : createdAt;

  const convTags: AppliedTag[] = rng.sample(tags, rng.weighted([[0, 5], [1, 4], [2, 2]] as const)).map((tag) => ({
    ...tag,
    applied_at: createdAt + rng.int(1, 120) * MINUTE,
    applied_by: { type: "admin", id: rng.pick(admins).id },
  }));

  const conversation: Conversation = {
    type: "conversation",
    id,
    title: sourceType === "email" ? subject : rng.chance(0.1) ? rng.pick(CONTACT_OPENERS).replace(/[.!?]$/, "") : null,
    created_at: createdAt,
    updated_at: updatedAt,
    waiting_since: state === "open" && lastCommentBy === "contact" ? waitingSince : null,
    snoozed_until: state === "snoozed" ? snoozedUntil : null,
    open: state !== "closed",
    state,
    read: rng.chance(lastCommentBy === "admin" ? 0.9 : 0.4),
    priority: rng.chance(0.15) ? "priority" : "not_priority",
    admin_assignee_id: adminAssignee,
    team_assignee_id: teamAssignee,
    tags: { type: "tag.list", tags: convTags },
    source: {
      type: sourceType,
      id: String(403900001 + index),
      delivered_as: deliveredAs,
      subject,
      body: paragraph(openerText),
      author: sourceAuthor,
      attachments: [],
      url: sourceType === "conversation" && deliveredAs === "customer_initiated" ? rng.pick(PAGE_URLS) : null,
      redacted: false,
    },
    contacts: { type: "contact.list", contacts: convContacts.map((c) => ({ type: "contact", id: c.id, external_id: c.external_id })) },
    teammates: { type: "admin.list", teammates: teammateIds.map((tid) => ({ type: "admin", id: tid })) },
    custom_attributes: rng.chance(0.6)
      ? { issue_type: rng.pick(ISSUE_TYPES), ...(rng.chance(0.3) ? { order_id: `ORD-${rng.int(10000, 99999)}` } : {}) }
      : {},
    topics: {},
    sla_applied: rng.chance(0.2)
      ? { type: "conversation_sla_summary", sla_name: rng.pick(["VIP response", "Standard 8h"]), sla_status: rng.pick(["hit", "missed", "active"] as const) }
      : null,
    statistics: stats,
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ai_agent_participated: aiAgent,
    ai_agent: aiAgent
      ? {
          source_type: "workflow",
          source_title: "Fin — Billing & Accounts",
          last_answer_type: rng.pick(["ai_answer", "custom_answer"] as const),
          resolution_state: rng.pick(["assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"] as const),
          rating: rng.chance(0.5) ? rng.int(1, 5) : null,
          rating_remark: null,
          content_sources: {
            type: "content_source.list",
            total_count: 1,
            content_sources: [{ content_type: "article", url: "/help/en/articles/8205718-billing-faq", title: "Billing FAQ", locale: "en" }],
          },
        }
      : null,
    conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length },
  };
  if (stats.first_contact_reply_at !== undefined) {
    conversation.first_contact_reply = {
      created_at: stats.first_contact_reply_at,
      type: sourceType === "conversation" ? "conversation" : sourceType,
      url: conversation.source.url,
    };
  }
  if (state === "closed" && teammateIds.length && rng.chance(0.35)) {
    const rater = rng.pick(convContacts);
    conversation.conversation_rating = {
      rating: rng.int(1, 5),
      remark: rng.pick(RATING_REMARKS),
      created_at: updatedAt + rng.int(5, 120) * MINUTE,
      contact: { type: "contact", id: rater.id, external_id: rater.external_id },
      teammate: { type: "admin", id: adminAssignee !== null ? String(adminAssignee) : teammateIds[0]! },
    };
  }
  return conversation;
}
