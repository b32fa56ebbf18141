// The clean shapes source/ hands to the rest of the subgraph: legacy columns renamed,
// national codes decoded to enum values. Nothing outside source/ sees a pinyin name.
import type { HolderKind, LicenseStatus } from "@onceonly/shared";

export type LicenseStatusValue = (typeof LicenseStatus.enum)[keyof typeof LicenseStatus.enum];
export type HolderKindValue = (typeof HolderKind.enum)[keyof typeof HolderKind.enum];

/** A Person stub: the registry owns Person, this subgraph only knows its key. */
export interface PersonRef {
  idNumber: string;
}

/** An organisation by its credit code; its data is loaded lazily (organizationByCreditCode). */
export interface OrganizationRef {
  creditCode: string;
}

export type HolderRef = PersonRef | OrganizationRef;

export interface IssuerRecord {
  name: string | null;
  code: string | null;
}

export interface LicenseRecord {
  id: string;
  typeCode: string;
  number: string | null;
  name: string | null;
  /** null when the code type is unknown (e.g. legacy 999) or the code is missing. */
  holder: HolderRef | null;
  holderName: string | null;
  holderCode: string | null;
  issuer: IssuerRecord | null;
  issuedOn: string | null;
  validFrom: string | null;
  /** null = long-term (长期). */
  validUntil: string | null;
  status: LicenseStatusValue | null;
  updatedAt: Date;
}

export interface LicenseTypeRecord {
  code: string;
  name: string;
  department: string | null;
  holderKind: HolderKindValue | null;
}

export interface OrganizationRecord {
  creditCode: string;
  /** 持证主体 as written on the source licence (recordKey). */
  name: string | null;
  legalRepresentative: string | null;
  address: string | null;
  /** 证照标识 of the one licence name, legal representative and address were read from. */
  recordKey: string;
  /** That licence's gxsj. */
  updatedAt: Date;
}

/** A holder as the licence silo keys it: 持证主体代码 and its code type. */
export interface HolderKey {
  codeType: "ID_NUMBER" | "CREDIT_CODE";
  code: string;
}

/** One licence held, as the pull-once lookup returns it. */
export interface HeldLicense {
  record: LicenseRecord;
  /** 证照类型名称 from the catalogue; the licence's own 证照名称 when the type is not catalogued. */
  typeName: string | null;
  /** Whether the lookup's statement wrote a 调取 usage record for this licence. */
  recorded: boolean;
}

/**
 * Which of a holder's licences to list. null = no filter; an empty list matches
 * nothing (the caller asked for no status at all).
 */
export interface LicenseFilter {
  statuses: readonly LicenseStatusValue[] | null;
  types: readonly string[] | null;
}
