import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "./scalars.js";

export enum MessageType {
  EMAIL = "email",
  INAPP = "inapp",
  FACEBOOK = "facebook",
  TWITTER = "twitter",
}
registerEnumType(MessageType, {
  name: "MessageType",
  description: "The type of message that was sent: email, inapp, facebook or twitter.",
  valuesConfig: {
    EMAIL: { description: "Sent as an email." },
    INAPP: { description: "An in-app message, shown in the Messenger." },
    FACEBOOK: { description: "A Facebook Messenger message." },
    TWITTER: { description: "A Twitter (X) direct message." },
  },
});

@ObjectType({
  description:
    "Message are how you reach out to contacts in Intercom. They are created when an admin sends an outbound message to a contact (or when a contact starts a conversation).",
})
export class Message {
  @Field(() => String, { description: "The type of the message: `user_message` (written by a contact) or `admin_message` (sent by an admin)." })
  type!: string;

  @Field(() => ID, { description: "The id representing the message." })
  id!: string;

  @Field(() => DateTime, { description: "The time the message was created." })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: "The subject of the message. Only present if message_type: email." })
  subject!: string | null;

  @Field(() => String, { description: "The message body, which may contain HTML." })
  body!: string;

  @Field(() => MessageType, { description: "The type of message that was sent." })
  messageType!: MessageType;

  @Field(() => ID, {
    nullable: true,
    description:
      "The associated conversation's id (see `conversation`). For an admin message sent without `createConversationWithoutContactReply`, the conversation exists only once the contact replies.",
  })
  conversationId!: string | null;

  @Field(() => ID, { nullable: true, description: "The admin who sent an admin message (see `owner`): the admin the gateway sent it as (the 2.11 `message` schema has no owner; Intercom may send one beside it)." })
  ownerId!: string | null;
}

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
