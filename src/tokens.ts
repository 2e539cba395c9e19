// Bearer tokens' keys: a key of our own (pinned algorithm, never taken from a token) that can also sign, or the
// identity provider's published key set, fetched and cached by jose.
import { createPrivateKey, createPublicKey, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTHeaderParameters,
  type JWTVerifyGetKey,
} from "jose";
import jwt, { type Algorithm } from "jsonwebtoken";
import type { Logger } from "pino";
import { ConfigError, type Config } from "./config.ts";

/** A key of our own, from the environment or the embedded secret. */
export interface TokenKeys {
  algorithm: Algorithm;
  /** KeyObjects, made once: given a string, jsonwebtoken parses the key again on every call. */
  verifyKey: KeyObject;
  /** Absent when only a public key is configured and no JWT_PRIVATE_KEY is given. */
  signKey: KeyObject | undefined;
  issuer: string | undefined;
  audience: string | undefined;
}

/** The identity provider's keys (JWT_JWKS_URL). */
export interface ProviderKeys {
  /**
   * The cached key set's resolver: a token whose kid is not in it refetches the set at once (a provider may sign with
   * a key it published a moment ago), as long as the refetches of the last minute stay under the limit.
   */
  jwks: JWTVerifyGetKey;
  issuer: string | undefined;
  audience: string | undefined;
  /** Why no token can be verified yet (the key set has never been fetched); undefined once it has. */
  pending(): string | undefined;
  /** Stops the refreshes. */
  close(): void;
}

export type VerificationKeys = TokenKeys | ProviderKeys;

export const isProviderKeys = (keys: VerificationKeys): keys is ProviderKeys => "jwks" in keys;

/** What a published key may sign with: asymmetric algorithms only, so a public key never serves as an HMAC secret. */
export const PROVIDER_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];

export interface ProviderTiming {
  /** Between refreshes, which drop the keys the provider no longer publishes; the cached set is kept when one fails. */
  refreshMs: number;
  /** Between attempts until the first fetch succeeds. */
  retryMs: number;
  /** At most this many refetches per minute for tokens whose kid is not in the cached set (JWT_JWKS_REFETCHES_PER_MINUTE). */
  refetchesPerMinute: number;
  fetchTimeoutMs: number;
}

const PROVIDER_TIMING: Omit<ProviderTiming, "refetchesPerMinute"> = {
  refreshMs: 10 * 60_000,
  retryMs: 5_000,
  fetchTimeoutMs: 5_000,
};

/**
 * The cached key set's resolver. A token whose kid is not in the set refetches it at once (a provider may sign with a
 * key it published a moment ago), within a budget of fetches per sliding minute, as jwks-rsa's rate limit does; tokens
 * that arrive while a fetch is under way wait for it rather than fetching again. So a rotation is followed at once,
 * and tokens naming keys that do not exist cannot make the server hammer the provider. (jose's own cooldown after
 * every fetch would refuse a new key for its whole duration.)
 */
function refetchingResolver(remote: ReturnType<typeof createRemoteJWKSet>, perMinute: number): JWTVerifyGetKey {
  const fetches: number[] = [];
  let inFlight: Promise<void> | undefined;
  let cached: JSONWebKeySet | undefined;
  let local: JWTVerifyGetKey | undefined;
  const resolver = () => {
    const current = remote.jwks();
    if (current !== cached) [cached, local] = [current, current && createLocalJWKSet(current)];
    return local;
  };
  const knows = (header: JWTHeaderParameters) =>
    (remote.jwks()?.keys ?? []).some((key) =>
      header.kid === undefined ? key.alg === undefined || key.alg === header.alg : key.kid === header.kid,
    );
  return async (header, token) => {
    if (!knows(header)) {
      if (!inFlight) {
        const now = Date.now();
        while (fetches.length > 0 && fetches[0] <= now - 60_000) fetches.shift();
        if (fetches.length >= perMinute) throw new errors.JWKSNoMatchingKey();
        fetches.push(now);
        inFlight = remote.reload().finally(() => (inFlight = undefined));
      }
      // A failed fetch keeps the cached keys: the token is then judged by them.
      await inFlight.catch(() => undefined);
    }
    const resolve = resolver();
    if (!resolve) throw new errors.JWKSNoMatchingKey();
    return resolve(header, token);
  };
}

