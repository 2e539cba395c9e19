// GET /scim/v2/Users and POST /scim/v2/Users/.search: the same search, its parameters in the query string or in a
// SearchRequest body (src/scim/list.ts), each user rendered as contract E (src/contracts/scim.ts) renders it.
import type { Request } from "express";
import type { components } from "../../generated/api.ts";
import type { RenderContext } from "../contracts/contract.ts";
import type { ContractDirectory } from "../directory/directory.ts";
import type { User } from "../directory/model.ts";
import type { Authenticate, OperationHandler } from "../wire/operation.ts";
import { listUsers, queryOf, searchBodyOf, type ListQuery } from "./list.ts";
import { SCIM_MEDIA_TYPE } from "./schema.ts";

type SearchRequestBody = components["schemas"]["ScimSearchRequest"];

/** `users` bound to the SCIM contract, and its `render`. */
export function scimSearchOperations(
  users: ContractDirectory,
  render: (user: User, context: RenderContext) => object,
  authenticate: Authenticate,
  contextOf: (req: Request) => RenderContext,
): Record<string, OperationHandler> {
  const search =
    (queryFrom: (req: Request) => ListQuery): OperationHandler =>
    async (req, res) => {
      const caller = await authenticate(req);
      const context = contextOf(req);
      const list = await listUsers(
        users,
        caller,
        queryFrom(req),
        (user) => render(user, context) as Record<string, unknown>,
      );
      res.type(SCIM_MEDIA_TYPE).json(list);
    };
  return {
    listScimUsers: search((req) => queryOf(req.query)),
    searchScimUsers: search((req) => searchBodyOf(req.body as SearchRequestBody)),
  };
}
