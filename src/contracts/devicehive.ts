// Contract C (seed 002, DeviceHive): partial update by user number or `current`, 204, errors {error, message}.
import type { components } from "../../generated/api.ts";
import type { RoleType, Status } from "../directory/model.ts";
import { checkAttributes } from "../directory/validate.ts";
import { notFound } from "../errors.ts";
import { detailsText, iso, type Contract, type FieldTable } from "./contract.ts";

type DeviceHiveUser = components["schemas"]["DeviceHiveUser"];
type DeviceHiveError = components["schemas"]["DeviceHiveError"];
type DeviceHiveUserUpdate = components["schemas"]["DeviceHiveUserUpdate"];

const ROLES: RoleType[] = ["admin", "client"];
const STATUSES: Status[] = ["active", "locked", "disabled"];

export const devicehive: Contract = {
  tag: "devicehive",
  route: "/user/:id",
  param: "id",
  semantics: "merge",
  fields: {
    login: { column: "username", access: "admin" },
    role: { column: "role", access: "admin", read: (code: number) => ROLES[code] },
    status: { column: "status", access: "admin", read: (code: number) => STATUSES[code] },
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
    if (!Number.isSafeInteger(num)) throw notFound(param);
    return { by: "num", value: num };
  },
  render: (user): DeviceHiveUser => ({
    id: user.num,
    login: user.username,
    role: ROLES.indexOf(user.role) as DeviceHiveUser["role"],
    status: STATUSES.indexOf(user.status) as DeviceHiveUser["status"],
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
