// The README's examples run: its window lookup query is the one `npm start` prints and
// validates against the composed supergraph's API schema, and it names the two commands.
import { readFileSync } from "node:fs";
import { Supergraph } from "@apollo/federation-internals";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ALL_SCOPES, ENV_VARIABLES, QUALITY_RULES } from "@onceonly/shared";
import { supergraphForExecution, VERIFY_LICENSE_QUERY } from "@onceonly/gateway";
import { WINDOW_LOOKUP_QUERY } from "../scripts/src/window-lookup.js";
import * as WINDOW_FLOW from "../scripts/src/window-flow.js";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("README", () => {
  const readme = read("README.md");

  it("shows the set-up and test commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });

  it("shows the window lookup query that npm start prints, and it is valid against the supergraph", () => {
    expect(readme).toContain(WINDOW_LOOKUP_QUERY);
    const apiSchema = Supergraph.build(supergraphForExecution(read("gateway/supergraph.graphql"))).apiSchema().toGraphQLJSSchema();
    expect(validate(apiSchema, parse(WINDOW_LOOKUP_QUERY))).toEqual([]);
    const curlQuery = /"query":"(query\(\$id: ID!\)[^"]+)"/.exec(readme)?.[1];
    expect(curlQuery).toBeDefined();
    expect(validate(apiSchema, parse(curlQuery!))).toEqual([]);
  });

  it("shows a verifyLicense query and curl that are valid against the supergraph", () => {
    const apiSchema = Supergraph.build(supergraphForExecution(read("gateway/supergraph.graphql"))).apiSchema().toGraphQLJSSchema();
    expect(readme).toContain(VERIFY_LICENSE_QUERY); // the one the gateway plans at start
    const query = /```graphql\n(query Verify[\s\S]+?)```/.exec(readme)?.[1];
    const curlQuery = /"query":"(query\(\$input: VerifyLicenseInput!\)[^"]+)"/.exec(readme)?.[1];
    for (const source of [query, curlQuery]) {
      expect(source).toBeDefined();
      expect(validate(apiSchema, parse(source!))).toEqual([]);
    }
  });

  it("walks through the window flow with the operations the end-to-end test runs, valid against the supergraph", () => {
    const apiSchema = Supergraph.build(supergraphForExecution(read("gateway/supergraph.graphql"))).apiSchema().toGraphQLJSSchema();
    const operations = Object.entries(WINDOW_FLOW).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    expect(operations.map(([name]) => name).sort()).toEqual(["ACCEPT_CASE_MUTATION", "ADVANCE_CASE_MUTATION", "EVALUATE_CASE_MUTATION", "READINESS_QUERY", "SHARING_STATS_QUERY"]);
    for (const [name, source] of operations) {
      expect(readme, `README lacks ${name}`).toContain(source);
      expect(validate(apiSchema, parse(source)), name).toEqual([]);
    }
    expect(readme).toContain("npm run window-flow");
  });

  it("explains security: every scope, the audit query valid against the supergraph, the commands that exist", () => {
    const section = readme.slice(readme.indexOf("## Security"), readme.indexOf("## Configuration"));
    for (const scope of ALL_SCOPES) expect(section, `README's scope table lacks ${scope}`).toContain(`| \`${scope}\` |`);
    const apiSchema = Supergraph.build(supergraphForExecution(read("gateway/supergraph.graphql"))).apiSchema().toGraphQLJSSchema();
    const audit = /```graphql\n(query Audit[\s\S]*?)```/.exec(section)?.[1];
    expect(audit).toBeDefined();
    expect(validate(apiSchema, parse(audit!))).toEqual([]);
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    for (const command of ["token", "audit:verify", "operations:manifest"]) {
      expect(section).toContain(`npm run ${command === "token" ? "-s token" : command}`);
      expect(scripts[command], command).toBeDefined();
    }
    for (const name of ["AUTH_JWKS_URL", "SUBGRAPH_SIGNING_SECRET", "AUDIT_DATABASE_URL", "PERSISTED_OPERATIONS_ONLY"]) {
      expect(ENV_VARIABLES.map((v) => v.name)).toContain(name);
      expect(section).toContain(name);
    }
  });

  it("explains data quality: every rule counted, the stewards' query valid against the supergraph, commands that exist", () => {
    const section = readme.slice(readme.indexOf("## Data quality"), readme.indexOf("## Security"));
    expect(section).toContain(`${QUALITY_RULES.length} rules`);
    const apiSchema = Supergraph.build(supergraphForExecution(read("gateway/supergraph.graphql"))).apiSchema().toGraphQLJSSchema();
    const query = /```graphql\n(query Quality[\s\S]*?)```/.exec(section)?.[1];
    expect(query).toBeDefined();
    expect(validate(apiSchema, parse(query!))).toEqual([]);
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    for (const command of ["report:quality", "bench:quality", "seed"]) {
      expect(section).toContain(`npm run ${command}`);
      expect(scripts[command], command).toBeDefined();
    }
  });
});
