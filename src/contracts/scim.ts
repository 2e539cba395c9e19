// Contract E (SCIM 2.0, RFC 7643 / 7644): full replacement and PatchOp, 200 + User, errors in SCIM's Error body.
import type { components } from "../../generated/api.ts";
import type { User } from "../directory/model.ts";
import { checkLanguage, checkTimezone } from "../directory/validate.ts";
import type { ErrorContext } from "../wire/api-error.ts";
import { applyPatch } from "../scim/patch.ts";
import { ERROR_SCHEMA, SCIM_MEDIA_TYPE, USER_SCHEMA } from "../scim/schema.ts";
import { detailsText, iso, type Contract } from "./contract.ts";
import { formatEtag } from "../wire/etag.ts";

type ScimUser = components["schemas"]["ScimUser"];
type ScimUserReplace = components["schemas"]["ScimUserReplace"];
type ScimError = components["schemas"]["ScimError"];
type ScimPatchOp = components["schemas"]["ScimPatchOp"];
type Emails = NonNullable<ScimUserReplace["emails"]>;

const SCIM_TYPES: Record<NonNullable<ErrorContext["problem"]>, NonNullable<ScimError["scimType"]>> = {
  syntax: "invalidSyntax",
  path: "invalidPath",
  filter: "invalidFilter",
  noTarget: "noTarget",
  mutability: "mutability",
};

/** Unassigned attributes are left out of a resource (RFC 7643 §2.5), not sent as null. */
const assigned = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

function render(user: User): ScimUser {
  const formatted = [user.first_name, user.last_name].filter(Boolean).join(" ") || undefined;
  const name = assigned({
    formatted,
    givenName: user.first_name ?? undefined,
    familyName: user.last_name ?? undefined,
  });
  return assigned({
    schemas: [USER_SCHEMA],
    id: user.id,
    externalId: user.external_id ?? undefined,
    userName: user.username,
    name: formatted ? name : undefined,
    displayName: formatted ?? user.username,
    emails: user.email ? [{ value: user.email, type: "work", primary: true }] : undefined,
    active: user.status === "active",
    locale: user.locale ?? undefined,
    preferredLanguage: user.language ?? undefined,
    timezone: user.timezone ?? undefined,
    meta: {
      resourceType: "User",
      created: iso(user.created_at)!,
      lastModified: iso(user.updated_at)!,
      location: `/scim/v2/Users/${encodeURIComponent(user.id)}`,
      version: formatEtag(user.version),
    },
  } satisfies ScimUser);
}

/** The user's one email: the primary one sent, else the first. */
const primaryEmail = (emails: Emails | null) => (emails?.find((email) => email.primary) ?? emails?.[0])?.value ?? null;

export const scim: Contract<ScimUser, ScimError, ScimUserReplace, User, ScimPatchOp> = {
  tag: "scim",
  operations: { read: "getScimUser", update: "replaceScimUser", patch: "patchScimUser" },
  mediaType: SCIM_MEDIA_TYPE,
  semantics: "replace",
  fields: {
    userName: { column: "username", access: "admin" },
    externalId: { column: "external_id", access: "admin" },
    "name.givenName": { column: "first_name", access: "admin" },
    "name.familyName": { column: "last_name", access: "admin" },
    emails: { column: "email", access: "admin", read: primaryEmail },
    active: {
      column: "status",
      access: "admin",
      kept: true,
      read: (active: boolean) => (active ? "active" : "disabled"),
    },
    locale: { column: "locale", access: "admin" },
    preferredLanguage: { column: "language", access: "admin" },
    timezone: { column: "timezone", access: "admin" },
    password: { column: "password", access: "admin", kept: true },
  },
  relations: false,
  success: 200,
  validationStatus: 400,
  resolve: (param) => ({ by: "id", value: param }),
  render,
  patch: (body, representation) => applyPatch(body, representation) as ScimUserReplace,
  checkRequest: (body) => [
    ...checkTimezone("timezone", body.timezone),
    ...checkLanguage("preferredLanguage", body.preferredLanguage),
  ],
  messages: { invalid: detailsText, invalidRequest: detailsText },
  errorBody: (error, message): ScimError => {
    const scimType = error.context.problem
      ? SCIM_TYPES[error.context.problem]
      : error.kind === "invalid"
        ? "invalidValue"
        : error.kind === "conflict" && error.details.length > 0
          ? "uniqueness"
          : undefined;
    return {
      schemas: [ERROR_SCHEMA],
      status: String(error.status),
      ...(scimType ? { scimType } : {}),
      detail: message,
    };
  },
};
