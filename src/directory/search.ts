// Searching users: what a caller may see (an administrator everyone, anyone else itself), filtered, ordered, paged.
import type { UseCaseContext } from "./context.ts";
import type { UserRef } from "./model.ts";
import { requireActiveCaller } from "./policy.ts";
import { findCaller } from "./sql/read.ts";
import { searchUsers, type FoundUsers } from "./sql/search.ts";
import type { Page, SortOrder, UserFilter } from "./user-filter.ts";

export interface SearchRequest {
  /** The token's subject. */
  caller: UserRef;
  filter: UserFilter;
  order: SortOrder | undefined;
  page: Page;
  /** Count every user the filter selects. */
  total: boolean;
}

export async function findUsers({ store }: UseCaseContext, request: SearchRequest): Promise<FoundUsers> {
  const caller = await findCaller(store, request.caller);
  requireActiveCaller(caller);
  const { filter, order, page, total } = request;
  return searchUsers(store, {
    filter,
    order,
    page,
    total,
    ...(caller.role !== "admin" && { only: { by: "id", value: caller.id } }),
  });
}
