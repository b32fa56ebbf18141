// Case-handling (办件/审批) code tables.
import { defineCodeTable } from "./code-table.js";

export const MatterKind = defineCodeTable("MatterKind", "办件类型 (sp_sxml.bjlx)", [
  { code: "1", value: "IMMEDIATE", label: "即办件", labelEn: "handled on the spot" },
  { code: "2", value: "PROMISED", label: "承诺件", labelEn: "handled within a promised time" },
] as const);

export const CaseStatus = defineCodeTable("CaseStatus", "办件状态 (sp_bj.zt)", [
  { code: "01", value: "ACCEPTED", label: "受理", labelEn: "accepted" },
  { code: "02", value: "PROCESSING", label: "承办", labelEn: "in process" },
  { code: "03", value: "REVIEWING", label: "审核", labelEn: "under review" },
  { code: "04", value: "COMPLETED", label: "办结", labelEn: "completed" },
  { code: "05", value: "NOT_ACCEPTED", label: "不予受理", labelEn: "not accepted" },
  { code: "06", value: "RETURNED_FOR_CORRECTION", label: "退回补正", labelEn: "returned for correction" },
  { code: "07", value: "SPECIAL_PROCEDURE", label: "特别程序", labelEn: "special procedure (clock paused)" },
] as const);

export const SubmissionMethod = defineCodeTable("SubmissionMethod", "材料提交方式 (sp_bjcl.tjfs)", [
  { code: "1", value: "SHARED_DATA", label: "共享调取", labelEn: "pulled from shared data" },
  { code: "2", value: "E_LICENSE", label: "电子证照", labelEn: "electronic licence" },
  { code: "3", value: "COMMITMENT", label: "告知承诺", labelEn: "notification and commitment" },
  { code: "4", value: "DEFERRED", label: "容缺", labelEn: "deferred (容缺受理)" },
  { code: "5", value: "PAPER", label: "纸质", labelEn: "paper" },
  { code: "6", value: "UPLOAD", label: "上传", labelEn: "upload" },
] as const);

export const Evaluation = defineCodeTable("Evaluation", "政务服务好差评 (sp_bj.mydpj)", [
  { code: "5", value: "VERY_SATISFIED", label: "非常满意", labelEn: "very satisfied" },
  { code: "4", value: "SATISFIED", label: "满意", labelEn: "satisfied" },
  { code: "3", value: "BASICALLY_SATISFIED", label: "基本满意", labelEn: "basically satisfied" },
  { code: "2", value: "DISSATISFIED", label: "不满意", labelEn: "dissatisfied" },
  { code: "1", value: "VERY_DISSATISFIED", label: "非常不满意", labelEn: "very dissatisfied" },
] as const);

export const ApplicantKind = defineCodeTable("ApplicantKind", "申请人类型 (sp_bj.sqrlx)", [
  { code: "1", value: "PERSON", label: "自然人", labelEn: "natural person" },
  { code: "2", value: "ORGANIZATION", label: "法人", labelEn: "legal person" },
] as const);

export const CaseResult = defineCodeTable("CaseResult", "办结结果 (sp_bj.bjjg)", [
  { code: "1", value: "APPROVED", label: "准予许可", labelEn: "approved" },
  { code: "2", value: "DENIED", label: "不予许可", labelEn: "denied" },
] as const);
