// Adds a person's licences to the registry's Person: the licences themselves, and the
// same licences as pull-once evidence (judged, signed, their use recorded).
import { Args, Ctx, FieldResolver, Resolver, Root, Directive } from "type-graphql";
import { PERSONAL, requiresScopes } from "@onceonly/shared";
import type { LicensesContext } from "../context.js";
import { LicenseEvidence } from "../schema/license-evidence.type.js";
import { LicenseFilterArgs } from "../schema/license.args.js";
import { License } from "../schema/license.type.js";
import { LicensePerson } from "../schema/person.type.js";
import type { LicenseRecord, PersonRef } from "../source/index.js";
import { holderEvidence } from "./holder-evidence.js";
import { holderLicenses } from "./holder-licenses.js";

@Resolver(() => LicensePerson)
export class PersonLicensesResolver {
  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => [License], { description: "Licences held under this ID number (czztdm), newest first" })
  licenses(@Root() person: PersonRef, @Args(() => LicenseFilterArgs) args: LicenseFilterArgs, @Ctx() ctx: LicensesContext): Promise<LicenseRecord[]> {
    return holderLicenses(ctx, person.idNumber, args);
  }

  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => [LicenseEvidence], {
    description: "证照调取: every licence held under this ID number (代码类型 111), newest first, each judged now; a VALID one with a signed receipt and a 调取 usage record",
  })
  licenseEvidence(@Root() person: PersonRef, @Ctx() ctx: LicensesContext): Promise<LicenseEvidence[]> {
    return holderEvidence(ctx, { codeType: "ID_NUMBER", code: person.idNumber });
  }
}
