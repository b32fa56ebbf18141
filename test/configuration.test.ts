// The configuration surface stays true: every variable the code reads (the catalogue the
// env readers enforce) is documented in the README, listed in .env.example and wired into
// the right docker-compose service; every service is there.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_VARIABLES, readPort, readUrl, ConfigError } from "@onceonly/shared";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("configuration surface", () => {
  const compose = parse(read("docker-compose.yml")) as { services: Record<string, { environment?: Record<string, string>; image?: string; build?: unknown }> };

  it("docker-compose.yml runs PostgreSQL, Redis, the three subgraphs and the gateway as separate services", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["cases", "gateway", "licenses", "postgres", "redis", "registry"]);
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.redis.image).toMatch(/^redis:/);
  });

  it.each(["gateway", "registry", "licenses", "cases"] as const)("wires every variable the %s service reads", (service) => {
    const environment = compose.services[service].environment ?? {};
    const expected = ENV_VARIABLES.filter((v) => v.services.includes(service)).map((v) => v.name);
    expect(expected.length).toBeGreaterThan(3);
    for (const name of expected) expect(Object.keys(environment), `${service} lacks ${name}`).toContain(name);
  });

  it("points each subgraph at its own database and the gateway at each subgraph", () => {
    for (const name of ["registry", "licenses", "cases"]) {
      expect(compose.services[name].environment?.[`${name.toUpperCase()}_DATABASE_URL`]).toMatch(new RegExp(`@postgres:5432/${name}$`));
      expect(compose.services.gateway.environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${compose.services[name].environment?.[`${name.toUpperCase()}_PORT`]}/graphql`);
    }
  });

  it("keeps the licences service's receipt keys on a named volume, not in the container", () => {
    const licences = compose.services.licenses as { environment?: Record<string, string>; volumes?: string[] };
    const keyDir = licences.environment?.RECEIPT_KEYS_FILE?.replace(/\/[^/]+$/, "");
    expect(keyDir).toMatch(/^\/var\/lib\//);
    expect(licences.volumes).toContain(`receipt-keys:${keyDir}`);
    expect(Object.keys((compose as { volumes?: Record<string, unknown> }).volumes ?? {})).toContain("receipt-keys");
  });

  it("documents every variable in the README table and in .env.example", () => {
    const readme = read("README.md");
    const example = read(".env.example");
    for (const v of ENV_VARIABLES) {
      expect(readme, `README lacks ${v.name}`).toMatch(new RegExp(`\\| \`${v.name}\` \\|`));
      expect(example, `.env.example lacks ${v.name}`).toMatch(new RegExp(`^#? ?${v.name}=`, "m"));
    }
  });

  it("tells an unset variable (default) from an invalid one (error naming it)", () => {
    expect(readPort({}, "GATEWAY_PORT", 4000)).toBe(4000);
    expect(readPort({ GATEWAY_PORT: "4100" }, "GATEWAY_PORT", 4000)).toBe(4100);
    expect(() => readPort({ GATEWAY_PORT: "40x0" }, "GATEWAY_PORT", 4000)).toThrow(ConfigError);
    expect(() => readPort({ GATEWAY_PORT: "70000" }, "GATEWAY_PORT", 4000)).toThrow(/GATEWAY_PORT="70000"/);
    expect(() => readUrl({ REGISTRY_DATABASE_URL: "mysql://u:secret@h/db" }, "REGISTRY_DATABASE_URL", ["postgres:"])).toThrow(/u:\*\*\*@/);
    expect(() => readPort({}, "UNDECLARED_PORT", 1)).toThrow(/not declared/);
  });
});
