// Scalars every subgraph uses, from one place so their definitions stay identical.
export { GraphQLLocalDate as LocalDate } from "graphql-scalars";
