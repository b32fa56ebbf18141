// The clean shapes the registry adapter hands to resolvers. Legacy column names and
// national codes stop at source/: nothing above this folder sees gmsfhm or xb = '1'.
import type { Ethnicity, HouseholdType, MaritalStatus, Region, Relationship, Sex } from "@onceonly/shared";

type ValueOf<T> = T[keyof T];
export type SexValue = ValueOf<typeof Sex.enum>;
export type EthnicityValue = ValueOf<typeof Ethnicity.enum>;
export type MaritalStatusValue = ValueOf<typeof MaritalStatus.enum>;
export type RelationshipValue = ValueOf<typeof Relationship.enum>;
export type HouseholdTypeValue = ValueOf<typeof HouseholdType.enum>;

export interface PersonRecord {
  idNumber: string;
  /**
   * False only for the stub reference resolution gives an ID number the registry holds no
   * row for (every other field then null); true for every record read from rk_jbxx.
   */
  registered: boolean;
  /** 人口编号 (rkbh) of the row chosen as current: the provenance of every other field. */
  recordKey: string | null;
  name: string | null;
  sex: SexValue | null;
  ethnicity: EthnicityValue | null;
  birthDate: string | null; // YYYY-MM-DD
  address: string | null;
  region: Region | null;
  maritalStatus: MaritalStatusValue | null;
  deceased: boolean;
  relationshipToHead: RelationshipValue | null;
  updatedAt: Date | null;
  /** 户号: the key the household field resolves through; not a GraphQL field. */
  householdNumber: string | null;
}

export interface HouseholdRecord {
  number: string;
  type: HouseholdTypeValue | null;
  address: string | null;
  region: Region | null;
  updatedAt: Date | null;
}
