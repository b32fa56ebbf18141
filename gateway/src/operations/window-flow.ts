// The window flow (pull once): readiness for a matter, acceptance citing shared data,
// the case's lifecycle, and the sharing statistics. The README shows these exact texts
// and the end-to-end test runs them through the gateway, so neither can drift.

/** Step 1: one request — the applicant, what shared data satisfies, the prefilled form. */
export const READINESS_QUERY: string = `query Readiness($idNumber: ID!, $matterCode: ID!) {
  person(idNumber: $idNumber) {
    name
    readiness(matterCode: $matterCode) {
      id
      ready
      matter { code name promisedDays }
      materials {
        material { code name required registryFields }
        satisfied
        satisfiedBy
        license { id typeCode typeName validUntil receipt }
        registryFields
        reason
        reasonText
        acceptableMethods
      }
      prefill {
        field
        label
        value
        provenance { source department recordKey updatedAt }
      }
      householdMembers { idNumber name relationship }
    }
  }
}`;

/** Step 2: accept the case, citing the readiness check and the licences' receipts. */
export const ACCEPT_CASE_MUTATION: string = `mutation Accept($input: AcceptCaseInput!) {
  acceptCase(input: $input) {
    number
    status
    acceptedAt
    promisedBy
    workingDaysLeft
    materials { code name method licenseId }
    timeline { status at window opinion }
  }
}`;

/** Step 3: the case moves on (受理 → 承办 → 审核 → 办结); illegal moves are refused. */
export const ADVANCE_CASE_MUTATION: string = `mutation Advance($number: ID!, $to: CaseStatus!, $opinion: String, $result: CaseResult) {
  advanceCase(number: $number, to: $to, opinion: $opinion, result: $result) {
    number
    status
    overdue
    workingDaysLeft
    timeline { status at window opinion }
  }
}`;

/** Step 4: 好差评 after completion. */
export const EVALUATE_CASE_MUTATION: string = `mutation Evaluate($number: ID!, $evaluation: Evaluation!) {
  evaluateCase(number: $number, evaluation: $evaluation) { number evaluation evaluatedAt }
}`;

/** The sharing effect: 免提交率 and 电子证照使用率 for a period. */
export const SHARING_STATS_QUERY: string = `query Sharing($from: LocalDate!, $to: LocalDate!) {
  sharingStats(from: $from, to: $to, groupBy: MATTER) {
    total { cases materials sharedMaterials handedOverMaterials exemptionRate prefillRate eLicenseUsageRate }
    groups { key label cases exemptionRate eLicenseUsageRate }
  }
}`;
