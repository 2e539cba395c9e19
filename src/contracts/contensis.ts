// Contract A (seed 000, Contensis Management API): full replacement, 200 + User, errors {logId, message, data, type}.
import type { components } from "../../generated/api.ts";
import type { User } from "../directory/model.ts";
import { checkAttributes, checkLanguage, checkTimezone } from "../directory/validate.ts";
import type { FieldProblem } from "../directory/errors.ts";
import { iso, type Contract, type FieldTable } from "./contract.ts";

type ContensisUser = components["schemas"]["ContensisUser"];
type ContensisUserUpdate = components["schemas"]["ContensisUserUpdate"];
type ContensisError = components["schemas"]["ContensisError"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function render(user: User): ContensisUser {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstname: user.first_name,
    lastname: user.last_name,
    timezone: user.timezone,
    language: user.language,
    custom: user.attributes,
    sys: { id: user.id, status: user.status, created: iso(user.created_at)!, modified: iso(user.updated_at)! },
  };
}

/** A representation obtained by GET may be sent back: its read-only parts must still be what is stored. */
function checkEcho(body: ContensisUserUpdate, user: User): FieldProblem[] {
  const { id, sys } = body;
  const stored = render(user).sys;
  const differs: [string, boolean][] = [
    ["id", id !== undefined && id !== user.id],
    ["sys.id", sys?.id !== undefined && sys.id !== stored.id],
    ["sys.status", sys?.status !== undefined && sys.status !== stored.status],
    ["sys.created", sys?.created !== undefined && Date.parse(sys.created) !== Date.parse(stored.created)],
  ];
  return differs
    .filter(([, changed]) => changed)
    .map(([field]) => ({ field, message: "is read-only and differs from the stored value" }));
}

export const contensis: Contract<ContensisUser, ContensisError, ContensisUserUpdate> = {
  tag: "contensis",
  operations: { read: "getContensisUser", update: "updateContensisUser" },
  semantics: "replace",
  fields: {
    username: { column: "username", access: "self" },
    email: { column: "email", access: "self" },
    firstname: { column: "first_name", access: "self" },
    lastname: { column: "last_name", access: "self" },
    timezone: { column: "timezone", access: "self" },
    language: { column: "language", access: "self" },
    custom: { column: "attributes", access: "self", cleared: {} },
  } satisfies FieldTable<ContensisUserUpdate, "id" | "sys">,
  relations: false,
  success: 200,
  validationStatus: 422,
  resolve(param, caller) {
    if (param === "@current") return caller;
    if (UUID.test(param)) return { by: "id", value: param };
    return { by: "login", value: param };
  },
  render,
  checkRequest: (body) => [
    ...checkTimezone("timezone", body.timezone),
    ...checkLanguage("language", body.language),
    ...checkAttributes("custom", body.custom),
  ],
  checkAgainst: checkEcho,
  messages: {
    forbidden: (e) =>
      e.details.length > 0
        ? e.message
        : "Only the user itself or a member of the System Administrators group can do this.",
  },
  errorBody: (error, message, requestId): ContensisError => ({
    logId: requestId,
    message,
    data: error.details,
    type: "error",
  }),
};
