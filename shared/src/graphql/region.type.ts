// GB/T 2260 administrative division as the API shows it. A value type that more than one
// subgraph returns (a person's region, an organisation's region from its credit code), so
// it is @shareable and defined once here to stay identical everywhere.
import { Directive, Field, ObjectType } from "type-graphql";
import { regionName } from "../codes/regions.js";

@Directive("@shareable")
@ObjectType("Region", { description: "行政区划 (GB/T 2260 administrative division)" })
export class Region {
  @Field(() => String, { description: "6-digit GB/T 2260 code" })
  code!: string;

  @Field(() => String, { nullable: true, description: "Full Chinese name; null for a code outside the bundled table (e.g. a retired county)" })
  name!: string | null;

  static of(code: string | null | undefined): Region | null {
    if (!code) return null;
    return { code, name: regionName(code) };
  }
}
