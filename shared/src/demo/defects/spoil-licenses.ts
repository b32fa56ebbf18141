// Spoils of the licence library (dzzz_zzxx), one per LIC_ rule and per cross-silo rule
// whose failing record is a licence (X_HOLDER_NAME, X_HOLDER_UNREGISTERED,
// X_DECEASED_VALID). Each trips its own rule only: a spoil never makes a licence 有效 or
// longer-valid where a case could then be found at fault, replaces codes by values no
// other spoil produces, and touches the registry only to record a death (X_DECEASED_VALID).
import { compactDate, dayOf, isoDate } from "../dates.js";
import { idNumberCheckChar } from "../../validators/id-number.js";
import type { DemoRow } from "../tables.js";
import { AS_OF_DAY, isValidIdNumber, L, P, type BatchIndex } from "./batch-index.js";
import { changeChar, type Entry, type Spoil } from "./spoil.js";

const VALID = "有效";
const key = (l: DemoRow) => l[L.zzbs] as string;
const all = (b: BatchIndex) => b.licences.length;
const free = (b: BatchIndex) => b.licences.filter((l) => !b.isUsed(l));
const ofPersons = (b: BatchIndex) => b.licences.filter((l) => l[L.czztdmlx] === "111");
const valid = (b: BatchIndex) => b.licences.filter((l) => l[L.zzzt] === VALID);
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Given-name characters a typo or an old spelling puts in place of the registered one. */
const NAME_CHARS = "伟玮炜芳方娜纳敏民静菁丽俪强磊军君勇艳燕杰洁娟涛明超秀霞平刚英华玲";
/** A real GB/T 2260 county of a province the demo never registers anyone in. */
const UNREGISTERED_REGION = "120101";

type Dead = { licence: DemoRow } | { person: DemoRow };

/**
 * Two ways a dead person ends up holding a 有效 licence, both trip X_DECEASED_VALID only:
 * the library flips a cancelled licence of someone long dead back to 有效 (tried first:
 * one licence, nothing else moves), or the registry records a death the library never
 * heard of (every 有效 licence of that person is listed). The second takes a member who
 * is not the head, so the household keeps its head; the record stays in the registry,
 * no longer current, with swbs 1.
 */
export const DECEASED_SPOIL: Spoil<Dead> = {
  rule: "X_DECEASED_VALID",
  population: (b) => valid(b).filter((l) => l[L.czztdmlx] === "111").length,
  candidates: (b) => [
    // Licences of the dead whose dates would still make them valid: only the status is wrong then.
    ...free(b).filter((l) => {
      const until = l[L.zzyxqjzrq] as string | null;
      return b.deceased.has(l[L.czztdm] as string) && l[L.zzzt] !== VALID && l[L.zzzt] !== null &&
        (until === null || until >= isoDate(AS_OF_DAY)) && (l[L.zzyxqqsrq] as string) <= isoDate(AS_OF_DAY);
    }).map((licence) => ({ licence })),
    ...b.persons.filter((p) => p[P.yhzgx] !== "02" && !b.isUsed(p) && (b.licencesOf.get(p[P.gmsfhm] as string) ?? []).some((l) => l[L.zzzt] === VALID)).map((person) => ({ person })),
  ],
  rank: (_, d) => ("licence" in d ? 0 : 1),
  apply(b, d, rng) {
    if ("licence" in d) {
      const l = d.licence;
      if (b.isUsed(l)) return null;
      const from = l[L.zzzt];
      l[L.zzzt] = VALID;
      b.use(l);
      return [{ rule: "X_DECEASED_VALID", key: key(l), how: `status ${from}→有效 although the registry marks the holder deceased` }];
    }
    const p = d.person;
    const id = p[P.gmsfhm] as string;
    const licences = b.licencesOf.get(id) ?? [];
    const cases = b.casesOf.get(id) ?? [];
    if (b.isUsed(p, ...licences, ...cases)) return null;
    const csrq = p[P.csrq] as string;
    const born = dayOf(`${csrq.slice(0, 4)}-${csrq.slice(4, 6)}-${csrq.slice(6)}`);
    const died = Math.max(born, AS_OF_DAY - rng.int(1, 365));
    p[P.swbs] = "1";
    p[P.zxrq] = compactDate(died);
    b.use(p, ...licences, ...cases);
    const entries: Entry[] = [];
    for (const l of licences) {
      if (l[L.zzzt] === VALID) entries.push({ rule: "X_DECEASED_VALID", key: key(l), how: `the registry recorded the holder's death on ${isoDate(died)}; the licence stayed 有效` });
    }
    return entries;
  },
};

