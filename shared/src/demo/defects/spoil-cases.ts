// Spoils of the case silo (sp_bj, sp_bjcl), one per CASE_ rule and per cross-silo rule
// whose failing record is a case or a case material (X_APPLICANT_UNREGISTERED,
// X_ELICENSE_NOT_USED). Each trips its own rule only: an applicant code is only ever
// replaced by one that holds no licence, so no material of the case turns into an
// e-licence that should have been cited.
import { dayOf, isoDate, isWorkingDay, timestamp } from "../dates.js";
import { idNumberCheckChar } from "../../validators/id-number.js";
import type { DemoRow } from "../tables.js";
import { AS_OF_DAY, C, isValidIdNumber, L, M, materialLicenceType, type BatchIndex } from "./batch-index.js";
import type { Spoil } from "./spoil.js";

const OPEN = new Set(["01", "02", "03", "06"]);
const key = (c: DemoRow) => c[C.bjbh] as string;
const all = (b: BatchIndex) => b.cases.length;
const free = (b: BatchIndex) => b.cases.filter((c) => !b.isUsed(c));
/** A real GB/T 2260 county of a province the demo never registers anyone in (not the licences' one). */
const UNREGISTERED_REGION = "140105";
const dayOfTimestamp = (ts: string) => dayOf(ts.slice(0, 10));

/** The licence a material cites, if a clean 有效 licence of the applicant that covered the day of acceptance. */
function citedAndValid(b: BatchIndex, m: DemoRow): DemoRow | undefined {
  if (m[M.tjfs] !== "2") return undefined;
  const c = b.caseById.get(m[M.bjbh] as string);
  const l = b.licenceById.get(m[M.zzbs] as string);
  if (!c || !l || b.isUsed(c, l)) return undefined;
  const day = isoDate(dayOfTimestamp(c[C.slsj] as string));
  const until = l[L.zzyxqjzrq] as string | null;
  const covers = l[L.zzzt] === "有效" && (l[L.zzbfrq] as string) <= day && (l[L.zzyxqqsrq] as string) <= day && (until === null || until >= day);
  const sameHolder = l[L.czztdm] === c[C.sqrzjhm] && l[L.zzlxdm] === materialLicenceType(c[C.sxbm] as string, m[M.clbm] as string);
  return covers && sameHolder ? l : undefined;
}

