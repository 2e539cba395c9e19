// What every use case runs with: the store, the directory's settings, and the contract it serves.
import type { RoleType } from "./model.ts";
import type { AccessTable } from "./policy.ts";
import type { Store } from "./sql/store.ts";

export interface DirectorySettings {
  /** Every change is refused. */
  readOnly: boolean;
  /** Every change must name the version it is based on. */
  versionRequired: boolean;
  /** The role a user created without one gets (the least privileged by default). */
  provisionedRole: RoleType;
}

/** A contract as the directory sees it: its name (in audit rows), its access table, what its representation needs. */
export interface ContractBinding {
  contract: string;
  access: AccessTable;
  /** Whether its representation needs the role object, reports and actor names. */
  relations: boolean;
}

export interface UseCaseContext {
  store: Store;
  settings: DirectorySettings;
  binding: ContractBinding;
}
