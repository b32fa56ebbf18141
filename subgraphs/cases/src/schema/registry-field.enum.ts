// The GraphQL enum of registry fields. Unlike the other code tables it has no
// UNRECOGNIZED value: an unknown column name in sp_sxcl.sjx is skipped, never returned.
import { registerEnumType } from "type-graphql";
import { RegistryColumn, type RegistryFieldValue } from "../source/registry-fields.js";

export const RegistryField = Object.fromEntries(RegistryColumn.entries.map((e) => [e.value, e.value])) as {
  [V in RegistryFieldValue]: V;
};

registerEnumType(RegistryField, {
  name: "RegistryField",
  description: `户籍字段: a registry (人口库) field that can satisfy a material. Labels: ${RegistryColumn.entries
    .map((e) => `${e.value}=${e.label}`)
    .join(", ")}`,
  valuesConfig: Object.fromEntries(
    RegistryColumn.entries.map((e) => [e.value, { description: `${e.label} (${e.labelEn}; rk_jbxx.${e.code})` }]),
  ) as never,
});
