// Contract E (SCIM 2.0, RFC 7643 / 7644): create, replace, PatchOp and delete, 200 or 201 + User, errors in SCIM's
// Error body. Its searches are in src/scim/list.ts; its discovery documents in src/scim/discovery.ts.
import type { components } from "../../generated/api.ts";
import { addressesOf, displayName, formattedName, type EmailAddress, type User } from "../directory/model.ts";
import { checkLanguage, checkTimezone } from "../directory/validate.ts";
import type { ErrorContext } from "../wire/api-error.ts";
import { formatEtag } from "../wire/etag.ts";
import { canonicalPatchOp, canonicalSearchRequest, canonicalUser } from "../scim/names.ts";
import { applyPatch } from "../scim/patch.ts";
import { attributeList, project } from "../scim/projection.ts";
import { ERROR_SCHEMA, SCIM_MEDIA_TYPE, USER_SCHEMA } from "../scim/schema.ts";
import { detailsText, iso, type Contract, type RenderContext } from "./contract.ts";

type ScimUser = components["schemas"]["ScimUser"];
type ScimUserWrite = components["schemas"]["ScimUserWrite"];
type ScimError = components["schemas"]["ScimError"];
type ScimPatchOp = components["schemas"]["ScimPatchOp"];
type Emails = NonNullable<ScimUserWrite["emails"]>;

const SCIM_TYPES: Record<NonNullable<ErrorContext["problem"]>, NonNullable<ScimError["scimType"]>> = {
  syntax: "invalidSyntax",
  path: "invalidPath",
  filter: "invalidFilter",
  noTarget: "noTarget",
  mutability: "mutability",
  tooMany: "tooMany",
  cursor: "invalidCursor",
};

/** Unassigned attributes are left out of a resource (RFC 7643 §2.5), not sent as null. */
const assigned = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

const location = (user: User, { baseUrl }: RenderContext) => `${baseUrl}/scim/v2/Users/${encodeURIComponent(user.id)}`;

function render(user: User, context: RenderContext): ScimUser {
  const formatted = formattedName(user) ?? undefined;
  const name = assigned({
    formatted,
    givenName: user.first_name ?? undefined,
    familyName: user.last_name ?? undefined,
  });
  const emails = addressesOf(user);
  return assigned({
    schemas: [USER_SCHEMA],
    id: user.id,
    externalId: user.external_id ?? undefined,
    userName: user.username,
    name: Object.keys(name).length > 0 ? name : undefined,
    displayName: displayName(user),
    emails: emails.length > 0 ? emails : undefined,
    active: user.status === "active",
    locale: user.locale ?? undefined,
    preferredLanguage: user.language ?? undefined,
    timezone: user.timezone ?? undefined,
    meta: {
      resourceType: "User",
      created: iso(user.created_at)!,
      lastModified: iso(user.updated_at)!,
      location: location(user, context),
      version: formatEtag(user.version),
    },
  } satisfies ScimUser);
}

/** The addresses as the directory keeps them: value, and type and primary where sent. */
const addresses = (emails: Emails | null): EmailAddress[] | null =>
  emails &&
  emails.map(({ value, type, primary }) => ({
    value,
    ...(typeof type === "string" && { type }),
    ...(typeof primary === "boolean" && { primary }),
  }));

/** RFC 7643 §2.4: "primary" true appears no more than once. */
const onePrimary = (emails: Emails | null | undefined) =>
  (emails ?? []).filter((email) => email.primary === true).length > 1
    ? [{ field: "emails", message: "at most one address may be primary" }]
    : [];

/** Request bodies by operation, with their names as the schemas spell them. */
const CANONICAL_BODIES: Record<string, (body: unknown) => unknown> = {
  createScimUser: canonicalUser,
  replaceScimUser: canonicalUser,
  patchScimUser: canonicalPatchOp,
  searchScimUsers: canonicalSearchRequest,
};

export const scim: Contract<ScimUser, ScimError, ScimUserWrite, User, ScimPatchOp> = {
  tag: "scim",
  pathPrefix: "/scim/v2/",
  operations: {
    read: "getScimUser",
    update: "replaceScimUser",
    patch: "patchScimUser",
    create: "createScimUser",
    remove: "deleteScimUser",
  },
  mediaType: SCIM_MEDIA_TYPE,
  semantics: "replace",
  fields: {
    userName: { column: "username", access: "admin" },
    externalId: { column: "external_id", access: "admin" },
    "name.givenName": { column: "first_name", access: "admin" },
    "name.familyName": { column: "last_name", access: "admin" },
    "name.formatted": { column: "formatted_name", access: "admin" },
    displayName: { column: "display_name", access: "admin" },
    emails: { column: "emails", access: "admin", read: addresses },
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
  location,
  shape: (representation, query) =>
    project(
      representation,
      attributeList(query.attributes as string | undefined),
      attributeList(query.excludedAttributes as string | undefined),
    ),
  canonicalBody: (operationId, body) => CANONICAL_BODIES[operationId]?.(body) ?? body,
  patch: (body, representation) => applyPatch(body, representation) as ScimUserWrite,
  checkRequest: (body) => [
    ...checkTimezone("timezone", body.timezone),
    ...checkLanguage("preferredLanguage", body.preferredLanguage),
    ...onePrimary(body.emails),
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
