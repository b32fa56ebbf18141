// The identities `npm start` prints a development token for, and the authorization matrix
// test uses: windows of the demo service centre plus a verifying department, a steward, an
// auditor and a supervisor. Window ids follow the demo cases' (places.ts: LS-W01 …), so
// the cases accepted at LS-W01 in the demo are that window's own.
import type { Scope } from "./scopes.js";

export interface DemoWindow {
  window: string;
  department: string;
  region: string;
  scopes: readonly Scope[];
  /** What it is, for the printed list. */
  label: string;
}

const WINDOW_SCOPES: readonly Scope[] = ["registry:read", "licenses:read", "cases:read", "cases:write"];

export const DEMO_WINDOWS: readonly DemoWindow[] = [
  { window: "LS-W01", department: "乐山市市中区政务服务中心", region: "511102", scopes: WINDOW_SCOPES, label: "综合窗口 1 (general window)" },
  { window: "LS-W02", department: "乐山市市中区政务服务中心", region: "511102", scopes: WINDOW_SCOPES, label: "综合窗口 2 (general window)" },
  { window: "LS-GA-01", department: "乐山市公安局市中区分局", region: "511102", scopes: [...WINDOW_SCOPES, "registry:read:pii"], label: "户籍窗口 (registry window, unmasked)" },
  { window: "LS-SCJG-01", department: "乐山市市场监督管理局", region: "511100", scopes: ["licenses:verify"], label: "证照核验 (verifying department)" },
  { window: "LS-SJ-01", department: "乐山市大数据中心", region: "511100", scopes: ["quality:read", "registry:read", "licenses:read", "cases:read"], label: "数据管理员 (data steward: X-Purpose DATA-QUALITY)" },
  { window: "LS-SJ-AUDIT", department: "乐山市审计局", region: "511100", scopes: ["audit:read", "registry:read:pii"], label: "审计 (auditor)" },
  { window: "LS-JC-01", department: "乐山市政务服务管理局", region: "511100", scopes: ["registry:read", "registry:read:pii", "licenses:read", "cases:read", "subjects:any"], label: "督查 (supervisor, any subject)" },
];
