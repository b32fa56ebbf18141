// acceptCase: 受理 at a window, citing shared data and e-licences instead of copies.
import { Arg, Ctx, Mutation, Resolver, Directive } from "type-graphql";
import { PERSONAL, requiresScopes } from "@onceonly/shared";
import { acceptCase } from "../acceptance/accept.js";
import type { CasesContext } from "../context.js";
import { AcceptCaseInput } from "../schema/accept-case.input.js";
import { Case } from "../schema/case.type.js";
import type { CaseRecord } from "../source/records.js";

@Resolver()
export class AcceptCaseResolver {
  @Directive(requiresScopes(["cases:write"]))
  @Directive(PERSONAL)
  @Mutation(() => Case, {
    description:
      "受理: accepts a case (for a one-thing bundle, also its member cases). Receipts are checked offline; every problem is named in one " +
      "BAD_USER_INPUT error (extensions.problems) and nothing is written. The same idempotencyKey with the same request returns the same case.",
  })
  acceptCase(@Arg("input", () => AcceptCaseInput) input: AcceptCaseInput, @Ctx() ctx: CasesContext): Promise<CaseRecord> {
    return acceptCase(input, ctx);
  }
}
