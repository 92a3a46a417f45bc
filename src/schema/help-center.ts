import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "./common.js";
import { DateTime } from "./scalars.js";

/** The locales the document lists for translated content (keys of `article_translated_content`). */
export enum HelpCenterLocale {
  AR = "ar",
  BG = "bg",
  BS = "bs",
  CA = "ca",
  CS = "cs",
  DA = "da",
  DE = "de",
  EL = "el",
  EN = "en",
  ES = "es",
  ET = "et",
  FI = "fi",
  FR = "fr",
  HE = "he",
  HR = "hr",
  HU = "hu",
  ID = "id",
  IT = "it",
  JA = "ja",
  KO = "ko",
  LT = "lt",
  LV = "lv",
  MN = "mn",
  NB = "nb",
  NL = "nl",
  PL = "pl",
  PT = "pt",
  RO = "ro",
  RU = "ru",
  SL = "sl",
  SR = "sr",
  SV = "sv",
  TR = "tr",
  VI = "vi",
  PT_BR = "pt-BR",
  ZH_CN = "zh-CN",
  ZH_TW = "zh-TW",
}
registerEnumType(HelpCenterLocale, {
  name: "HelpCenterLocale",
  description: "A locale of Help Center content.",
  valuesConfig: {
    AR: { description: "Arabic (`ar`)." },
    BG: { description: "Bulgarian (`bg`)." },
    BS: { description: "Bosnian (`bs`)." },
    CA: { description: "Catalan (`ca`)." },
    CS: { description: "Czech (`cs`)." },
    DA: { description: "Danish (`da`)." },
    DE: { description: "German (`de`)." },
    EL: { description: "Greek (`el`)." },
    EN: { description: "English (`en`)." },
    ES: { description: "Spanish (`es`)." },
    ET: { description: "Estonian (`et`)." },
    FI: { description: "Finnish (`fi`)." },
    FR: { description: "French (`fr`)." },
    HE: { description: "Hebrew (`he`)." },
    HR: { description: "Croatian (`hr`)." },
    HU: { description: "Hungarian (`hu`)." },
    ID: { description: "Indonesian (`id`)." },
    IT: { description: "Italian (`it`)." },
    JA: { description: "Japanese (`ja`)." },
    KO: { description: "Korean (`ko`)." },
    LT: { description: "Lithuanian (`lt`)." },
    LV: { description: "Latvian (`lv`)." },
    MN: { description: "Mongolian (`mn`)." },
    NB: { description: "Norwegian (Bokmål) (`nb`)." },
    NL: { description: "Dutch (`nl`)." },
    PL: { description: "Polish (`pl`)." },
    PT: { description: "Portuguese (`pt`)." },
    RO: { description: "Romanian (`ro`)." },
    RU: { description: "Russian (`ru`)." },
    SL: { description: "Slovenian (`sl`)." },
    SR: { description: "Serbian (`sr`)." },
    SV: { description: "Swedish (`sv`)." },
    TR: { description: "Turkish (`tr`)." },
    VI: { description: "Vietnamese (`vi`)." },
    PT_BR: { description: "Portuguese (Brazil) (`pt-BR`)." },
    ZH_CN: { description: "Chinese (simplified, China) (`zh-CN`)." },
    ZH_TW: { description: "Chinese (traditional, Taiwan) (`zh-TW`)." },
  },
});

@ObjectType({ description: "The content of a collection or section in one locale (an entry of `translated_content`)." })
export class CollectionContent {
  @Field(() => String, { description: "The locale code of this content, e.g. `en`, `fr`, `pt-BR`." })
  locale!: string;

