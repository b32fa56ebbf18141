// Adds a person's licences to the registry's Person.
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { LicensesContext } from "../context.js";
import { LicenseFilterArgs } from "../schema/license.args.js";
import { License } from "../schema/license.type.js";
import { LicensePerson } from "../schema/person.type.js";
import type { LicenseRecord, PersonRef } from "../source/index.js";
import { holderLicenses } from "./holder-licenses.js";

@Resolver(() => LicensePerson)
export class PersonLicensesResolver {
  @FieldResolver(() => [License], { description: "Licences held under this ID number (czztdm), newest first" })
  licenses(@Root() person: PersonRef, @Args(() => LicenseFilterArgs) args: LicenseFilterArgs, @Ctx() ctx: LicensesContext): Promise<LicenseRecord[]> {
    return holderLicenses(ctx, person.idNumber, args);
  }
}
