// Cursor paging as every subgraph's connections show it (cases of an applicant, licence
// usage …). A value type returned by more than one subgraph, so @shareable and defined
// once here to stay identical everywhere, like Region.
import { Directive, Field, ObjectType } from "type-graphql";

@Directive("@shareable")
@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on an empty page" })
  endCursor!: string | null;
}
