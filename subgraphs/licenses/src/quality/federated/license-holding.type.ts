// 持证情况: whether a holder (by code) held a valid licence of a type on a day. An entity
// keyed by all three, so that another subgraph can ask it per record through federation:
// the cases subgraph hands one per material handed over on paper or by upload, and the
// gateway brings back the answer (X_ELICENSE_NOT_USED). The keys are @inaccessible: they
// are how the gateway joins, not data a client may read (the holder code is an ID number).
import { LocalDate, requiresScopes } from "@onceonly/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "holderCode typeCode day")')
@ObjectType("LicenseHolding", {
  description:
    "Whether the holder held a licence of the type valid on the day: status 有效, issued on or before the day, valid from on or before it (or no start) and until on or after it (or long-term)",
})
export class LicenseHolding {
  @Directive("@inaccessible")
  @Field(() => ID, { description: "持证主体代码 (czztdm, as the other silo wrote it)" })
  holderCode!: string;

  @Directive("@inaccessible")
  @Field(() => ID, { description: "证照类型代码" })
  typeCode!: string;

  @Directive("@inaccessible")
  @Field(() => LocalDate)
  day!: string;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => Boolean, { description: "A licence of the type held under the code was valid on the day (see the type)" })
  held!: boolean;
}

export interface LicenseHoldingKey {
  holderCode: string;
  typeCode: string;
  day: string;
}