  @Field(() => String, { description: "The name of the collection or section." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The description of the collection. Only available for collections." })
  description!: string | null;
}

@ObjectType({ description: "Collections are top level containers for Articles within the Help Center. A section is a collection nested in another." })
export class Collection {
  @Field(() => ID, { description: "The unique identifier for the collection which is given by Intercom." })
  id!: string;

  @Field(() => String, { description: "The id of the workspace which the collection belongs to." })
  workspaceId!: string;

  @Field(() => String, { description: "The name of the collection. For multilingual collections, this will be the name of the default language's content." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The description of the collection. For multilingual help centers, this will be the description of the collection for the default language." })
  description!: string | null;

  @Field(() => DateTime, { description: "The time when the collection was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time when the collection was last updated." })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The URL of the collection. For multilingual help centers, this will be the URL of the collection for the default language." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "The icon of the collection." })
  icon!: string | null;

  @Field(() => Int, { description: "The order of the section in relation to others sections within a collection. Values go from `0` upwards." })
  order!: number;

  @Field(() => String, { description: "The default locale of the help center." })
  defaultLocale!: string;

  @Field(() => [CollectionContent], {
    nullable: true,
    description: "The translated content of the collection: its name and description in each locale. Null for help centers that are not multilingual.",
  })
  translatedContent!: CollectionContent[] | null;

  @Field(() => ID, { nullable: true, description: "The id of the parent collection (see `parent`). If `null` then it is the first level collection." })
  parentId!: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the help center the collection is in (see `helpCenter`)." })
  helpCenterId!: string | null;
}

export const CollectionConnection = ConnectionType(Collection, "Collection");
export type CollectionConnection = InstanceType<typeof CollectionConnection>;

@ObjectType({ description: "Help Centers contain collections." })
export class HelpCenter {
  @Field(() => ID, { description: "The unique identifier for the Help Center which is given by Intercom." })
  id!: string;

  @Field(() => String, { description: "The id of the workspace which the Help Center belongs to." })
  workspaceId!: string;

  @Field(() => DateTime, { description: "The time when the Help Center was created." })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The time when the Help Center was last updated." })
  updatedAt!: Date | null;

  @Field(() => String, { description: "The identifier of the Help Center. This is used in the URL of the Help Center." })
  identifier!: string;

  @Field(() => Boolean, { description: "Whether the Help Center is turned on or not. This is controlled in your Help Center settings." })
  websiteTurnedOn!: boolean;

  @Field(() => String, { description: "The display name of the Help Center only seen by teammates." })
  displayName!: string;

  @Field(() => String, { nullable: true, description: "The URL for the help center, if you have a custom domain then this will show the URL using the custom domain." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "Custom domain configured for the help center." })
  customDomain!: string | null;
}

export const HelpCenterConnection = ConnectionType(HelpCenter, "HelpCenter");
export type HelpCenterConnection = InstanceType<typeof HelpCenterConnection>;

@ObjectType({ description: "Response returned when a collection is deleted." })
export class DeletedCollection {
  @Field(() => ID, { description: "The unique identifier for the collection which you provided in the URL." })
  id!: string;

  @Field(() => String, { description: "The type of object which was deleted: `collection`." })
  object!: string;

  @Field(() => Boolean, { description: "Whether the collection was deleted successfully or not." })
  deleted!: boolean;
}

// ---- Mutation inputs -------------------------------------------------------

@InputType({ description: "The name and description of a collection in one locale." })
export class CollectionTranslationInput {
  @Field(() => HelpCenterLocale, { description: "The locale of this content." })
  locale!: HelpCenterLocale;

  @Field(() => String, { description: "The name of the collection in this locale." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The description of the collection in this locale." })
  description?: string;
}

@InputType({ description: "A new collection, or a section when `parentId` is set." })
export class CreateCollectionInput {
  @Field(() => String, { description: "The name of the collection. For multilingual collections, this will be the name of the default language's content." })
  name!: string;

  @Field(() => String, { nullable: true, description: "The description of the collection." })
  description?: string;

  @Field(() => [CollectionTranslationInput], { nullable: true, description: "The collection's name and description in other locales." })
  translatedContent?: CollectionTranslationInput[];

  @Field(() => ID, { nullable: true, description: "The id of the parent collection. If omitted, it is created as a first level collection." })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: "The id of the help center where the collection will be created. If omitted, the default help center." })
  helpCenterId?: string;
}

@InputType({ description: "Changes to a collection; omitted fields stay as they are." })
export class UpdateCollectionInput {
  @Field(() => String, { nullable: true, description: "The name of the collection." })
  name?: string;

  @Field(() => String, { nullable: true, description: "The description of the collection." })
  description?: string;

  @Field(() => [CollectionTranslationInput], { nullable: true, description: "Name and description to set in the given locales." })
  translatedContent?: CollectionTranslationInput[];

  @Field(() => ID, { nullable: true, description: "The id of the new parent collection; an explicit `null` makes it a first level collection." })
  parentId?: string | null;
}
