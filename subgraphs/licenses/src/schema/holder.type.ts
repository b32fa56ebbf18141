// 持证主体: a natural person or an organisation, told apart by which key is present.
import { createUnionType } from "type-graphql";
import { Organization } from "./organization.type.js";
import { LicensePerson } from "./person.type.js";

export const Holder = createUnionType({
  name: "Holder",
  description: "持证主体 (licence holder): Person when the code type is 111, Organization when 001",
  types: () => [LicensePerson, Organization] as const,
  resolveType: (value) => ("idNumber" in value ? "Person" : "Organization"),
});
