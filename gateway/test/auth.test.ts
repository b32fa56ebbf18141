// Window authentication, one check at a time: each refusal names the check (extensions.check)
// and the value that failed it; a good token becomes the Caller the policy step reads.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { ConfigError, DEMO_WINDOWS } from "@onceonly/shared";
import {
  AuthenticationError,
  createAuthenticator,
  createEphemeralTokenKeys,
  loadOrCreateDevKey,
  mintToken,
  readAuthConfig,
  VERIFIED_TOKEN_TTL_MS,
  type Authenticator,
  type TokenKeys,
} from "../src/auth/index.js";
import { TestServers } from "../../test/support/http.js";

const ISSUER = "onceonly-dev";
const AUDIENCE = "onceonly-gateway";
const LS_W01 = DEMO_WINDOWS[0];

let keys: TokenKeys;
let auth: Authenticator;
beforeAll(async () => {
  keys = await createEphemeralTokenKeys();
  auth = await createAuthenticator({ issuer: ISSUER, audience: AUDIENCE, keys: [keys.publicKey] });
});

const mint = (overrides: Partial<Parameters<typeof mintToken>[2]> = {}, identity = LS_W01) =>
  mintToken(keys.privateKey, identity, { issuer: ISSUER, audience: AUDIENCE, ...overrides });

/** A token with exactly these claims (and header), for claims mintToken would never write. */
const signed = (claims: Record<string, unknown>, key: CryptoKey = keys.privateKey, alg = "EdDSA") =>
  new SignJWT(claims).setProtectedHeader({ alg }).sign(key);

const now = () => Math.floor(Date.now() / 1000);

async function refusal(header: string | undefined, using: Authenticator = auth): Promise<AuthenticationError> {
  const error = await using.authenticate(header).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  const refused = error as AuthenticationError;
  expect(refused.extensions).toMatchObject({ code: "UNAUTHENTICATED", check: refused.check, http: { status: 401 } });
  return refused;
}

