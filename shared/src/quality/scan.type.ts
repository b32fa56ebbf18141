// The GraphQL shape of a department's scan of its own silo, one page at a time: what the
// page checked per rule and the failing records' keys. Shared (@shareable) by the three
// subgraphs, each with its own root field (registryQualityScan, licensesQualityScan,
// casesQualityScan), all gated to the steward scope.
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@Directive("@shareable")
@ObjectType("QualityRuleCount", { description: "What one page of a scan checked for one rule" })
export class QualityRuleCountType {
  @Field(() => ID)
  rule!: string;

  @Field(() => Int, { description: "Records the rule looked at in this page" })
  checked!: number;

  @Field(() => Int, { description: "Of those, records that failed" })
  failed!: number;
}

@Directive("@shareable")
@ObjectType("QualityFinding", { description: "A record that fails a rule: its silo key only, never its content" })
export class QualityFindingType {
  @Field(() => ID)
  rule!: string;

  @Field(() => String, { description: "PERSON, HOUSEHOLD, LICENSE, CASE or CASE_MATERIAL" })
  kind!: string;

  @Field(() => ID, { description: "人口编号, 户号, 证照标识, 办件编号 or 办件编号/材料编码" })
  key!: string;
}

@Directive("@shareable")
@ObjectType("QualityScanPage", { description: "One page of a department's scan of its own silo" })
export class QualityScanPageType {
  @Field(() => [QualityRuleCountType])
  counts!: QualityRuleCountType[];

  @Field(() => [QualityFindingType])
  findings!: QualityFindingType[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last" })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
