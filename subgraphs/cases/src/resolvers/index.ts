// Everything the schema builder needs: resolver classes and reference resolvers by type.
// Import order is schema order (type-graphql registers queries as modules load).
import { MatterResolver } from "./matter.resolver.js";
import { matterReference } from "./matter.reference.js";
import { CaseResolver } from "./case.resolver.js";
import { caseReference } from "./case.reference.js";
import { PersonCasesResolver } from "./person.resolver.js";
import { personReference } from "./person.reference.js";
import { OrganizationCasesResolver } from "./organization.resolver.js";
import { organizationReference } from "./organization.reference.js";
import { OrganizationReadinessResolver, PersonReadinessResolver, UsedLicenseResolver } from "./readiness.resolver.js";
import { SharingStatsResolver } from "./sharing-stats.resolver.js";
import { CaseLifecycleResolver } from "./case-lifecycle.resolver.js";
import { CaseDeadlineResolver } from "./case-deadline.resolver.js";
import { AcceptCaseResolver } from "./accept-case.resolver.js";
import { CaseBundleResolver, MatterBundleResolver } from "./case-bundle.resolver.js";
import { CasesQualityScanResolver } from "../quality/quality-scan.resolver.js";

export const resolvers = [MatterResolver, CaseResolver, PersonCasesResolver, OrganizationCasesResolver, CaseLifecycleResolver, CaseDeadlineResolver, PersonReadinessResolver, OrganizationReadinessResolver, UsedLicenseResolver, SharingStatsResolver, AcceptCaseResolver, CaseBundleResolver, MatterBundleResolver, CasesQualityScanResolver] as const;

export const referenceResolvers = {
  Matter: matterReference,
  Case: caseReference,
  Person: personReference,
  Organization: organizationReference,
};
