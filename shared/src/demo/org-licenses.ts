// An organisation's licences: the business licence (营业执照, number = credit code, with
// the legal representative and address as surface items) and, for food businesses, a
// food business permit (食品经营许可证, valid 5 years, renewed).
import { addYears, isoDate } from "./dates.js";
import type { LicenseIssuer, LicenseStatusValue } from "./license-issue.js";
import type { DemoOrganization } from "./organizations.js";
import { REFERENCE_DAY as REF } from "./persons.js";
import { scramble, type Rng } from "./prng.js";

const TYPE_LABEL = { company: "有限责任公司（自然人投资或控股）", individual: "个体工商户", cooperative: "农民专业合作社" };

export function organizationLicenses(issuer: LicenseIssuer, rng: Rng, org: DemoOrganization, x: number, showcase: boolean): void {
  const holder = { name: org.name, code: org.creditCode, organization: true };
  const individual = org.kind === "individual";
  const items: [string, string, string][] = [
    ["fddbr", individual ? "经营者" : "法定代表人", org.legalRepresentative.name],
    ["zs", individual ? "经营场所" : "住所", org.address],
    ["lx", "类型", TYPE_LABEL[org.kind]],
    ["clrq", "成立日期", isoDate(org.founded)],
  ];
  if (!individual) items.push(["zczb", "注册资本", `${rng.pick([10, 50, 100, 200, 500, 1000])}万元人民币`]);
  issuer.issue({
    type: "BUSINESS", holder, number: org.creditCode, region: org.region, issued: org.founded,
    validUntil: individual || rng.chance(0.7) ? null : addYears(org.founded, rng.chance(0.5) ? 20 : 30),
    status: org.status, items,
  });
  if (!org.food || !(showcase || rng.chance(0.85))) return;
  let issued = Math.min(org.founded + rng.int(10, 60), REF - 1);
  while (addYears(issued, 5) < REF && rng.chance(0.9)) issued = addYears(issued, 5) - rng.int(0, 60);
  const status: LicenseStatusValue = org.status !== "VALID" ? "CANCELLED" : !showcase && rng.chance(0.03) ? "REVOKED" : "VALID";
  const number = `JY${individual ? 2 : 1}${org.region}${String(scramble(x, 1e7, 6180341)).padStart(7, "0")}`;
  issuer.issue({ type: "FOOD", holder, number, region: org.region, issued, validUntil: addYears(issued, 5), status });
}
