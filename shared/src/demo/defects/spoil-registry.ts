// Spoils of the registry silo (rk_jbxx, rk_hxx), one per REG_ rule. Each trips its own
// rule only, except REG_ID_NUMBER: the person's licences and cases keep the correct ID
// number, which the registry then no longer holds, so they fail X_HOLDER_UNREGISTERED and
// X_APPLICANT_UNREGISTERED too (listed, with the cause). Persons without cases and with
// the fewest licences are spoiled first, to keep that fallout small.
import { compactDate, dayFromCivil } from "../dates.js";
import { idNumberCheckChar } from "../../validators/id-number.js";
import type { DemoRow } from "../tables.js";
import { AS_OF_DAY, C, L, P, type BatchIndex } from "./batch-index.js";
import { changeChar, type Entry, type Spoil } from "./spoil.js";

const key = (p: DemoRow) => p[P.rkbh] as string;
const current = (b: BatchIndex) => b.persons.length;
const free = (b: BatchIndex) => b.persons.filter((p) => !b.isUsed(p));
const birthDay = (csrq: string) => dayFromCivil(Number(csrq.slice(0, 4)), Number(csrq.slice(4, 6)), Number(csrq.slice(6, 8)));

const LABELS: Record<string, string> = { xb: "sex", csrq: "birth date", ssxq: "region", hh: "household number" };

/** A code swap: the field takes a value outside its code table. */
function badCode(rule: string, column: keyof typeof P, values: string[], label: string): Spoil {
  return {
    rule,
    population: current,
    candidates: free,
    apply(b, p, rng) {
      const from = p[P[column]];
      const to = rng.pick(values.filter((v) => v !== from));
      p[P[column]] = to;
      b.use(p);
      return [{ rule, key: key(p), how: `${label} code ${from}→${to}, outside its table` }];
    },
  };
}