describe("window authentication", () => {
  it("turns a good token into the Caller: window, department, region, scopes, token id", async () => {
    const caller = await auth.authenticate(`Bearer ${await mint()}`);
    expect(caller).toEqual({
      window: "LS-W01",
      department: "乐山市市中区政务服务中心",
      region: "511102",
      scopes: new Set(["registry:read", "licenses:read", "cases:read", "cases:write"]),
      tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // The scheme is case-insensitive (RFC 7235).
    expect((await auth.authenticate(`bearer ${await mint()}`)).window).toBe("LS-W01");
  });

  it("takes the window from sub when there is no window claim, and ignores scopes it does not know", async () => {
    const token = await signed({ sub: "LS-W09", department: "某部门", scope: "cases:read openid profile", iss: ISSUER, aud: [AUDIENCE, "other"], exp: now() + 60 });
    expect(await auth.authenticate(`Bearer ${token}`)).toEqual({ window: "LS-W09", department: "某部门", region: null, scopes: new Set(["cases:read"]), tokenId: null });
  });

  it("refuses a request without a bearer token", async () => {
    const missing = await refusal(undefined);
    expect([missing.check, missing.message]).toEqual(["missing", "no bearer token: send Authorization: Bearer <JWT>"]);
    expect((await refusal("Basic dXNlcjpwYXNz")).message).toBe('Authorization "Basic …" is not a bearer token: send Authorization: Bearer <JWT>');
    const garbage = await refusal("Bearer not-a-jwt");
    expect([garbage.check, garbage.message]).toEqual(["malformed", "bearer token is not a JWT (header.payload.signature, base64url)"]);
  });

  it("refuses an expired token, naming when it expired, but forgives a few seconds of clock skew", async () => {
    const issued = new Date("2026-11-21T19:00:00.000Z");
    const expired = await refusal(`Bearer ${await mint({ now: issued, ttlSeconds: 8 * 3600 })}`);
    expect([expired.check, expired.message]).toEqual(["expired", "token expired at 2026-11-22T03:00:00.000Z"]);
    const justNow = await signed({ window: "LS-W01", department: "d", iss: ISSUER, aud: AUDIENCE, exp: now() - 2 });
    expect((await auth.authenticate(`Bearer ${justNow}`)).window).toBe("LS-W01");
  });

  it("refuses a token not yet valid", async () => {
    const later = await signed({ window: "LS-W01", department: "d", iss: ISSUER, aud: AUDIENCE, nbf: now() + 3600, exp: now() + 7200 });
    expect((await refusal(`Bearer ${later}`)).check).toBe("not-yet-valid");
  });

  it("refuses another issuer or audience, naming both values", async () => {
    const issuer = await refusal(`Bearer ${await mint({ issuer: "x" })}`);
    expect([issuer.check, issuer.message]).toEqual(["issuer", 'token issuer "x" is not the accepted "onceonly-dev"']);
    const audience = await refusal(`Bearer ${await mint({ audience: "someone-else" })}`);
    expect([audience.check, audience.message]).toEqual(["audience", 'token audience "someone-else" does not name the accepted "onceonly-gateway"']);
  });

  it("trusts a verified token again without re-verifying, but never past its expiry or for a changed token", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-22T08:00:00Z"), toFake: ["Date"] });
    try {
      const token = await signed({ window: "LS-W01", department: "d", iss: ISSUER, aud: AUDIENCE, exp: now() + 30 });
      const first = await auth.authenticate(`Bearer ${token}`);
      // The same token again is the same Caller (remembered), not a new verification.
      expect(await auth.authenticate(`Bearer ${token}`)).toBe(first);
      // One character of the signature changed: not the remembered token, so it is verified and refused.
      const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BA" : "AA");
      expect((await refusal(`Bearer ${tampered}`)).check).toBe("signature");
      // Past exp and the clock tolerance the remembered success is gone: refused as expired.
      vi.setSystemTime(new Date("2026-11-22T08:00:36Z"));
      expect((await refusal(`Bearer ${token}`)).check).toBe("expired");
      // A token with a long life is verified again after VERIFIED_TOKEN_TTL_MS.
      const long = await signed({ window: "LS-W02", department: "d", iss: ISSUER, aud: AUDIENCE, exp: now() + 3600 });
      const once = await auth.authenticate(`Bearer ${long}`);
      vi.setSystemTime(Date.now() + VERIFIED_TOKEN_TTL_MS + 1);
      const again = await auth.authenticate(`Bearer ${long}`);
      expect(again).not.toBe(once);
      expect(again).toEqual(once);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a token signed by another key, with another algorithm, or unsigned", async () => {
    const stranger = await createEphemeralTokenKeys();
    const forged = await refusal(`Bearer ${await mintToken(stranger.privateKey, LS_W01, { issuer: ISSUER, audience: AUDIENCE })}`);
    expect([forged.check, forged.message]).toEqual(["signature", "token signature does not verify against the configured keys"]);
    // A valid token with its payload swapped: the signature no longer covers it.
    const [header, , signature] = (await mint()).split(".");
    const payload = Buffer.from(JSON.stringify({ window: "LS-JC-01", department: "x", scope: "subjects:any", iss: ISSUER, aud: AUDIENCE, exp: now() + 60 })).toString("base64url");
    expect((await refusal(`Bearer ${header}.${payload}.${signature}`)).check).toBe("signature");
    const hmac = await new SignJWT({ window: "w", department: "d" }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("x".repeat(32)));
    expect((await refusal(`Bearer ${hmac}`)).message).toBe('token algorithm "HS256" is not accepted (EdDSA, Ed25519, ES256, RS256)');
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.`;
    expect((await refusal(`Bearer ${none}`)).check).toBe("signature");
  });

  it("refuses tokens lacking what a Caller needs: department, a valid region, an expiry", async () => {
    const base = { window: "LS-W01", department: "d", iss: ISSUER, aud: AUDIENCE, exp: now() + 60 };
    const noDepartment = await refusal(`Bearer ${await signed({ ...base, department: undefined })}`);
    expect([noDepartment.check, noDepartment.message]).toEqual(["claims", "token lacks the department claim"]);
    expect((await refusal(`Bearer ${await signed({ ...base, window: undefined })}`)).message).toBe("token lacks the window claim (or sub) naming the calling window");
    expect((await refusal(`Bearer ${await signed({ ...base, region: "5111" })}`)).message).toBe('token region "5111" is not a 6-digit GB/T 2260 region code');
    expect((await refusal(`Bearer ${await signed({ ...base, scope: ["cases:read"] })}`)).check).toBe("claims");
    expect((await refusal(`Bearer ${await signed({ ...base, exp: undefined })}`)).message).toBe("token lacks the exp claim");
  });

  it("answers HTTP 401 with the GraphQL error and a WWW-Authenticate challenge", async () => {
    const { serveApollo } = await import("@onceonly/shared");
    const running = await serveApollo({
      name: "auth-test",
      apollo: { typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "world" } } },
      context: async (req) => ({ caller: await auth.authenticate(req.headers.authorization) }),
      port: 0,
    });
    try {
      const ask = (headers: Record<string, string>) =>
        fetch(running.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ hello }" }) });
      const refused = await ask({});
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="onceonly", error="invalid_request"');
      expect(await refused.json()).toEqual({
        errors: [{ message: "no bearer token: send Authorization: Bearer <JWT>", extensions: { code: "UNAUTHENTICATED", check: "missing" } }],
      });
      const expired = await ask({ authorization: `Bearer ${await mint({ now: new Date("2026-01-01T00:00:00Z"), ttlSeconds: 60 })}` });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({ code: "UNAUTHENTICATED", check: "expired" });
      const ok = await ask({ authorization: `Bearer ${await mint()}` });
      expect([ok.status, await ok.json()]).toEqual([200, { data: { hello: "world" } }]);
    } finally {
      await running.close();
    }
  });
});

describe("authentication configuration", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const tempDir = (): string => (dir = mkdtempSync(join(tmpdir(), "onceonly-auth-")));

  it("refuses to start without a way to verify tokens, saying what to set", () => {
    expect(() => readAuthConfig({})).toThrow(ConfigError);
    expect(() => readAuthConfig({})).toThrow(/set AUTH_JWKS_URL .* or AUTH_PUBLIC_KEY_FILE .*DEV_MODE=true/);
    expect(() => readAuthConfig({ DEV_MODE: "maybe" })).toThrow('DEV_MODE="maybe" must be true or false');
    expect(readAuthConfig({ DEV_MODE: "true", DATA_DIR: "/var/lib/onceonly" })).toEqual({
      devMode: true,
      issuer: "onceonly-dev",
      audience: "onceonly-gateway",
      jwksUrl: null,
      publicKeyFile: null,
      devKeyFile: "/var/lib/onceonly/dev-token-key.json",
    });
    expect(readAuthConfig({ AUTH_JWKS_URL: "https://idp.example/jwks.json", AUTH_ISSUER: "https://idp.example" })).toMatchObject({ devMode: false, issuer: "https://idp.example" });
  });

  it("DEV_MODE trusts the development key in DATA_DIR (created 0600), and only DEV_MODE", async () => {
    const dir = tempDir();
    const config = readAuthConfig({ DEV_MODE: "true", DATA_DIR: dir });
    const dev = await createAuthenticator(config);
    expect(statSync(config.devKeyFile).mode & 0o777).toBe(0o600);
    const devKeys = await loadOrCreateDevKey(config.devKeyFile);
    const token = await mintToken(devKeys.privateKey, LS_W01, { issuer: ISSUER, audience: AUDIENCE, kid: devKeys.kid });
    expect((await dev.authenticate(`Bearer ${token}`)).window).toBe("LS-W01");
    // The same key file read again is the same key.
    expect((await loadOrCreateDevKey(config.devKeyFile)).kid).toBe(devKeys.kid);

    const publicKeyFile = join(dir, "idp.pem");
    writeFileSync(publicKeyFile, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }));
    const production = await createAuthenticator(readAuthConfig({ DATA_DIR: dir, AUTH_PUBLIC_KEY_FILE: publicKeyFile }));
    expect((await refusal(`Bearer ${token}`, production)).check).toBe("signature");
  });

  it("reads AUTH_PUBLIC_KEY_FILE as a JWK, a JWK set or a PEM, and refuses private keys", async () => {
    const dir = tempDir();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const ec = await generateKeyPair("ES256", { extractable: true });
    const pem = join(dir, "rsa.pem");
    writeFileSync(pem, rsa.publicKey.export({ type: "spki", format: "pem" }));
    const jwkSet = join(dir, "keys.json");
    writeFileSync(jwkSet, JSON.stringify({ keys: [{ ...(await exportJWK(ec.publicKey)), kid: "ec-1" }] }));
    const claims = { window: "LS-W01", department: "d", iss: ISSUER, aud: AUDIENCE, exp: now() + 60 };
    for (const [file, token] of [
      [pem, await new SignJWT(claims).setProtectedHeader({ alg: "RS256" }).sign(rsa.privateKey)],
      [jwkSet, await new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "ec-1" }).sign(ec.privateKey)],
    ]) {
      const fromFile = await createAuthenticator(readAuthConfig({ AUTH_PUBLIC_KEY_FILE: file }));
      expect((await fromFile.authenticate(`Bearer ${token}`)).window).toBe("LS-W01");
    }
    const privatePem = join(dir, "private.pem");
    writeFileSync(privatePem, rsa.privateKey.export({ type: "pkcs8", format: "pem" }));
    await expect(createAuthenticator(readAuthConfig({ AUTH_PUBLIC_KEY_FILE: privatePem }))).rejects.toThrow(/holds a private key; give the gateway the public half only/);
    const privateJwk = join(dir, "private.json");
    writeFileSync(privateJwk, JSON.stringify(await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey)));
    await expect(createAuthenticator(readAuthConfig({ AUTH_PUBLIC_KEY_FILE: privateJwk }))).rejects.toThrow(/private or symmetric key material/);
    await expect(createAuthenticator(readAuthConfig({ AUTH_PUBLIC_KEY_FILE: join(dir, "absent.pem") }))).rejects.toThrow(/absent\.pem cannot be read/);
  });
});

describe("identity provider key set (AUTH_JWKS_URL)", () => {
  const servers = new TestServers();
  afterEach(() => servers.closeAll());

  it("verifies tokens signed by a key of the set, picked by kid; a key set that cannot be fetched is a 503, not a 401", async () => {
    const idp = await generateKeyPair("ES256", { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(idp.publicKey)), kid: "idp-2026", alg: "ES256", use: "sig" }] };
    let up = true;
    const origin = await servers.listen((_req, res) => {
      res.statusCode = up ? 200 : 500;
      res.setHeader("content-type", "application/json");
      res.end(up ? JSON.stringify(jwks) : "{}");
    });
    const idpAuth = await createAuthenticator({ issuer: "https://idp.example", audience: AUDIENCE, keys: [], jwksUrl: `${origin}/jwks.json` });
    const claims = { window: "LS-W02", department: "乐山市市中区政务服务中心", scope: "cases:read", iss: "https://idp.example", aud: AUDIENCE, exp: now() + 60 };
    const token = await new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "idp-2026" }).sign(idp.privateKey);
    expect((await idpAuth.authenticate(`Bearer ${token}`)).scopes).toEqual(new Set(["cases:read"]));
    const unknownKid = await new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "someone" }).sign((await generateKeyPair("ES256")).privateKey);
    expect((await refusal(`Bearer ${unknownKid}`, idpAuth)).check).toBe("signature");

    up = false;
    const cold = await createAuthenticator({ issuer: "https://idp.example", audience: AUDIENCE, keys: [], jwksUrl: `${origin}/jwks.json` });
    const error = (await cold.authenticate(`Bearer ${token}`).catch((e: unknown) => e)) as { extensions: Record<string, unknown>; message: string };
    expect(error.extensions).toMatchObject({ code: "AUTHENTICATION_UNAVAILABLE", http: { status: 503 } });
    expect(error.message).toContain(`${origin}/jwks.json is unavailable`);
  });
});
