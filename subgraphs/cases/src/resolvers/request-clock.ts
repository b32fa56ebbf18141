// One "now" per request: every case in one answer is judged at the same instant, so a
// list never shows one case overdue and its twin, read a millisecond earlier, not.
import type { CasesContext } from "../context.js";

const nows = new WeakMap<CasesContext, Date>();

export function requestNow(ctx: CasesContext): Date {
  let now = nows.get(ctx);
  if (!now) {
    now = ctx.services.clock();
    nows.set(ctx, now);
  }
  return now;
}
