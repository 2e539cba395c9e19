// Contract B (seed 001, Camunda 7): full replacement of the profile, 204, errors {type, message}.
import type { components } from "../../generated/api.ts";
import type { ErrorKind } from "../wire/api-error.ts";
import { detailsText, type Contract, type FieldTable } from "./contract.ts";

type CamundaProfile = components["schemas"]["CamundaProfile"];
type CamundaError = components["schemas"]["CamundaError"];
type CamundaProfileUpdate = components["schemas"]["CamundaProfileUpdate"];

const ERROR_TYPES: Partial<Record<ErrorKind, CamundaError["type"]>> = {
  unauthorized: "AuthenticationException",
  forbidden: "AuthorizationException",
  unavailable: "ProcessEngineException",
  internal: "ProcessEngineException",
};

export const camunda: Contract<CamundaProfile, CamundaError, CamundaProfileUpdate> = {
  tag: "camunda",
  operations: { read: "getCamundaUserProfile", update: "updateCamundaUserProfile" },
  semantics: "replace",
  fields: {
    firstName: { column: "first_name", access: "self" },
    lastName: { column: "last_name", access: "self" },
    email: { column: "email", access: "self" },
  } satisfies FieldTable<CamundaProfileUpdate, "id">,
  relations: false,
  success: 204,
  validationStatus: 400,
  resolve: (param) => ({ by: "username", value: param }),
  render: (user): CamundaProfile => ({
    id: user.username,
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
  }),
  // Real Camunda answers 500 when the body names another user; we refuse it as the client's mistake.
  checkRequest: (body, param) =>
    body.id !== undefined && body.id !== param
      ? [{ field: "id", message: `must equal the id in the path ('${param}')` }]
      : [],
  messages: {
    invalid: detailsText,
    invalidRequest: detailsText,
    notFound: (e) => `User with id ${e.context.identifier} does not exist`,
    readOnly: () => "Identity service implementation is read-only.",
    forbidden: (e) =>
      e.details.length > 0
        ? e.message
        : `The user with id '${e.context.callerName}' does not have '${e.context.permission}' permission on resource '${e.context.identifier}' of type 'User'.`,
  },
  errorBody(error, message): CamundaError {
    if (error.kind === "forbidden" && error.details.length === 0) {
      return {
        type: "AuthorizationException",
        message,
        userId: error.context.callerName,
        missingAuthorizations: [
          {
            permissionName: error.context.permission ?? "UPDATE",
            resourceName: "User",
            resourceId: error.context.identifier ?? "",
          },
        ],
      };
    }
    return { type: ERROR_TYPES[error.kind] ?? "InvalidRequestException", message };
  },
};
