import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { startStack, type Stack } from "../support/stack.js";
import { CLIENT_SECRET, notification, postWebhook, restObject, until } from "../support/webhooks.js";

/**
 * Apollo Client 4 as the README sets it up: queries over HTTP, subscriptions over graphql-ws
 * (split by operation type). An event's conversation is normalised into the cache like a query's,
 * so a list already on screen shows the change without a refetch.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gateway: { events: { clientSecrets: [CLIENT_SECRET] } } });
});
afterAll(() => stack?.close());

it("Apollo Client's GraphQLWsLink receives events, and the cache takes the conversation's new state", async () => {
  const wsClient = createClient({ url: stack.gateway.url.replace(/^http/, "ws"), webSocketImpl: WebSocket });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === "OperationDefinition" && definition.operation === "subscription";
    },
    new GraphQLWsLink(wsClient),
    new HttpLink({ uri: stack.gateway.url }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const conversation = stack.sandbox.workspace.conversations.find((c) => c.state === "open")!;
  await client.query({ query: gql`query ($id: ID!) { conversation(id: $id) { id state } }`, variables: { id: conversation.id } });

  const received: any[] = [];
  const subscription = client
    .subscribe({ query: gql`subscription { conversationEvents { id topic conversation { id state } } }` })
    .subscribe({ next: (result) => received.push(result.data) });
  await until(() => stack.gateway.events.hub.size === 1, "the subscription");
  const item = await restObject(stack, `/conversations/${conversation.id}`);
  const n = notification("conversation.admin.closed", { ...item, state: "closed", open: false });
  await postWebhook(stack.gateway.url, n);
  await until(() => received.length > 0, "the event");
  expect(received[0].conversationEvents).toMatchObject({ id: n.id, topic: "ADMIN_CLOSED", conversation: { id: conversation.id, state: "CLOSED" } });
  // The same Conversation:<id> entry the query wrote: now closed.
  expect(client.cache.readFragment({ id: `Conversation:${conversation.id}`, fragment: gql`fragment S on Conversation { state }` })).toEqual({ __typename: "Conversation", state: "CLOSED" });
  subscription.unsubscribe();
  await wsClient.dispose();
  await until(() => stack.gateway.events.hub.size === 0, "the subscription to end");
});
