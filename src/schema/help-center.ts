import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { Collection, HelpCenter } from "../generated/graph/help-center.js";
import { ConnectionType } from "./common.js";

// Collection, its content, HelpCenter and DeletedCollection are generated from the document
// (scripts/graph-mapping.ts); links are in src/resolvers/help-center.ts.
export * from "../generated/graph/help-center.js";

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

export const CollectionConnection = ConnectionType(Collection, "Collection");
export type CollectionConnection = InstanceType<typeof CollectionConnection>;

export const HelpCenterConnection = ConnectionType(HelpCenter, "HelpCenter");
export type HelpCenterConnection = InstanceType<typeof HelpCenterConnection>;

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
