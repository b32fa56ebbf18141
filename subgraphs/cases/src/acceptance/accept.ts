// acceptCase end to end: read the request, answer a replayed key from what it created,
// gather the facts (matter, materials, bundle members, readiness check, receipts), run
// every check, and write the case — or refuse with every problem at once.
import { BadUserInputError } from "@onceonly/shared";
import type { CasesContext } from "../context.js";
import type { AcceptCaseInput } from "../schema/accept-case.input.js";
import type { CaseRecord } from "../source/records.js";
import type { ReadinessCheckRecord } from "../source/readiness-record.js";
import type { IdempotencyRecord } from "../source/acceptance.source.js";
import type { BundleMaterialLink, BundleMemberRecord } from "../source/matters.source.js";
import { readApplicant } from "./applicant.js";
import { caseNumber } from "./case-number.js";
import { caseRows, casesNeeded, type AcceptancePlan, type BundleMemberPlan } from "./case-rows.js";
import { checkMaterials } from "./check-materials.js";
import { checkReadiness } from "./check-readiness.js";
import { checkFormFields } from "./form-fields.js";
import { refusal, type Problem } from "./problems.js";
import { readRequest, requestDigest } from "./request.js";
import { verifyReceipts } from "./verify-receipts.js";

export async function acceptCase(input: AcceptCaseInput, ctx: CasesContext): Promise<CaseRecord> {
  const request = readRequest(input);
  const digest = requestDigest(request);
  // A retry is answered from what the first request created, whatever has aged since
  // (its receipts, its readiness check): the case exists, the window only lost the answer.
  const earlier = await ctx.sources.acceptance.byKey(request.idempotencyKey);
  if (earlier) return replay(earlier, digest, ctx);

  const code = request.matterCode;
  const [matter, catalogue, [members], [links], check] = await Promise.all([
    ctx.loaders.matterByCode.load(code),
    ctx.loaders.materialsByMatter.load(code),
    ctx.sources.matters.membersByBundles([code]),
    ctx.sources.matters.bundleMaterialsByBundles([code]),
    ctx.sources.readiness.byId(request.readinessId),
  ]);
  const now = ctx.services.clock();
  const problems: Problem[] = [];
  const window = readWindow(ctx, problems);
  if (!matter) problems.push({ material: null, code: "UNKNOWN_MATTER", reason: `事项不存在: the catalogue has no matter ${code}` });

  const { applicant, problem } = readApplicant(request.applicant, matter?.applicantKind ?? null);
  if (problem) problems.push(problem);
  const readiness = checkReadiness(check, {
    readinessId: request.readinessId,
    applicant: applicant.code,
    matterCode: code,
    now,
    maxAgeSeconds: ctx.services.readinessMaxAgeSeconds,
  });
  problems.push(...readiness.problems);
  const evidence = readiness.usable ? check : null;

  const receipts = await verifyReceipts(matter ? request.materials : [], ctx.services.receiptKeys, {
    now,
    maxAgeSeconds: ctx.services.receiptMaxAgeSeconds,
  });
  const materials = matter
    ? checkMaterials(request.materials, { catalogue, applicant: applicant.code, readiness: evidence, receipts })
    : { problems: [], recorded: [] };
  problems.push(...materials.problems);
  const form = checkFormFields(request.formFields, evidence);
  problems.push(...form.problems);

  const memberPlans = members.length > 0 ? await bundleMembers(code, members, links, ctx, problems) : [];
  if (problems.length > 0 || !matter || !window) throw refusal(problems);

  const plan: AcceptancePlan = {
    matter,
    catalogue,
    applicant,
    applicantName: request.applicantName ?? prefilledName(evidence),
    readinessId: request.readinessId,
    window,
    handler: request.handler,
    acceptedAt: now,
    recorded: materials.recorded,
    formFields: form.submitted,
    members: memberPlans,
  };
  const outcome = await ctx.sources.acceptance.accept({
    key: request.idempotencyKey,
    digest,
    acceptedAt: now,
    cases: casesNeeded(plan),
    number: (sequence) => caseNumber(now, sequence),
    rows: (numbers) => caseRows(plan, numbers, ctx.services.calendar),
  });
  if (!outcome.created) return replay(outcome.existing, digest, ctx);
  return load(outcome.caseNumber, ctx);
}

// Private: each member matter of a bundle with its materials and which bundle material serves each.
async function bundleMembers(
  code: string,
  members: readonly BundleMemberRecord[],
  links: readonly BundleMaterialLink[],
  ctx: CasesContext,
  problems: Problem[],
): Promise<BundleMemberPlan[]> {
  const catalogues = await ctx.loaders.materialsByMatter.loadMany(members.map((m) => m.code));
  return members.flatMap((member, i) => {
    const catalogue = catalogues[i];
    if (catalogue instanceof Error) throw catalogue;
    if (!member.matter) {
      problems.push({ material: null, code: "BUNDLE_MEMBER_UNKNOWN", reason: `一件事成员事项不存在: bundle ${code} names member matter ${member.code}, which the catalogue lacks` });
      return [];
    }
    const serves = links.filter((l) => l.memberCode === member.code).map((l) => ({ bundleMaterial: l.bundleMaterial, memberMaterial: l.memberMaterial }));
    return [{ matter: member.matter, catalogue, serves }];
  });
}

// Private: the same key and the same request give the same case; another request, an error.
async function replay(earlier: IdempotencyRecord, digest: string, ctx: CasesContext): Promise<CaseRecord> {
  if (earlier.digest !== digest) {
    throw new BadUserInputError(
      `idempotencyKey: "${earlier.key}" was already used for another request; a retry must repeat the request exactly, a new request needs a new key`,
      { argument: "idempotencyKey", value: earlier.key, rule: "idempotency-key-reused" },
    );
  }
  return load(earlier.caseNumber, ctx);
}

async function load(number: string, ctx: CasesContext): Promise<CaseRecord> {
  const [found] = await ctx.sources.cases.byNumbers([number]);
  if (!found) throw new Error(`case ${number} was accepted but cannot be read back`);
  ctx.loaders.caseByNumber.prime(number, found);
  return found;
}

// Private: the accepting window is the gateway's forwarded identity (x-window-id).
function readWindow(ctx: CasesContext, problems: Problem[]): { id: string; department: string | null } | null {
  const id = ctx.window?.id?.trim();
  if (!id) {
    problems.push({ material: null, code: "WINDOW_REQUIRED", reason: "受理窗口缺失: a case is accepted at a window; send x-window-id (the gateway forwards it from the window's token)" });
    return null;
  }
  const department = ctx.window?.department?.trim() || null;
  if (id.length > 32 || (department?.length ?? 0) > 100) {
    throw new BadUserInputError(`x-window-id "${id}" (at most 32 characters) or x-department (at most 100) is too long`, {
      argument: "x-window-id",
      value: id,
      rule: "length",
    });
  }
  return { id, department };
}

// Private: with no name given, the one the readiness check prefilled (persons or organisations).
function prefilledName(readiness: ReadinessCheckRecord | null): string | null {
  const name = readiness?.prefill.find((p) => p.field === "NAME" || p.field === "ORGANIZATION_NAME")?.value ?? null;
  return name && name.length <= 200 ? name : null;
}