export const REGISTRY_SPOILS: Spoil[] = [
  {
    rule: "REG_ID_NUMBER",
    population: current,
    // Licences and cases under the number must be free: they become this spoil's fallout.
    candidates: (b) =>
      free(b).filter((p) => !b.isUsed(...(b.licencesOf.get(p[P.gmsfhm] as string) ?? []), ...(b.casesOf.get(p[P.gmsfhm] as string) ?? []))),
    rank: (b, p) => 100 * (b.casesOf.get(p[P.gmsfhm] as string)?.length ?? 0) + (b.licencesOf.get(p[P.gmsfhm] as string)?.length ?? 0),
    apply(b, p, rng) {
      const id = p[P.gmsfhm] as string;
      const licences = b.licencesOf.get(id) ?? [];
      const cases = b.casesOf.get(id) ?? [];
      if (b.isUsed(p, ...licences, ...cases)) return null;
      const variant = rng.int(0, 9);
      let how: string;
      if (variant < 7) {
        const c = changeChar(id, 17, "0123456789X", rng);
        p[P.gmsfhm] = c.value;
        how = `check character changed ${c.from}→${c.to}`;
      } else if (variant < 9) {
        // m → m + 12 (13 … 24): impossible, and still one number per person (a fixed 13 would merge some).
        const month = String(Number(id.slice(10, 12)) + 12);
        const first17 = id.slice(0, 10) + month + id.slice(12, 17);
        p[P.gmsfhm] = first17 + idNumberCheckChar(first17);
        how = `birth month in the ID number ${id.slice(10, 12)}→${month} (check character recomputed)`;
      } else {
        p[P.gmsfhm] = id.slice(0, 17);
        how = "last character dropped (17 characters)";
      }
      b.use(p, ...licences, ...cases);
      const cause = { rule: "REG_ID_NUMBER", key: key(p) };
      const entries: Entry[] = [{ rule: "REG_ID_NUMBER", key: key(p), how }];
      for (const l of licences) {
        entries.push({ rule: "X_HOLDER_UNREGISTERED", key: l[L.zzbs] as string, how: "holder's (correct) ID number no longer in the registry: its record's number was spoiled", cause });
      }
      for (const c of cases) {
        if (c[C.sqrlx] === "1") entries.push({ rule: "X_APPLICANT_UNREGISTERED", key: c[C.bjbh] as string, how: "applicant's (correct) ID number no longer in the registry: its record's number was spoiled", cause });
      }
      return entries;
    },
  },
  {
    rule: "REG_HOUSEHOLD_HEAD",
    population: (b) => b.members.size,
    candidates: (b) => [...b.members.keys()].filter((hh) => !b.householdUsed(hh)).map((hh) => b.head(hh)).filter((p): p is DemoRow => p !== undefined && !b.isUsed(p)),
    apply(b, head, rng) {
      const hh = head[P.hh] as string;
      if (b.householdUsed(hh) || b.isUsed(head)) return null;
      const to = rng.pick(["01", "97"]);
      head[P.yhzgx] = to;
      b.use(head);
      b.useHousehold(hh);
      return [{ rule: "REG_HOUSEHOLD_HEAD", key: hh, how: `head's relationship 02→${to}: no current member is 户主` }];
    },
  },
  {
    rule: "REG_DUPLICATE_PERSON",
    population: current,
    candidates: (b) => free(b).filter((p) => !b.householdUsed(p[P.hh] as string)),
    apply(b, p) {
      const hh = p[P.hh] as string;
      if (b.isUsed(p) || b.householdUsed(hh)) return null;
      // 10-digit serials of real keys start with 0 (at most 10,000,000 persons): 9… never collides.
      const copyKey = `${key(p).slice(0, 6)}9${key(p).slice(-9)}`;
      const copy = [...p];
      copy[P.rkbh] = copyKey;
      b.rows.rk_jbxx.push(copy);
      b.use(p, copy);
      b.useHousehold(hh);
      return [
        { rule: "REG_DUPLICATE_PERSON", key: key(p), how: `a second current record ${copyKey} was added with the same ID number` },
        { rule: "REG_DUPLICATE_PERSON", key: copyKey, how: `added: a copy of current record ${key(p)} (same ID number)` },
      ];
    },
  },
  {
    rule: "REG_REQUIRED",
    population: current,
    candidates: free,
    apply(b, p, rng) {
      const hh = p[P.hh] as string;
      // Only a member who is not the head may lose the household number (the head rule stays clean).
      const fields: ("xb" | "csrq" | "ssxq" | "hh")[] = ["xb", "csrq", "ssxq"];
      if (p[P.yhzgx] !== "02" && !b.householdUsed(hh)) fields.push("hh");
      const field = rng.pick(fields);
      if (field === "hh") b.useHousehold(hh);
      p[P[field]] = null;
      b.use(p);
      return [{ rule: "REG_REQUIRED", key: key(p), how: `${field} (${LABELS[field]}) emptied` }];
    },
  },
  badCode("REG_SEX_CODE", "xb", ["3", "8", "M", "F"], "sex"),
  badCode("REG_ETHNICITY_CODE", "mz", ["00", "57", "66", "99", "HA"], "ethnicity"),
  badCode("REG_REGION_CODE", "ssxq", ["000000", "999999", "990101", "5111"], "region"),
  badCode("REG_MARITAL_CODE", "hyzk", ["00", "24", "50", "99"], "marital status"),
  {
    rule: "REG_BIRTH_DATE",
    population: current,
    candidates: free,
    apply(b, p, rng) {
      const csrq = p[P.csrq] as string;
      const variant = rng.int(0, 3);
      const [to, how] =
        variant === 0 ? [`${csrq.slice(0, 4)}0230`, "day changed to 30 February"]
        : variant === 1 ? [`${csrq.slice(0, 4)}13${csrq.slice(6)}`, "month changed to 13"]
        : variant === 2 ? [`${csrq.slice(0, 6)}00`, "day changed to 00"]
        : [compactDate(AS_OF_DAY + rng.int(1, 3650)), "moved after the report day"];
      p[P.csrq] = to;
      b.use(p);
      return [{ rule: "REG_BIRTH_DATE", key: key(p), how: `birth date ${how}` }];
    },
  },
  {
    rule: "REG_ID_BIRTH_MISMATCH",
    population: current,
    candidates: free,
    apply(b, p, rng) {
      const days = rng.int(1, 400);
      p[P.csrq] = compactDate(birthDay(p[P.csrq] as string) - days);
      b.use(p);
      return [{ rule: "REG_ID_BIRTH_MISMATCH", key: key(p), how: `birth date moved ${days} days earlier; the ID number still encodes the old one` }];
    },
  },
  {
    rule: "REG_ID_SEX_MISMATCH",
    population: current,
    candidates: (b) => free(b).filter((p) => p[P.xb] === "1" || p[P.xb] === "2"),
    apply(b, p) {
      const from = p[P.xb];
      p[P.xb] = from === "1" ? "2" : "1";
      b.use(p);
      return [{ rule: "REG_ID_SEX_MISMATCH", key: key(p), how: `sex ${from}→${p[P.xb]}; the ID number's sequence code still says ${from}` }];
    },
  },
];

