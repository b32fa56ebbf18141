// The arguments of the three silo scans (registryQualityScan, licensesQualityScan,
// casesQualityScan): one ArgsType so they read asOf, after, first in the SDL (separate
// @Arg parameters come out in reverse) and cannot drift between the subgraphs.
import { ArgsType, Field, Int } from "type-graphql";
import { LocalDate } from "../graphql/scalars.js";
import { DEFAULT_SCAN_PAGE, MAX_SCAN_PAGE } from "./silo-scan.js";

@ArgsType()
export class QualityScanArgs {
  @Field(() => LocalDate, { description: "The report day (China): date rules are judged as of this day" })
  asOf!: string;

  @Field(() => String, { nullable: true, description: "The previous page's endCursor, unchanged; omit for the first page" })
  after?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SCAN_PAGE, description: `Records read per page, 1 to ${MAX_SCAN_PAGE}` })
  first?: number | null;
}
