// The canonical user, as the directory stores it (secrets excluded) and as the pipeline changes it.

export const ROLE_TYPES = ["admin", "client"] as const;
export type RoleType = (typeof ROLE_TYPES)[number];
export const STATUSES = ["active", "locked", "disabled"] as const;
export type Status = (typeof STATUSES)[number];

export interface Role {
  id: string;
  name: string;
  description: string;
  type: RoleType;
  permissions: string[];
}

export interface Report {
  id: string;
  uuid: string;
  referenceId: string | null;
  type: string | null;
  processed: boolean;
  score: number | null;
  scoreProbability: number | null;
  scoreConfidence: number | null;
  scoreVersion: string | null;
}

/** One of a user's addresses, as an identity provider sent it (SCIM's `emails`). */
export interface EmailAddress {
  value: string;
  type?: string;
  primary?: boolean;
}

export interface User {
  id: string;
  num: number;
  username: string;
  /** The user's email: its primary address (else its first), unique case-insensitively. */
  email: string | null;
  /** Its addresses as sent; null when only `email` was ever given (then that is its one, work, address). */
  emails: EmailAddress[] | null;
  /** Names given as such; null: derived from the given and family names (see `formattedName`, `displayName`). */
  display_name: string | null;
  formatted_name: string | null;
  first_name: string | null;
  last_name: string | null;
  timezone: string | null;
  language: string | null;
  locale: string | null;
  external_id: string | null;
  attributes: Record<string, unknown>;
  role: RoleType;
  status: Status;
  confirmed: boolean;
  provider: string | null;
  intro_reviewed: boolean;
  last_login: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by: string | null;
  updated_by: string | null;
}

/** The users table's columns a user is read with: every property of `User`, no more (the compiler checks both). */
const USER_COLUMN_SET = {
  id: true,
  num: true,
  username: true,
  email: true,
  emails: true,
  display_name: true,
  formatted_name: true,
  first_name: true,
  last_name: true,
  timezone: true,
  language: true,
  locale: true,
  external_id: true,
  attributes: true,
  role: true,
  status: true,
  confirmed: true,
  provider: true,
  intro_reviewed: true,
  last_login: true,
  version: true,
  created_at: true,
  updated_at: true,
  created_by: true,
  updated_by: true,
} as const satisfies Record<keyof User, true>;

export const USER_COLUMNS = Object.keys(USER_COLUMN_SET) as (keyof User)[];

/** A user with what contract D shows beside it. */
export interface UserWithRelations extends User {
  role_info: Role;
  reports: Report[];
  created_by_name: string | null;
  updated_by_name: string | null;
}

/** The caller of a request, reloaded from the directory every time. */
export type Caller = Pick<User, "id" | "username" | "role" | "status">;

/** How a contract names the user it addresses. */
export type UserRef =
  | { by: "id"; value: string }
  | { by: "num"; value: number }
  | { by: "username"; value: string }
  | { by: "email"; value: string }
  /** A username or an email: one user at most, since a username may not be another user's email. */
  | { by: "login"; value: string };

/** What a request asks to change, in canonical names; secrets in clear, role as a reference. */
export interface Changes {
  username?: string;
  email?: string | null;
  /** Sets `email` too (the primary address, else the first). */
  emails?: EmailAddress[] | null;
  display_name?: string | null;
  formatted_name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  timezone?: string | null;
  language?: string | null;
  locale?: string | null;
  external_id?: string | null;
  attributes?: Record<string, unknown>;
  role?: string;
  status?: Status;
  confirmed?: boolean;
  provider?: string | null;
  password?: string;
  reset_password_token?: string | null;
  confirmation_token?: string | null;
  intro_reviewed?: boolean;
  reports?: string[];
}

export type ChangeField = keyof Changes;

/** Fields whose values are never read back, audited or logged. */
export const SECRET_FIELDS: ReadonlySet<ChangeField> = new Set([
  "password",
  "reset_password_token",
  "confirmation_token",
]);

/** The address that is the user's email: the primary one, else the first. */
export const primaryAddress = (emails: EmailAddress[] | null | undefined): string | null =>
  (emails?.find((address) => address.primary === true) ?? emails?.[0])?.value ?? null;

/** A user's addresses: as sent, else its email as its one, work, address. */
export const addressesOf = (user: Pick<User, "email" | "emails">): EmailAddress[] =>
  user.emails ?? (user.email === null ? [] : [{ value: user.email, type: "work", primary: true }]);

/** The given and family names joined, unless a formatted name was given. */
export const formattedName = (user: Pick<User, "formatted_name" | "first_name" | "last_name">): string | null =>
  user.formatted_name ?? ([user.first_name, user.last_name].filter(Boolean).join(" ") || null);

/** The name to show: the one given, else the formatted name, else the username. */
export const displayName = (user: User): string => user.display_name ?? formattedName(user) ?? user.username;
