// The judgement of one holder's licences against the registry's facts about that ID
// number (rules.ts, X_HOLDER_*): pure, so it reads as the definitions do.
//
// - X_HOLDER_UNREGISTERED checks every licence held under the (well-formed) ID number;
//   each fails when the registry holds no record for it.
// - X_HOLDER_NAME checks those licences when the holder is registered; one fails when its
//   holder name and the registry's name are both present and differ (compared with
//   leading and trailing spaces removed, as every rule compares text). A missing name is
//   its own silo's completeness finding (LIC_REQUIRED, REG_REQUIRED), not a mismatch.
// - X_DECEASED_VALID checks those with status 有效 when the holder is registered; each
//   fails when the registry marks the holder deceased.
import { textOf } from "@onceonly/shared";
import { VALID_STATUS, type HolderLicence } from "./quality-holders.source.js";

export interface RegistryFacts {
  registered: boolean;
  name: string | null;
  deceased: boolean;
}

export interface HolderCheck {
  /** Licences held under the ID number: X_HOLDER_UNREGISTERED's records. */
  licences: number;
  /** Of those, with status 有效: X_DECEASED_VALID's records when the holder is registered. */
  validLicences: number;
  registered: boolean;
  /** 证照标识 of the licences failing X_HOLDER_UNREGISTERED, X_HOLDER_NAME and X_DECEASED_VALID. */
  unregistered: string[];
  nameMismatches: string[];
  deceasedValid: string[];
}

export function checkHolder(facts: RegistryFacts, licences: readonly HolderLicence[]): HolderCheck {
  const check: HolderCheck = { licences: licences.length, validLicences: 0, registered: facts.registered, unregistered: [], nameMismatches: [], deceasedValid: [] };
  const registryName = textOf(facts.name);
  for (const licence of licences) {
    const valid = licence.status === VALID_STATUS;
    if (valid) check.validLicences++;
    if (!facts.registered) {
      check.unregistered.push(licence.id);
      continue;
    }
    const name = textOf(licence.holderName);
    if (name !== null && registryName !== null && name !== registryName) check.nameMismatches.push(licence.id);
    if (valid && facts.deceased) check.deceasedValid.push(licence.id);
  }
  return check;
}
