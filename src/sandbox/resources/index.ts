// Every resource module, in seeding and route-registration order.
import type { ResourceModule } from "../resource.js";
import { adminsResource } from "./admins.js";
import { companiesResource } from "./companies.js";
import { contactsResource } from "./contacts.js";
import { conversationsResource } from "./conversations.js";
import { dataResource } from "./data.js";
import { helpCenterResource } from "./help-center.js";
import { newsResource } from "./news.js";
import { notesResource } from "./notes.js";
import { subscriptionsResource } from "./subscriptions.js";
import { tagsResource } from "./tags.js";
import { ticketsResource } from "./tickets.js";
import { visitorsResource } from "./visitors.js";

export const resourceModules: ResourceModule[] = [
  adminsResource,
  contactsResource,
  companiesResource,
  tagsResource,
  notesResource,
  subscriptionsResource,
  helpCenterResource,
  newsResource,
  ticketsResource,
  conversationsResource,
  dataResource,
  visitorsResource,
];