export const LICENSE_SPOILS: Spoil[] = [
  {
    rule: "LIC_DUPLICATE_NUMBER",
    population: (b) => valid(b).filter((l) => l[L.zzbh] !== null).length,
    candidates: (b) => valid(b).filter((l) => l[L.zzbh] !== null && !b.isUsed(l)),
    apply(b, a, rng) {
      if (b.isUsed(a)) return null;
      const partners = valid(b).filter((l) => l !== a && l[L.zzlxdm] === a[L.zzlxdm] && l[L.zzbh] !== null && !b.isUsed(l));
      if (partners.length === 0) return null;
      const p = rng.pick(partners);
      p[L.zzbh] = a[L.zzbh];
      b.use(a, p);
      return [
        { rule: "LIC_DUPLICATE_NUMBER", key: key(a), how: `its number was copied to ${key(p)} (same type, both 有效)` },
        { rule: "LIC_DUPLICATE_NUMBER", key: key(p), how: `number replaced by that of ${key(a)} (same type, both 有效)` },
      ];
    },
  },
  {
    rule: "LIC_CREDIT_CODE",
    population: (b) => b.licences.filter((l) => l[L.czztdmlx] === "001").length,
    candidates: (b) => free(b).filter((l) => l[L.czztdmlx] === "001"),
    apply(b, l, rng) {
      const c = changeChar(l[L.czztdm] as string, 17, CREDIT, rng);
      l[L.czztdm] = c.value;
      b.use(l);
      return [{ rule: "LIC_CREDIT_CODE", key: key(l), how: `holder credit code's check character changed ${c.from}→${c.to}, as pilot-era codes were issued` }];
    },
  },
  {
    rule: "LIC_REQUIRED",
    population: all,
    candidates: free,
    apply(b, l, rng) {
      // Emptying the holder's name or code would change what the cross-silo rules see.
      const field = rng.pick(["zzbh", "zzzt", "czztdmlx"] as const);
      l[L[field]] = null;
      b.use(l);
      const label = { zzbh: "number", zzzt: "status", czztdmlx: "holder code type" }[field];
      return [{ rule: "LIC_REQUIRED", key: key(l), how: `${field} (${label}) emptied` }];
    },
  },
  {
    rule: "LIC_IDENTIFIER",
    population: all,
    candidates: free,
    apply(b, l, rng) {
      const id = key(l);
      let to: string;
      let how: string;
      if (rng.chance(0.8)) {
        const c = changeChar(id, id.length - 1, ALNUM, rng);
        [to, how] = [c.value, `check character changed ${c.from}→${c.to}`];
      } else {
        const parts = id.split(".");
        parts[parts.length - 2] = parts[parts.length - 2].slice(1);
        [to, how] = [parts.join("."), "version shortened to 2 digits"];
      }
      b.renameLicence(l, to);
      b.use(l);
      return [{ rule: "LIC_IDENTIFIER", key: to, how: `${how} (was ${id})` }];
    },
  },
  {
    rule: "LIC_HOLDER_ID",
    population: (b) => ofPersons(b).length,
    candidates: (b) => free(b).filter((l) => l[L.czztdmlx] === "111"),
    apply(b, l, rng) {
      const c = changeChar(l[L.czztdm] as string, 17, "0123456789X", rng);
      l[L.czztdm] = c.value;
      b.use(l);
      return [{ rule: "LIC_HOLDER_ID", key: key(l), how: `holder ID number's check character changed ${c.from}→${c.to}` }];
    },
  },
  {
    rule: "LIC_STATUS_CODE",
    population: all,
    candidates: free,
    apply(b, l, rng) {
      const from = l[L.zzzt];
      const to = rng.pick(["过期", "作废", "失效", "撤销"]);
      l[L.zzzt] = to;
      b.use(l);
      return [{ rule: "LIC_STATUS_CODE", key: key(l), how: `status ${from}→${to}, outside 有效/注销/吊销/挂失` }];
    },
  },
  {
    rule: "LIC_DATES",
    population: all,
    candidates: free,
    apply(b, l, rng) {
      let how: string;
      if (l[L.zzzt] === VALID) {
        // A 有效 licence must not end before the report day (that is LIC_EXPIRED_VALID): it is issued in the future instead.
        l[L.zzbfrq] = isoDate(AS_OF_DAY + rng.int(1, 3650));
        how = `issue date moved after the report day, to ${l[L.zzbfrq]}`;
      } else {
        l[L.zzyxqjzrq] = isoDate(dayOf(l[L.zzyxqqsrq] as string) - rng.int(1, 365));
        how = `valid-until moved before valid-from, to ${l[L.zzyxqjzrq]}`;
      }
      b.use(l);
      return [{ rule: "LIC_DATES", key: key(l), how }];
    },
  },
  {
    rule: "LIC_EXPIRED_VALID",
    population: (b) => valid(b).length,
    candidates: (b) => valid(b).filter((l) => !b.isUsed(l) && (l[L.zzyxqqsrq] as string) < isoDate(AS_OF_DAY) && (l[L.zzbfrq] as string) < isoDate(AS_OF_DAY)),
    apply(b, l, rng) {
      const from = Math.max(dayOf(l[L.zzyxqqsrq] as string), dayOf(l[L.zzbfrq] as string));
      const until = AS_OF_DAY - rng.int(1, Math.min(730, AS_OF_DAY - from));
      const was = l[L.zzyxqjzrq] ?? "long-term";
      l[L.zzyxqjzrq] = isoDate(until);
      b.use(l);
      return [{ rule: "LIC_EXPIRED_VALID", key: key(l), how: `valid-until ${was}→${l[L.zzyxqjzrq]}, status left 有效` }];
    },
  },
  {
    rule: "X_HOLDER_NAME",
    population: (b) => ofPersons(b).length,
    // Held by a current person of this batch, whose registry record no spoil renames or renumbers.
    candidates: (b) => free(b).filter((l) => l[L.czztdmlx] === "111" && b.personById.has(l[L.czztdm] as string)),
    apply(b, l, rng) {
      const name = l[L.czzt] as string;
      const c = changeChar(name, name.length - 1, NAME_CHARS, rng);
      l[L.czzt] = c.value;
      b.use(l);
      return [{ rule: "X_HOLDER_NAME", key: key(l), how: "holder name's last character changed; the registry keeps the original" }];
    },
  },
  {
    rule: "X_HOLDER_UNREGISTERED",
    population: (b) => ofPersons(b).length,
    candidates: (b) => free(b).filter((l) => l[L.czztdmlx] === "111" && isValidIdNumber(l[L.czztdm])),
    apply(b, l) {
      const first17 = UNREGISTERED_REGION + (l[L.czztdm] as string).slice(6, 17);
      l[L.czztdm] = first17 + idNumberCheckChar(first17);
      b.use(l);
      return [{ rule: "X_HOLDER_UNREGISTERED", key: key(l), how: `holder ID number replaced by a well-formed one of region ${UNREGISTERED_REGION}, which the registry does not hold` }];
    },
  },
];
