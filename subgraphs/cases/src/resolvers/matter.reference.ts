// Matter entities asked for by the gateway (_entities), through the same loader.
import type { CasesContext } from "../context.js";
import type { MatterRecord } from "../source/index.js";
import { checkCode } from "./arguments.js";

export const matterReference = {
  // async: a malformed key must fail this representation only, not the whole _entities list.
  async __resolveReference(reference: { code: unknown }, ctx: CasesContext): Promise<MatterRecord | null> {
    return ctx.loaders.matterByCode.load(checkCode("code", reference.code));
  },
};