function asymmetricAlgorithm(key: KeyObject): Algorithm {
  if (key.asymmetricKeyType === "rsa") return "RS256";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ES256";
  throw new ConfigError("JWT_PUBLIC_KEY must be an RSA key (RS256) or a P-256 EC key (ES256)");
}

/** In embedded mode without a configured key, a random secret is made once and kept under DATA_DIR. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, "jwt-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    writeFileSync(file, secret + "\n", { mode: 0o600 });
    return secret;
  }
}

export function resolveTokenKeys(config: Config): TokenKeys {
  if (config.jwtJwksUrl)
    throw new ConfigError(
      "with JWT_JWKS_URL, tokens come from the identity provider: this server has no key to sign them",
    );
  const common = { issuer: config.jwtIssuer, audience: config.jwtAudience };
  if (config.jwtPublicKey) {
    const verifyKey = createPublicKey(config.jwtPublicKey);
    const signKey = config.jwtPrivateKey ? createPrivateKey(config.jwtPrivateKey) : undefined;
    return { ...common, algorithm: asymmetricAlgorithm(verifyKey), verifyKey, signKey };
  }
  if (!config.jwtSecret && config.databaseUrl) {
    throw new ConfigError(
      "with DATABASE_URL, set JWT_SECRET (at least 32 bytes) or JWT_PUBLIC_KEY: tokens must outlive this process",
    );
  }
  const secret = secretKey(config.jwtSecret ?? embeddedSecret(config.dataDir));
  return { ...common, algorithm: "HS256", verifyKey: secret, signKey: secret };
}

export const secretKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret));

/** Starts fetching the provider's keys without waiting for them: start-up must not hang on the provider. */
export function providerKeys(
  config: Config,
  logger: Logger,
  timing: ProviderTiming = { ...PROVIDER_TIMING, refetchesPerMinute: config.jwtJwksRefetchesPerMinute },
): ProviderKeys {
  const url = config.jwtJwksUrl!;
  // jose fetches and caches the set; refetchingResolver decides when an unknown kid may refetch it.
  const remote = createRemoteJWKSet(url, { cacheMaxAge: Infinity, timeoutDuration: timing.fetchTimeoutMs });
  const jwks = refetchingResolver(remote, timing.refetchesPerMinute);
  const where = url.origin + url.pathname;
  if (!config.jwtIssuer || !config.jwtAudience) {
    logger.warn(
      "JWT_JWKS_URL without JWT_ISSUER and JWT_AUDIENCE: tokens the provider signs for any application (or, with keys shared between tenants, any tenant) are accepted",
    );
  }
  let pending: string | undefined = `the identity provider's keys (JWT_JWKS_URL) have not been fetched yet`;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const refresh = async () => {
    try {
      await remote.reload();
      if (pending) logger.info(`fetched the identity provider's keys from ${where}`);
      pending = undefined;
    } catch (error) {
      const why = fetchFailure(error);
      if (pending) pending = `the identity provider's keys (JWT_JWKS_URL) have not been fetched yet: ${why}`;
      logger.warn(
        `could not fetch the identity provider's keys from ${where} (${why})${pending ? "" : "; the cached keys stay in use"}`,
      );
    }
    if (!closed) timer = setTimeout(() => void refresh(), pending ? timing.retryMs : timing.refreshMs).unref();
  };
  void refresh();
  return {
    jwks,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    pending: () => pending,
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

/** fetch reports a refused connection as "fetch failed" with the reason's code underneath. */
function fetchFailure(error: unknown): string {
  const { message, cause } = error as Error & { cause?: { code?: string } };
  return cause?.code ?? message;
}

export function openTokenKeys(config: Config, logger: Logger): VerificationKeys {
  return config.jwtJwksUrl ? providerKeys(config, logger) : resolveTokenKeys(config);
}

/** `claims` beside sub: email and preferred_username, so that a token names its user under every JWT_SUBJECT_CLAIM. */
export function signToken(
  keys: TokenKeys,
  userId: string,
  expiresIn: string | number = "1h",
  claims: object = {},
): string {
  if (!keys.signKey) throw new ConfigError(`signing ${keys.algorithm} tokens needs JWT_PRIVATE_KEY`);
  return jwt.sign(claims, keys.signKey, {
    algorithm: keys.algorithm,
    subject: userId,
    expiresIn: expiresIn as jwt.SignOptions["expiresIn"],
    ...(keys.issuer ? { issuer: keys.issuer } : {}),
    ...(keys.audience ? { audience: keys.audience } : {}),
  });
}
