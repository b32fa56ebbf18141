// The readiness check an acceptance cites is its evidence of what shared data said about
// the applicant: it must be about this applicant and this matter, and recent, because a
// death or a revoked licence after it would otherwise go unnoticed.
import type { ReadinessCheckRecord } from "../source/readiness-record.js";
import type { Problem } from "./problems.js";

export interface ReadinessFacts {
  readinessId: string;
  applicant: string;
  matterCode: string;
  now: Date;
  maxAgeSeconds: number;
}

/** Problems with the check; `usable` = it speaks about this applicant and matter (its materials may be consulted). */
export function checkReadiness(check: ReadinessCheckRecord | null, facts: ReadinessFacts): { usable: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (code: Problem["code"], reason: string) => problems.push({ material: null, code, reason });
  if (!check) {
    add("READINESS_NOT_FOUND", `共享调取记录不存在: no readiness check ${facts.readinessId}; ask readiness for this applicant and matter first`);
    return { usable: false, problems };
  }
  if (check.applicant.toUpperCase() !== facts.applicant) {
    add("READINESS_OTHER_APPLICANT", `共享调取记录不符: readiness check ${check.id} is about applicant ${check.applicant}, not ${facts.applicant}`);
  }
  if (check.matterCode !== facts.matterCode) {
    add("READINESS_OTHER_MATTER", `共享调取记录不符: readiness check ${check.id} is for matter ${check.matterCode}, not ${facts.matterCode}`);
  }
  const ageSeconds = Math.floor((facts.now.getTime() - check.checkedAt.getTime()) / 1000);
  if (ageSeconds > facts.maxAgeSeconds) {
    add(
      "READINESS_STALE",
      `共享调取记录已过期: readiness check ${check.id} was made at ${check.checkedAt.toISOString()}, ${ageSeconds} s ago; at most ${facts.maxAgeSeconds} s are allowed, ask readiness again`,
    );
  }
  const usable = problems.every((p) => p.code === "READINESS_STALE");
  if (usable && check.deceased === true) {
    add("APPLICANT_DECEASED", `申请人已死亡: the registry marks applicant ${facts.applicant} as deceased (readiness check ${check.id})`);
  }
  return { usable, problems };
}
