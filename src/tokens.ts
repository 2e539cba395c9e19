// Bearer tokens: which key and algorithm (pinned by configuration, never taken from a token), signing, verifying.
import { createPrivateKey, createPublicKey, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import jwt, { type Algorithm } from "jsonwebtoken";
import { ConfigError, type Config } from "./config.ts";

export interface TokenKeys {
  algorithm: Algorithm;
  /** KeyObjects, made once: given a string, jsonwebtoken parses the key again on every call. */
  verifyKey: KeyObject;
  /** Absent when only a public key is configured and no JWT_PRIVATE_KEY is given. */
  signKey: KeyObject | undefined;
  issuer: string | undefined;
  audience: string | undefined;
}

const CLOCK_TOLERANCE_SECONDS = 30;

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
  const common = { issuer: config.jwtIssuer, audience: config.jwtAudience };
  if (config.jwtPublicKey) {
    const verifyKey = createPublicKey(config.jwtPublicKey);
    const signKey = config.jwtPrivateKey ? createPrivateKey(config.jwtPrivateKey) : undefined;
    return { ...common, algorithm: asymmetricAlgorithm(verifyKey), verifyKey, signKey };
  }
  if (!config.jwtSecret && config.databaseUrl) {
    throw new ConfigError("with DATABASE_URL, set JWT_SECRET (at least 32 bytes) or JWT_PUBLIC_KEY: tokens must outlive this process");
  }
  const secret = secretKey(config.jwtSecret ?? embeddedSecret(config.dataDir));
  return { ...common, algorithm: "HS256", verifyKey: secret, signKey: secret };
}

export const secretKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret));

export function signToken(keys: TokenKeys, userId: string, expiresIn: string | number = "1h"): string {
  if (!keys.signKey) throw new ConfigError(`signing ${keys.algorithm} tokens needs JWT_PRIVATE_KEY`);
  return jwt.sign({}, keys.signKey, {
    algorithm: keys.algorithm,
    subject: userId,
    expiresIn: expiresIn as jwt.SignOptions["expiresIn"],
    ...(keys.issuer ? { issuer: keys.issuer } : {}),
    ...(keys.audience ? { audience: keys.audience } : {}),
  });
}

/** Returns the token's subject (a user id); throws jsonwebtoken's errors for anything else. */
export function verifyToken(keys: TokenKeys, token: string): string {
  const claims = jwt.verify(token, keys.verifyKey, {
    algorithms: [keys.algorithm],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(keys.issuer ? { issuer: keys.issuer } : {}),
    ...(keys.audience ? { audience: keys.audience } : {}),
  });
  const subject = typeof claims === "object" ? claims.sub : undefined;
  if (typeof subject !== "string" || subject.length === 0 || subject.length > 128) {
    throw new jwt.JsonWebTokenError("the token has no subject");
  }
  if (!subject.isWellFormed() || subject.includes("\u0000")) throw new jwt.JsonWebTokenError("the token's subject is not a user id");
  return subject;
}
