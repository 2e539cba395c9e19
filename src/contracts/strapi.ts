// Contract D (seeds 003 + 004, Strapi users-permissions): partial update, 200 + user with role and reports,
// errors {code, message, details}.
import type { components } from "../../generated/api.ts";
import type { UserWithRelations } from "../directory/model.ts";
import type { Contract, FieldTable } from "./contract.ts";

type StrapiUser = components["schemas"]["StrapiUser"];
type StrapiError = components["schemas"]["StrapiError"];
type StrapiUserUpdate = components["schemas"]["StrapiUserUpdate"];

function render(user: UserWithRelations): StrapiUser {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    provider: user.provider,
    confirmed: user.confirmed,
    blocked: user.status !== "active",
    // `users` is an unbounded back-reference: always empty (docs/decisions.md).
    role: { ...user.role_info, users: [] },
    reports: user.reports.map((report) => ({ ...report, users_permissions_user: user.username })),
    created_by: user.created_by_name,
    updated_by: user.updated_by_name,
  };
}

export const strapi: Contract<StrapiUser, StrapiError, StrapiUserUpdate, UserWithRelations> = {
  tag: "strapi",
  operations: { read: "getStrapiUser", update: "updateStrapiUser" },
  semantics: "merge",
  fields: {
    username: { column: "username", access: "self" },
    email: { column: "email", access: "self" },
    password: { column: "password", access: "self" },
    provider: { column: "provider", access: "admin" },
    resetPasswordToken: { column: "reset_password_token", access: "admin" },
    confirmationToken: { column: "confirmation_token", access: "admin" },
    confirmed: { column: "confirmed", access: "admin" },
    blocked: { column: "status", access: "admin", read: (blocked: boolean) => (blocked ? "disabled" : "active") },
    role: { column: "role", access: "admin" },
    reports: { column: "reports", access: "admin" },
  } satisfies FieldTable<StrapiUserUpdate>,
  relations: true,
  success: 200,
  validationStatus: 400,
  resolve: (param) => ({ by: "id", value: param }),
  render,
  errorBody: (error, message): StrapiError => ({
    code: error.status,
    message,
    ...(error.details.length > 0 ? { details: error.details } : {}),
  }),
};
