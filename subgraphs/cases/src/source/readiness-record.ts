// A readiness check as kept in sp_gxdq. The readiness resolver writes it
// (one row per answered Person/Organization.readiness); acceptCase reads it back by id to
// learn what the registry said about the applicant (registered, deceased), which
// materials shared data satisfied, and what the form was prefilled with.
import type { FormFieldValue } from "../schema/form-field.enum.js";
import type { RegistryFieldValue } from "./registry-fields.js";

export type ReadinessSatisfiedBy = "LICENSE" | "REGISTRY";

export interface ReadinessMaterialRecord {
  /** The matter's material code (for a bundle: the bundle's own material code). */
  code: string;
  satisfied: boolean;
  by: ReadinessSatisfiedBy | null;
  /** The licence that satisfied it (by = LICENSE). */
  licenseId: string | null;
  /** The registry fields that satisfied it (by = REGISTRY). */
  registryFields: RegistryFieldValue[];
  /** An UnsatisfiedReason value when not satisfied. */
  reason: string | null;
}

export interface ReadinessPrefillRecord {
  field: FormFieldValue;
  /** The prefilled value as shown on the form (null: the source holds none). */
  value: string | null;
}

export interface ReadinessCheckRecord {
  id: string;
  /** ID number (person) or credit code (organisation). */
  applicant: string;
  applicantKind: "PERSON" | "ORGANIZATION";
  matterCode: string;
  checkedAt: Date;
  window: string | null;
  department: string | null;
  purpose: string | null;
  /** Persons only: whether the registry holds a current record; null for organisations. */
  registered: boolean | null;
  /** Persons only: the registry's deceased flag; null for organisations. */
  deceased: boolean | null;
  materials: ReadinessMaterialRecord[];
  prefill: ReadinessPrefillRecord[];
}
