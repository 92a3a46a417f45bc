import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Each write returns the changed conversation, and the next read sees it. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.resetUpstream());

const FIELDS = `id state open read snoozedUntil adminAssigneeId teamAssigneeId customAttributes
  adminAssignee { id } teamAssignee { id }
  conversationParts { totalCount nodes { partType body authorId author { __typename } } }`;

async function readBack(id: string) {
  const res = await stack.query(`query ($id: ID!) { conversation(id: $id) { ${FIELDS} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.conversation;
}

const ws = () => stack.sandbox.workspace;
const openConversation = (skip = 0) => ws().conversations.filter((c) => c.state === "open")[skip]!;

describe("conversation writes", () => {
  it("replyToConversation as an admin adds a comment part written by that admin", async () => {
    const conversation = openConversation(0);
    const admin = ws().admins[1]!;
    const before = conversation.conversation_parts.total_count;
    const res = await stack.query(
      `mutation ($id: ID!, $input: ReplyToConversationInput!) { replyToConversation(id: $id, input: $input) { ${FIELDS} } }`,
      { id: conversation.id, input: { admin: { adminId: admin.id, messageType: "COMMENT", body: "<p>On it!</p>" } } },
    );
    expect(res.errors).toBeUndefined();
    const last = res.data.replyToConversation.conversationParts.nodes.at(-1);
    expect(last).toMatchObject({ partType: "comment", body: "<p>On it!</p>", authorId: admin.id, author: { __typename: "Admin" } });
    expect(res.data.replyToConversation.conversationParts.totalCount).toBe(before + 1);
    expect(stack.upstream().map((r) => r.body)).toContainEqual(
      expect.objectContaining({ message_type: "comment", type: "admin", admin_id: admin.id, body: "<p>On it!</p>" }),
    );
    const again = await readBack(conversation.id);
    expect(again.conversationParts.nodes.at(-1).body).toBe("<p>On it!</p>");
  });

  it("replyToConversation as a contact adds a part written by the contact", async () => {
    const conversation = openConversation(1);
    const contactId = conversation.contacts.contacts[0]!.id;
    const res = await stack.query(
      `mutation ($id: ID!, $input: ReplyToConversationInput!) { replyToConversation(id: $id, input: $input) { ${FIELDS} } }`,
      { id: conversation.id, input: { contact: { intercomUserId: contactId, body: "Thanks, that worked" } } },
    );
    expect(res.errors).toBeUndefined();
    const last = res.data.replyToConversation.conversationParts.nodes.at(-1);
    expect(last).toMatchObject({ body: "Thanks, that worked", authorId: contactId, author: { __typename: "Contact" } });
  });

  it("rejects a reply that is both or neither admin and contact, before any upstream call", async () => {
    const conversation = openConversation(0);
    const both = await stack.query(
      `mutation ($id: ID!) { replyToConversation(id: $id, input: { admin: { adminId: "1", body: "x" }, contact: { email: "a@b.c", body: "y" } }) { id } }`,
      { id: conversation.id },
    );
    const neither = await stack.query(`mutation ($id: ID!) { replyToConversation(id: $id, input: {}) { id } }`, { id: conversation.id });
    const twoIdentities = await stack.query(
      `mutation ($id: ID!) { replyToConversation(id: $id, input: { contact: { email: "a@b.c", userId: "u1", body: "y" } }) { id } }`,
      { id: conversation.id },
    );
    for (const res of [both, neither, twoIdentities]) {
      expect(res.data).toEqual({ replyToConversation: null });
      expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    }
    expect(stack.upstream()).toHaveLength(0);
  });

  it("close, then open, then snooze, each returning and persisting the new state", async () => {
    const conversation = openConversation(2);
    const admin = ws().admins[0]!;
    const run = async (mutation: string, input: Record<string, unknown>) => {
      const res = await stack.query(
        `mutation ($id: ID!, $input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(id: $id, input: $input) { ${FIELDS} } }`,
        { id: conversation.id, input },
      );
      expect(res.errors).toBeUndefined();
      return res.data[mutation];
    };

    const closed = await run("closeConversation", { adminId: admin.id, body: "Closing, reply to reopen" });
    expect(closed).toMatchObject({ state: "CLOSED", open: false });
    expect(closed.conversationParts.nodes.at(-1).partType).toBe("close");
    expect((await readBack(conversation.id)).state).toBe("CLOSED");

    const opened = await run("openConversation", { adminId: admin.id });
    expect(opened).toMatchObject({ state: "OPEN", open: true });
    expect((await readBack(conversation.id)).state).toBe("OPEN");

    const until = new Date(Date.UTC(2030, 0, 1, 9, 0, 0));
    const snoozed = await run("snoozeConversation", { adminId: admin.id, snoozedUntil: until.toISOString() });
    expect(snoozed).toMatchObject({ state: "SNOOZED", snoozedUntil: until.toISOString() });
    expect((await readBack(conversation.id)).snoozedUntil).toBe(until.toISOString());
  });

  it("assignConversation to an admin and to a team updates the assignees and their links", async () => {
    const conversation = openConversation(3);
    const admin = ws().admins[0]!;
    const assignee = ws().admins.find((a) => a.id !== String(conversation.admin_assignee_id))!;
    const team = ws().teams.find((t) => t.id !== String(conversation.team_assignee_id))!;
    const assign = (type: string, id: string) =>
      stack.query(
        `mutation ($id: ID!, $input: AssignConversationInput!) { assignConversation(id: $id, input: $input) { ${FIELDS} } }`,
        { id: conversation.id, input: { adminId: admin.id, assigneeType: type, assigneeId: id } },
      );
    const toAdmin = await assign("ADMIN", assignee.id);
    expect(toAdmin.errors).toBeUndefined();
    expect(toAdmin.data.assignConversation).toMatchObject({ adminAssigneeId: assignee.id, adminAssignee: { id: assignee.id } });
    const toTeam = await assign("TEAM", team.id);
    expect(toTeam.data.assignConversation).toMatchObject({ teamAssigneeId: team.id, teamAssignee: { id: team.id } });
    const again = await readBack(conversation.id);
    expect(again.adminAssigneeId).toBe(assignee.id);
    expect(again.teamAssigneeId).toBe(team.id);
  });

  it("updateConversation marks read and sets custom attributes", async () => {
    const conversation = ws().conversations.find((c) => !c.read)!;
    const res = await stack.query(
      `mutation ($id: ID!) { updateConversation(id: $id, input: { read: true, customAttributes: { issue_type: "Billing", priority_score: 3 } }) { ${FIELDS} } }`,
      { id: conversation.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateConversation.read).toBe(true);
    expect(res.data.updateConversation.customAttributes).toMatchObject({ issue_type: "Billing", priority_score: 3 });
    const again = await readBack(conversation.id);
    expect(again.read).toBe(true);
    expect(again.customAttributes).toMatchObject({ issue_type: "Billing", priority_score: 3 });
  });

  it("a read after a write in the same request sees the write, not a copy from before it", async () => {
    const conversation = openConversation(4);
    const admin = ws().admins[0]!;
    // Read first (primes the loader), write, then read again in the same operation.
    const res = await stack.query(
      `mutation ($id: ID!, $admin: ID!) {
        closeConversation(id: $id, input: { adminId: $admin }) { id state }
      }`,
      { id: conversation.id, admin: admin.id },
    );
    expect(res.data.closeConversation.state).toBe("CLOSED");
    const next = await readBack(conversation.id);
    expect(next.state).toBe("CLOSED");
  });
});
