// The clean shapes the legacy adapter hands to resolvers: pinyin columns and national
// codes stop here. Resolvers and loaders only ever see these.
import type { CaseResult, CaseStatus, Evaluation, MatterKind, SubmissionMethod } from "@onceonly/shared";
import type { RegistryFieldValue } from "./registry-fields.js";

type ValueOf<T> = T[keyof T];
export type MatterKindValue = ValueOf<typeof MatterKind.enum>;
export type CaseStatusValue = ValueOf<typeof CaseStatus.enum>;
export type CaseResultValue = ValueOf<typeof CaseResult.enum>;
export type EvaluationValue = ValueOf<typeof Evaluation.enum>;
export type SubmissionMethodValue = ValueOf<typeof SubmissionMethod.enum>;

export interface MatterRecord {
  code: string;
  name: string;
  department: string | null;
  kind: MatterKindValue | null;
  statutoryDays: number | null;
  promisedDays: number | null;
  /** 服务对象 (sp_sxml.fwdx): whom the matter serves; null = not recorded, either kind. */
  applicantKind: "PERSON" | "ORGANIZATION" | null;
}

export interface MaterialRecord {
  matterCode: string;
  code: string;
  name: string;
  licenseType: { code: string } | null;
  registryFields: RegistryFieldValue[];
  required: boolean;
  /** 告知承诺: the applicant may replace it by a signed commitment (sp_sxcl.yxcn). */
  commitmentAllowed: boolean;
  /** 容缺受理: it may be handed in after acceptance (sp_sxcl.yxrq). */
  deferralAllowed: boolean;
}

/** The federation stub of the applicant: which key is present decides Person or Organization. */
export type ApplicantRef = { idNumber: string } | { creditCode: string };

export interface CaseRecord {
  number: string;
  matterCode: string;
  applicant: ApplicantRef | null;
  applicantName: string | null;
  acceptedAt: Date | null;
  window: string | null;
  promisedBy: Date | null;
  status: CaseStatusValue | null;
  completedAt: Date | null;
  result: CaseResultValue | null;
  evaluation: EvaluationValue | null;
  /** 评价时间 and 评价内容 of the 好差评 (sp_bj.pjsj, pjnr). */
  evaluatedAt: Date | null;
  evaluationComment: string | null;
}

export interface CaseMaterialRecord {
  caseNumber: string;
  code: string;
  name: string | null;
  method: SubmissionMethodValue | null;
  licenseId: string | null;
  license: { id: string } | null;
}

export interface CaseEventRecord {
  caseNumber: string;
  status: CaseStatusValue | null;
  at: Date;
  window: string | null;
  handler: string | null;
  opinion: string | null;
}

export interface CasePage {
  nodes: CaseRecord[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}
