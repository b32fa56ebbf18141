// The window lookup: what a clerk sees after typing an applicant's ID number. One
// request; the gateway plans it across the registry, licence and case subgraphs.
// The README shows this exact text (a test keeps them the same).
export const WINDOW_LOOKUP_QUERY: string = `query WindowLookup($idNumber: ID!) {
  person(idNumber: $idNumber) {
    idNumber
    name
    sex
    ethnicity
    birthDate
    address
    region { code name }
    maritalStatus
    deceased
    household {
      number
      type
      address
      members { idNumber name relationshipToHead }
    }
    licenses {
      id
      name
      number
      type { code name department }
      status
      validFrom
      validUntil
      expired
      issuer { name }
    }
    cases(first: 10) {
      totalCount
      nodes { number matter { code name } status acceptedAt promisedBy window }
    }
  }
}`;
