// Turns one issued licence into its dzzz_zzxx row (plus dzzz_zzsj surface items), with
// a GB/T 36904 identifier whose serial is unique by construction (household index +
// ordinal within the household). A licence whose validity ended before the reference day
// is stored 注销 (cancelled the day after it lapsed), never 有效: a clean demo holds no
// expired 有效 licence, which the quality report counts as a defect (LIC_EXPIRED_VALID).
import { HolderCodeType, LicenseStatus } from "../codes/license.js";
import { formatLicenseId } from "../validators/license-id.js";
import { isoDate, timestamp, yearOf } from "./dates.js";
import { localIssuer } from "./agencies.js";
import { licenseType, type LicenseTypeKey } from "./license-types.js";
import { REFERENCE_DAY } from "./persons.js";
import type { Rng } from "./prng.js";
import type { DemoRow } from "./tables.js";

export type LicenseStatusValue = "VALID" | "CANCELLED" | "REVOKED" | "REPORTED_LOST";

export interface DemoLicense {
  id: string;
  type: LicenseTypeKey;
  /** ID number or credit code of the holder. */
  holder: string;
  status: LicenseStatusValue;
  /** Issued 有效 and cancelled when its validity ended: usable up to validUntil. */
  lapsed: boolean;
  issued: number;
  validUntil: number | null;
  row: DemoRow;
  items: DemoRow[];
}

export interface Holder {
  name: string;
  code: string;
  organization?: boolean;
}

export interface Issue {
  type: LicenseTypeKey;
  holder: Holder;
  number: string;
  /** Region whose local body issued it. */
  region: string;
  issued: number;
  validUntil?: number | null;
  status?: LicenseStatusValue;
  /** When the status last changed (e.g. cancelled after the holder's death); drawn when absent. */
  changedOn?: number;
  /** [code, label, value] surface items (照面信息). */
  items?: [string, string, string][];
}

const ID_NUMBER = HolderCodeType.encode("ID_NUMBER");
const CREDIT_CODE = HolderCodeType.encode("CREDIT_CODE");

export class LicenseIssuer {
  private ordinal = 0;
  readonly issued: DemoLicense[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly household: number,
  ) {}

  issue(spec: Issue): DemoLicense {
    const type = licenseType(spec.type);
    const agency = localIssuer(type.issuer, spec.region);
    const issued = Math.min(spec.issued, REFERENCE_DAY);
    const serial = `${yearOf(issued)}${String(this.household).padStart(8, "0")}${String(this.ordinal++).padStart(2, "0")}`;
    const id = formatLicenseId({ typeCode: type.code, issuerCode: agency.code, serial, version: "001" });
    const validUntil = spec.validUntil ?? null;
    const lapsed = (spec.status ?? "VALID") === "VALID" && validUntil !== null && validUntil < REFERENCE_DAY;
    const status = lapsed ? "CANCELLED" : (spec.status ?? "VALID");
    // Status changes (注销/吊销/挂失) happen after issue; the record was updated then.
    // (A lapse draws nothing from the stream: the other rows stay as they were.)
    const changed = lapsed
      ? validUntil + 1
      : status === "VALID" ? issued : (spec.changedOn ?? issued + this.rng.int(1, Math.max(1, REFERENCE_DAY - issued)));
    const updated = timestamp(Math.min(changed + this.rng.int(0, 3), REFERENCE_DAY), this.rng.int(28800, 64800));
    const row: DemoRow = [
      id, type.code, type.name, spec.number, spec.holder.name, spec.holder.code,
      spec.holder.organization ? CREDIT_CODE : ID_NUMBER, agency.name, agency.code,
      isoDate(issued), isoDate(issued), validUntil === null ? null : isoDate(validUntil),
      LicenseStatus.encode(status), updated,
    ];
    const items = (spec.items ?? []).map(([code, label, value]) => [id, code, label, value]);
    const licence = { id, type: spec.type, holder: spec.holder.code, status, lapsed, issued, validUntil, row, items };
    this.issued.push(licence);
    return licence;
  }
}
