// Bearer authentication: the token must verify against the configured keys; its subject claim becomes a reference
// to the caller, who is loaded with the target user by the handler (one round trip) and refused there when no
// directory user matches or the user is not active.
import { jwtVerify } from "jose";
import jwt from "jsonwebtoken";
import type { Config, SubjectClaim } from "../config.ts";
import type { UserRef } from "../directory/model.ts";
import { unauthorized, unavailable } from "../wire/api-error.ts";
import type { Authenticate } from "../wire/operation.ts";
import { isProviderKeys, PROVIDER_ALGORITHMS, type VerificationKeys } from "../tokens.ts";

type Claims = Record<string, unknown>;

/** How each subject claim finds its user; usernames and emails are matched case-insensitively. */
const CALLER_BY: Record<SubjectClaim, "id" | "email" | "username"> = {
  sub: "id",
  email: "email",
  preferred_username: "username",
};

const MAX_SUBJECT_LENGTH = 320;

/** Checks signature, algorithm, exp, nbf, iss and aud: our own key with jsonwebtoken, the provider's with jose. */
function verifier(keys: VerificationKeys, clockTolerance: number): (token: string) => Claims | Promise<Claims> {
  const expected = {
    ...(keys.issuer ? { issuer: keys.issuer } : {}),
    ...(keys.audience ? { audience: keys.audience } : {}),
  };
  if (isProviderKeys(keys)) {
    const options = { ...expected, algorithms: PROVIDER_ALGORITHMS, clockTolerance };
    return async (token) => (await jwtVerify(token, keys.jwks, options)).payload;
  }
  const options = { ...expected, algorithms: [keys.algorithm], clockTolerance };
  return (token) => {
    const claims = jwt.verify(token, keys.verifyKey, options);
    return typeof claims === "object" ? claims : {};
  };
}

/** Neither library refuses a token issued in the future unless asked for a maximum age. */
function checkIssuedAt(claims: Claims, clockTolerance: number): void {
  if (typeof claims.iat === "number" && claims.iat > Date.now() / 1000 + clockTolerance) {
    throw new Error("it is issued in the future (iat)");
  }
}

function callerRef(claims: Claims, claim: SubjectClaim): UserRef {
  const value = claims[claim];
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_SUBJECT_LENGTH) {
    throw new Error(`it has no ${claim} claim naming its user`);
  }
  if (!value.isWellFormed() || value.includes("\u0000"))
    throw new Error(`its ${claim} claim holds text no user can have`);
  // Whoever can set an address at the provider could otherwise claim a directory user's.
  if (claim === "email" && claims.email_verified === false)
    throw new Error("its email is not verified by the identity provider");
  return { by: CALLER_BY[claim], value };
}

export function authenticate(
  keys: VerificationKeys,
  config: Pick<Config, "jwtSubjectClaim" | "jwtClockTolerance">,
): Authenticate {
  const verify = verifier(keys, config.jwtClockTolerance);
  return async (req) => {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(req.get("authorization") ?? "");
    if (!match) throw unauthorized("A bearer token is required.", false);
    const pending = isProviderKeys(keys) ? keys.pending() : undefined;
    if (pending) throw unavailable(`Bearer tokens cannot be verified yet: ${pending}.`);
    try {
      const claims = await verify(match[1]);
      checkIssuedAt(claims, config.jwtClockTolerance);
      return callerRef(claims, config.jwtSubjectClaim);
    } catch (error) {
      throw unauthorized(`The bearer token is not valid: ${(error as Error).message}.`);
    }
  };
}
