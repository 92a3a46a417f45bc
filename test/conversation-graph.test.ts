import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, walkPages, type Stack } from "./support/stack.js";

/** The conversation graph returns the sandbox's data, linked to real objects. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const iso = (seconds: number | null | undefined) => (typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : null);

describe("root fields", () => {
  it("me, admins, admin(id), teams, team(id), contact(id) return the workspace's data", async () => {
    const ws = stack.sandbox.workspace;
    const admin = ws.admins[2]!;
    const team = ws.teams[1]!;
    const contact = ws.contacts[7]!;
    const res = await stack.query(
      `query ($admin: ID!, $team: ID!, $contact: ID!) {
        me { id name email app { name } }
        admins { id name email awayModeEnabled teamIds }
        admin(id: $admin) { id name jobTitle teams { id name } }
        teams { id name adminIds }
        team(id: $team) { id name admins { id name } }
        contact(id: $contact) { id name email role createdAt customAttributes owner { id name } }
      }`,
      { admin: admin.id, team: team.id, contact: contact.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.me.id).toBe(ws.admins[0]!.id);
    expect(res.data.me.app.name).toBe(ws.app.name);
    expect(res.data.admins.map((a: any) => a.id)).toEqual(ws.admins.map((a) => a.id));
    expect(res.data.admin).toMatchObject({ id: admin.id, name: admin.name, jobTitle: admin.job_title });
    expect(res.data.admin.teams.map((t: any) => t.id).sort()).toEqual(admin.team_ids.map(String).sort());
    expect(res.data.teams).toHaveLength(ws.teams.length);
    expect(res.data.team.admins.map((a: any) => a.id).sort()).toEqual(team.admin_ids.map(String).sort());
    expect(res.data.contact).toMatchObject({
      id: contact.id,
      name: contact.name,
      email: contact.email,
      role: contact.role.toUpperCase(),
      createdAt: iso(contact.created_at),
    });
    if (contact.owner_id !== null) expect(res.data.contact.owner.id).toBe(String(contact.owner_id));
  });

  it("unknown ids answer null with NOT_FOUND", async () => {
    const res = await stack.query(`{ admin(id: "1") { id } team(id: "2") { id } contact(id: "000000000000000000000000") { id } }`);
    expect(res.data).toEqual({ admin: null, team: null, contact: null });
    expect(res.errors!.map((e) => e.extensions!.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
  });
});

describe("conversation", () => {
  it("mirrors the REST model with DateTime timestamps, enums and resolved links", async () => {
    const ws = stack.sandbox.workspace;
    const rest = ws.conversations.find(
      (c) => c.admin_assignee_id !== null && c.team_assignee_id !== null && c.conversation_rating && c.tags.tags.length > 0,
    )!;
    expect(rest).toBeDefined();
    const res = await stack.query(
      `query ($id: ID!) { conversation(id: $id) {
        id title createdAt updatedAt waitingSince snoozedUntil open state read priority
        adminAssigneeId adminAssignee { id name email }
        teamAssigneeId teamAssignee { id name }
        tags { id name appliedAt appliedBy { id } }
        conversationRating { rating remark createdAt contactId contact { id email } teammateId teammate { id name } }
        source { type id deliveredAs subject body authorType authorId url redacted attachments { url } }
        contactIds contacts { id email }
        teammateIds teammates { id name }
        customAttributes
        statistics { countConversationParts lastCloseAt timeToAdminReply }
        firstContactReply { createdAt type }
        slaApplied { slaName slaStatus }
        linkedObjects { totalCount hasMore nodes { id type } }
        aiAgentParticipated
        conversationParts { totalCount nodes { id partType body createdAt authorType authorId redacted } }
      } }`,
      { id: rest.id },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data.conversation;
    expect(c).toMatchObject({
      id: rest.id,
      title: rest.title,
      createdAt: iso(rest.created_at),
      updatedAt: iso(rest.updated_at),
      open: rest.open,
      state: rest.state.toUpperCase(),
      read: rest.read,
      priority: rest.priority.toUpperCase(),
      adminAssigneeId: String(rest.admin_assignee_id),
      teamAssigneeId: String(rest.team_assignee_id),
      customAttributes: rest.custom_attributes,
    });
    const admin = ws.admins.find((a) => a.id === String(rest.admin_assignee_id))!;
    expect(c.adminAssignee).toEqual({ id: admin.id, name: admin.name, email: admin.email });
    expect(c.teamAssignee.name).toBe(ws.teams.find((t) => t.id === String(rest.team_assignee_id))!.name);
    expect(c.source.type).toBe(rest.source.type.toUpperCase());
    expect(c.source.authorId).toBe(String(rest.source.author.id));
    expect(c.contactIds).toEqual(rest.contacts.contacts.map((x) => x.id));
    expect(c.contacts.map((x: any) => x.id)).toEqual(c.contactIds);
    expect(c.teammates.map((x: any) => x.id)).toEqual(c.teammateIds);
    expect(c.tags.map((t: any) => t.name)).toEqual(rest.tags.tags.map((t) => t.name));
    expect(c.conversationRating.rating).toBe(rest.conversation_rating!.rating);
    expect(c.conversationRating.contact.id).toBe(rest.conversation_rating!.contact.id);
    expect(c.conversationRating.teammate.id).toBe(String(rest.conversation_rating!.teammate.id));
    expect(c.conversationParts.totalCount).toBe(rest.conversation_parts.total_count);
    expect(c.conversationParts.nodes.map((p: any) => p.id)).toEqual(
      rest.conversation_parts.conversation_parts.map((p) => String(p.id)),
    );
  });

  it("resolves part authors to Admin, Contact, Team or Bot by their type", async () => {
    const ws = stack.sandbox.workspace;
    const seen = new Map<string, string>();
    for (const rest of ws.conversations.slice(0, 60)) {
      const res = await stack.query(
        `query ($id: ID!) { conversation(id: $id) { conversationParts { nodes { authorType authorId
          author { __typename id name } } } } }`,
        { id: rest.id },
      );
      expect(res.errors).toBeUndefined();
      for (const part of res.data.conversation.conversationParts.nodes) {
        expect(part.author.id).toBe(part.authorId);
        seen.set(part.authorType, part.author.__typename);
      }
    }
    expect(seen.get("admin")).toBe("Admin");
    expect(seen.get("user")).toBe("Contact");
    expect(seen.get("bot")).toBe("Bot");
    if (seen.has("lead")) expect(seen.get("lead")).toBe("Contact");
    if (seen.has("team")) expect(seen.get("team")).toBe("Team");
  });

  it("conversationParts on a listed conversation fetches it by id", async () => {
    stack.resetUpstream();
    const res = await stack.query(`{ conversations(first: 2) { nodes { id conversationParts { totalCount } } } }`);
    expect(res.errors).toBeUndefined();
    const ids = res.data.conversations.nodes.map((n: any) => n.id);
    expect(stack.upstream().map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      ["GET /conversations", ...ids.map((id: string) => `GET /conversations/${id}`)].sort(),
    );
  });
});

describe("conversations connection", () => {
  it("pages through every conversation once, in order, with opaque cursors", async () => {
    const ws = stack.sandbox.workspace;
    const pages = await walkPages(async (after) => {
      const res: any = await stack.query(
        `query ($after: String) { conversations(first: 70, after: $after) {
          totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data.conversations;
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      return conn;
    }, 20);
    const seen: string[] = pages.flatMap((conn) => conn.edges.map((e: any) => e.node.id));
    expect(pages.at(-1).totalCount).toBe(ws.conversations.length);
    expect(seen).toHaveLength(ws.conversations.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("resumes after any edge, not only the last one of a page", async () => {
    const all = await stack.query(`{ conversations(first: 30) { edges { cursor node { id } } } }`);
    const edges = all.data.conversations.edges;
    const resumed = await stack.query(`query ($after: String) { conversations(first: 5, after: $after) { nodes { id } } }`, {
      after: edges[11].cursor,
    });
    expect(resumed.data.conversations.nodes.map((n: any) => n.id)).toEqual(edges.slice(12, 17).map((e: any) => e.node.id));
  });

  it("caps first at 150 and rejects bad paging input before calling upstream", async () => {
    const capped = await stack.query(`{ conversations(first: 500) { nodes { id } } }`);
    expect(capped.data.conversations.nodes).toHaveLength(150);

    stack.resetUpstream();
    for (const args of [`first: 0`, `first: -3`, `after: "nonsense"`]) {
      const bad = await stack.query(`{ conversations(${args}) { nodes { id } } }`);
      expect(bad.errors!.map((e) => e.extensions!.code)).toEqual(["BAD_USER_INPUT"]);
    }
    expect(stack.upstream()).toHaveLength(0);
  });
});
