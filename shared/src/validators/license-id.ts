// Licence identifier (证照标识) as deployed under GB/T 36904:
//   1.2.156.3005.2.<type code>.<issuer code>.<serial>.<3-digit version>.<check>
// type code = the defining agency's credit code + 3 digits; issuer code = the issuing
// agency's credit code; check = ISO 7064 MOD 37,36 over type + issuer + serial + version.
import { mod3736CheckChar } from "./iso7064.js";
import type { ValidationFailure } from "./result.js";

export const LICENSE_ID_PREFIX = "1.2.156.3005.2";

export interface LicenseIdParts {
  typeCode: string;
  issuerCode: string;
  serial: string;
  version: string;
}

export interface ValidLicenseId extends LicenseIdParts {
  ok: true;
  value: string;
}

export type LicenseIdResult = ValidLicenseId | ValidationFailure;

export function licenseIdCheckChar(parts: LicenseIdParts): string {
  const check = mod3736CheckChar(parts.typeCode + parts.issuerCode + parts.serial + parts.version);
  if (check === null) throw new RangeError(`licence identifier parts must be 0-9A-Z: ${JSON.stringify(parts)}`);
  return check;
}

export function formatLicenseId(parts: LicenseIdParts): string {
  return [LICENSE_ID_PREFIX, parts.typeCode, parts.issuerCode, parts.serial, parts.version, licenseIdCheckChar(parts)].join(".");
}

export function validateLicenseId(raw: string): LicenseIdResult {
  const value = raw.trim().toUpperCase();
  const fail = (rule: string, message: string): ValidationFailure => ({ ok: false, value, rule, message });
  if (!value.startsWith(`${LICENSE_ID_PREFIX}.`)) {
    return fail("prefix", `licence identifier "${value}" must start with the OID arc ${LICENSE_ID_PREFIX}.`);
  }
  const segments = value.slice(LICENSE_ID_PREFIX.length + 1).split(".");
  if (segments.length !== 5) {
    return fail("format", `licence identifier "${value}" must have 5 parts after ${LICENSE_ID_PREFIX}: type.issuer.serial.version.check`);
  }
  const [typeCode, issuerCode, serial, version, check] = segments;
  if (!/^[0-9A-Z]{18}\d{3}$/.test(typeCode)) {
    return fail("type-code", `licence identifier "${value}" has type code "${typeCode}"; it must be an 18-character credit code + 3 digits`);
  }
  if (!/^[0-9A-Z]{18}$/.test(issuerCode)) {
    return fail("issuer-code", `licence identifier "${value}" has issuer code "${issuerCode}"; it must be an 18-character credit code`);
  }
  if (!/^[0-9A-Z]{1,32}$/.test(serial)) {
    return fail("serial", `licence identifier "${value}" has serial "${serial}"; it must be 1-32 characters 0-9A-Z`);
  }
  if (!/^\d{3}$/.test(version)) {
    return fail("version", `licence identifier "${value}" has version "${version}"; it must be 3 digits`);
  }
  const parts = { typeCode, issuerCode, serial, version };
  const expected = licenseIdCheckChar(parts);
  if (check !== expected) {
    return fail("check-digit", `licence identifier "${value}" ends in "${check}" but its ISO 7064 MOD 37,36 check character is "${expected}"`);
  }
  return { ok: true, value, ...parts };
}
