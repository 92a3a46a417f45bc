import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { DateTime } from "./scalars.js";

// Message and MessageType are generated from the document (scripts/graph-mapping.ts); links are in src/resolvers/message.ts.
export * from "../generated/graph/messages.js";

// ---- createMessage input ----------------------------------------------------

export enum OutboundMessageType {
  IN_APP = "in_app",
  EMAIL = "email",
}
registerEnumType(OutboundMessageType, {
  name: "OutboundMessageType",
  description: "The kind of message being created: in-app or email.",
  valuesConfig: {
    IN_APP: { description: "An in-app message, shown in the Messenger." },
    EMAIL: { description: "An email (needs `subject`)." },
  },
});

export enum MessageTemplate {
  PLAIN = "plain",
  PERSONAL = "personal",
}
registerEnumType(MessageTemplate, {
  name: "MessageTemplate",
  description: "The style of an outgoing email.",
  valuesConfig: {
    PLAIN: { description: "A plain email, without styling." },
    PERSONAL: { description: "An email styled with the sender's name and avatar." },
  },
});

export enum MessageRecipientType {
  USER = "user",
  LEAD = "lead",
}
registerEnumType(MessageRecipientType, {
  name: "MessageRecipientType",
  description: "The role of the contact a message goes to.",
  valuesConfig: {
    USER: { description: "The recipient is a user." },
    LEAD: { description: "The recipient is a lead." },
  },
});

@InputType({ description: "The contact a message goes to." })
export class MessageRecipientInput {
  @Field(() => MessageRecipientType, { description: "The role associated to the contact: user or lead." })
  type!: MessageRecipientType;

  @Field(() => ID, { description: "The identifier for the contact which is given by Intercom." })
  id!: string;
}

@InputType({ description: "An in-app message or an email from an admin to a contact." })
export class CreateMessageInput {
  @Field(() => OutboundMessageType, { description: "The kind of message being created." })
  messageType!: OutboundMessageType;

  @Field(() => ID, { description: "The admin who sends the message (`from`)." })
  adminId!: string;

  @Field(() => MessageRecipientInput, { description: "The recipient of the message (`to`)." })
  to!: MessageRecipientInput;

  @Field(() => String, { nullable: true, description: "The title of the email; required for email messages." })
  subject?: string;

  @Field(() => String, { description: "The content of the message. HTML and plaintext are supported." })
  body!: string;

  @Field(() => MessageTemplate, { nullable: true, description: "The style of an email (default plain); email messages only." })
  template?: MessageTemplate;

  @Field(() => DateTime, { nullable: true, description: "The time the message was created; now if omitted." })
  createdAt?: Date;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Whether a conversation should be opened in the inbox for the message without the contact replying.",
  })
  createConversationWithoutContactReply!: boolean;
}
