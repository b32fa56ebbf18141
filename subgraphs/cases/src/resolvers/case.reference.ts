// Case entities asked for by the gateway (_entities), through the same loader.
import type { CasesContext } from "../context.js";
import type { CaseRecord } from "../source/index.js";
import { checkCode } from "./arguments.js";

export const caseReference = {
  // async: a malformed key must fail this representation only, not the whole _entities list.
  async __resolveReference(reference: { number: unknown }, ctx: CasesContext): Promise<CaseRecord | null> {
    return ctx.loaders.caseByNumber.load(checkCode("number", reference.number));
  },
};
