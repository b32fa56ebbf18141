// Pull-once test support: the fixtures plus one licence that is not valid yet, the
// licenceEvidence selection as cases' readiness asks for it, and a reader of the 调取
// usage records a test wrote (told apart from others by a purpose of its own).
import type { Silo } from "@onceonly/shared";
import { fixtures, insertFixtures, ISSUER, licence, PERSON, TYPE, types, type LicenseRow } from "./fixtures.js";

/** 王小明's next driving licence, issued for a date far ahead: NOT_YET_VALID until then. */
export const FUTURE: LicenseRow = licence({
  type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: "511100D0099", number: `DF${PERSON.wang}`,
  holder: ["王小明", PERSON.wang, "111"], issued: "2099-01-01", until: "2105-01-01", status: "有效", updated: "2024-12-01T09:00:00+08:00",
});

export async function insertEvidenceFixtures(silo: Silo, more: LicenseRow[] = []): Promise<void> {
  await insertFixtures(silo, { types, licenses: [...fixtures.licenses, FUTURE, ...more], items: fixtures.items });
}

export const EVIDENCE = `licenseEvidence {
  licenseId license { id } typeCode typeName number holderName issuer issuedOn validUntil status outcome receipt checkedAt updatedAt
}`;

export interface Evidence {
  licenseId: string;
  license: { id: string };
  typeCode: string;
  typeName: string | null;
  number: string | null;
  holderName: string | null;
  issuer: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  status: string | null;
  outcome: string;
  receipt: string | null;
  checkedAt: string;
  updatedAt: string | null;
}

export type PullRecord = {
  zzbs: string;
  yzbm: string | null;
  yzck: string | null;
  sxbm: string | null;
  bjbh: string | null;
  yzmd: string | null;
  yzfs: string;
  yzsj: Date;
};

/** The 调取 (yzfs 2) usage records written under `purpose`, by licence identifier. */
export function pullsFor(silo: Silo, purpose: string): Promise<PullRecord[]> {
  return silo.query<PullRecord>(
    "SELECT zzbs, yzbm, yzck, sxbm, bjbh, yzmd, yzfs, yzsj FROM dzzz_yzjl WHERE yzfs = '2' AND yzmd = $1 ORDER BY zzbs",
    [purpose],
  );
}
