// Everything the schema is built from, in one place.
import type { ReferenceResolvers } from "@onceonly/shared";
import { LicenseTypeResolver } from "./license-type.resolver.js";
import { licenseReference, licenseTypeReference } from "./license.reference.js";
import { LicenseResolver } from "./license.resolver.js";
import { organizationReference } from "./organization.reference.js";
import { OrganizationResolver } from "./organization.resolver.js";
import { personReference } from "./person.reference.js";
import { PersonLicensesResolver } from "./person.resolver.js";
import { LicenseUsageFieldsResolver, LicenseUsageResolver, OrganizationUsageResolver, PersonUsageResolver } from "./usage.resolver.js";
import { VerificationResolver } from "./verification.resolver.js";
import { LicensesQualityScanResolver } from "../quality/quality-scan.resolver.js";

export const resolvers = [
  LicenseResolver,
  LicenseTypeResolver,
  PersonLicensesResolver,
  OrganizationResolver,
  VerificationResolver,
  LicenseUsageResolver,
  PersonUsageResolver,
  OrganizationUsageResolver,
  LicenseUsageFieldsResolver,
  LicensesQualityScanResolver,
] as const;

/** Keyed by GraphQL type name (the class names differ: LicensePerson is "Person"). */
export const referenceResolvers: ReferenceResolvers = {
  License: licenseReference,
  LicenseType: licenseTypeReference,
  Person: personReference,
  Organization: organizationReference,
};
