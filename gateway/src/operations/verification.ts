// 证照核验: one licence, and a department's bulk check (verifyLicenses answers in input
// order, at most two silo statements per call). The README shows VERIFY_LICENSE_QUERY
// (a test keeps them the same); the end-to-end test and the benchmark send both.

export const VERIFY_LICENSE_QUERY: string = `query Verify($input: VerifyLicenseInput!) {
  verifyLicense(input: $input) {
    outcome
    reason
    reasonEn
    warnings
    checkedAt
    asOf
    receipt
    license { id name number holderName validFrom validUntil status }
  }
}`;

export const VERIFY_LICENSES_QUERY: string = `query VerifyMany($inputs: [VerifyLicenseInput!]!) {
  verifyLicenses(inputs: $inputs) {
    outcome
    reason
    warnings
    checkedAt
    receipt
    license { id holderName validUntil status }
  }
}`;