export const CASE_SPOILS: Spoil[] = [
  {
    rule: "X_ELICENSE_NOT_USED",
    population: (b) =>
      b.rows.sp_bjcl.filter((m) => {
        const c = b.caseById.get(m[M.bjbh] as string);
        return (m[M.tjfs] === "5" || m[M.tjfs] === "6") && c !== undefined && materialLicenceType(c[C.sxbm] as string, m[M.clbm] as string) !== undefined;
      }).length,
    candidates: (b) => b.rows.sp_bjcl.filter((m) => citedAndValid(b, m) !== undefined),
    apply(b, m, rng) {
      const l = citedAndValid(b, m);
      if (!l) return null;
      const c = b.caseById.get(m[M.bjbh] as string)!;
      const paper = rng.chance(0.5);
      m[M.tjfs] = paper ? "5" : "6";
      m[M.zzbs] = null;
      b.dropUsage(l[L.zzbs] as string, key(c));
      b.use(c, l);
      return [{
        rule: "X_ELICENSE_NOT_USED", key: `${key(c)}/${m[M.clbm]}`,
        how: `${paper ? "handed in on paper" : "uploaded"} instead of citing ${l[L.zzbs]}, valid and the applicant's on the day of acceptance`,
      }];
    },
  },
  {
    rule: "CASE_COMPLETED_NO_TIME",
    population: (b) => b.cases.filter((c) => c[C.zt] === "04").length,
    candidates: (b) => free(b).filter((c) => c[C.zt] === "04"),
    apply(b, c) {
      c[C.bjsj] = null;
      b.use(c);
      return [{ rule: "CASE_COMPLETED_NO_TIME", key: key(c), how: "completion time (bjsj) emptied, status still 办结" }];
    },
  },
  {
    rule: "CASE_OVERDUE",
    population: (b) => b.cases.filter((c) => OPEN.has(c[C.zt] as string) && c[C.cnbjsj] !== null).length,
    candidates: (b) => free(b).filter((c) => OPEN.has(c[C.zt] as string) && dayOfTimestamp(c[C.slsj] as string) < AS_OF_DAY),
    apply(b, c, rng) {
      const accepted = dayOfTimestamp(c[C.slsj] as string);
      let day = rng.int(accepted, AS_OF_DAY - 1);
      while (day > accepted && !isWorkingDay(day)) day--;
      c[C.cnbjsj] = timestamp(day, 63000);
      b.use(c);
      return [{ rule: "CASE_OVERDUE", key: key(c), how: `promised completion moved to ${isoDate(day)}, before the report day; still open (${c[C.zt]})` }];
    },
  },
  {
    rule: "CASE_REQUIRED",
    population: all,
    candidates: free,
    apply(b, c, rng) {
      // sxbm is NOT NULL in the silo; the others may be empty in a legacy row.
      const field = rng.pick(["sqrzjhm", "sqrxm", "sqrlx", "slsj", "zt"] as const);
      c[C[field]] = null;
      b.use(c);
      const label = { sqrzjhm: "applicant code", sqrxm: "applicant name", sqrlx: "applicant kind", slsj: "acceptance time", zt: "status" }[field];
      return [{ rule: "CASE_REQUIRED", key: key(c), how: `${field} (${label}) emptied` }];
    },
  },
  {
    rule: "CASE_STATUS_CODE",
    population: all,
    candidates: free,
    apply(b, c, rng) {
      const from = c[C.zt];
      const to = rng.pick(["00", "08", "09", "99"]);
      c[C.zt] = to;
      b.use(c);
      return [{ rule: "CASE_STATUS_CODE", key: key(c), how: `status ${from}→${to}, outside 01-07` }];
    },
  },
  {
    rule: "CASE_APPLICANT_CODE",
    population: all,
    candidates: free,
    apply(b, c, rng) {
      const code = c[C.sqrzjhm] as string;
      let how: string;
      if (c[C.sqrlx] === "1") {
        if (rng.chance(0.5)) {
          c[C.sqrzjhm] = code.slice(0, 17);
          how = "applicant ID number's last character dropped (17 characters)";
        } else {
          const month = String(Number(code.slice(10, 12)) + 12);
          const first17 = code.slice(0, 10) + month + code.slice(12, 17);
          c[C.sqrzjhm] = first17 + idNumberCheckChar(first17);
          how = `birth month in the applicant's ID number ${code.slice(10, 12)}→${month} (check character recomputed)`;
        }
      } else {
        // Not a check-character slip (pilot-era codes are legal): a letter GB 32100 never uses.
        const at = rng.int(8, 16);
        const to = rng.pick(["I", "O", "S", "V", "Z"]);
        c[C.sqrzjhm] = code.slice(0, at) + to + code.slice(at + 1);
        how = `credit code's character ${at + 1} changed to ${to}, outside the GB 32100 alphabet`;
      }
      b.use(c);
      return [{ rule: "CASE_APPLICANT_CODE", key: key(c), how }];
    },
  },
  {
    rule: "X_APPLICANT_UNREGISTERED",
    population: (b) => b.cases.filter((c) => c[C.sqrlx] === "1").length,
    candidates: (b) => free(b).filter((c) => c[C.sqrlx] === "1" && isValidIdNumber(c[C.sqrzjhm])),
    apply(b, c) {
      const first17 = UNREGISTERED_REGION + (c[C.sqrzjhm] as string).slice(6, 17);
      c[C.sqrzjhm] = first17 + idNumberCheckChar(first17);
      b.use(c);
      return [{ rule: "X_APPLICANT_UNREGISTERED", key: key(c), how: `applicant ID number replaced by a well-formed one of region ${UNREGISTERED_REGION}, which the registry does not hold` }];
    },
  },
];
