// Contract C (seed 002, DeviceHive): partial update by user number or `current`, 204, errors {error, message}.
import type { components } from "../../generated/api.ts";
import type { RoleType, Status } from "../directory/model.ts";
import { checkAttributes } from "../directory/validate.ts";
import { UserNotFound } from "../directory/errors.ts";
import { detailsText, iso, type Contract, type FieldTable } from "./contract.ts";

type DeviceHiveUser = components["schemas"]["DeviceHiveUser"];
type DeviceHiveError = components["schemas"]["DeviceHiveError"];
type DeviceHiveUserUpdate = components["schemas"]["DeviceHiveUserUpdate"];

// DeviceHive's integer codes for the canonical role and status.
const ROLE_CODES = { admin: 0, client: 1 } as const satisfies Record<RoleType, DeviceHiveUser["role"]>;
const STATUS_CODES = { active: 0, locked: 1, disabled: 2 } as const satisfies Record<Status, DeviceHiveUser["status"]>;

/** Code → canonical value, from the same table. */
function decoder(codes: Record<string, number>): (code: number) => string | undefined {
  const byCode = new Map(Object.entries(codes).map(([value, code]) => [code, value]));
  return (code) => byCode.get(code);
}

export const devicehive: Contract<DeviceHiveUser, DeviceHiveError, DeviceHiveUserUpdate> = {
  tag: "devicehive",
  operations: { read: "getDeviceHiveUser", update: "updateDeviceHiveUser" },
  semantics: "merge",
  fields: {
    login: { column: "username", access: "admin" },
    role: { column: "role", access: "admin", read: decoder(ROLE_CODES) },
    status: { column: "status", access: "admin", read: decoder(STATUS_CODES) },
    data: { column: "attributes", access: "self" },
    password: { column: "password", access: "self" },
    introReviewed: { column: "intro_reviewed", access: "admin" },
  } satisfies FieldTable<DeviceHiveUserUpdate>,
  relations: false,
  success: 204,
  validationStatus: 400,
  resolve(param, caller) {
    if (param === "current") return caller;
    const num = Number(param);
    // Beyond what a JSON number holds exactly (and PostgreSQL's bigint) no user can exist.
    if (!Number.isSafeInteger(num)) throw new UserNotFound(param);
    return { by: "num", value: num };
  },
  render: (user): DeviceHiveUser => ({
    id: user.num,
    login: user.username,
    role: ROLE_CODES[user.role],
    status: STATUS_CODES[user.status],
    lastLogin: iso(user.last_login),
    data: user.attributes,
    introReviewed: user.intro_reviewed,
  }),
  checkRequest: (body) => checkAttributes("data", body.data),
  messages: {
    invalid: detailsText,
    invalidRequest: detailsText,
    forbidden: () => "Admin permissions required for this action",
    notFound: (e) => `User with id = ${e.context.identifier} not found`,
  },
  errorBody: (error, message): DeviceHiveError => ({ error: error.status, message }),
};
