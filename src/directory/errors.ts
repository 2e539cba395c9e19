// What the directory refuses, in its own terms: canonical field names and versions, no statuses, headers or wire
// names. src/http/ maps each to a status, its headers and the calling contract's error body and field names.

import type { UserRef } from "./model.ts";

export interface FieldProblem {
  /** A canonical field (`username`, `status`), or a contract's own field for checks it made itself. */
  field: string;
  message: string;
}

export abstract class DirectoryError extends Error {}

/** The token's user is not in the directory, or not active. */
export class CallerNotActive extends DirectoryError {}

export class ReadOnly extends DirectoryError {
  constructor() {
    super("The directory is read-only.");
  }
}

export class UserNotFound extends DirectoryError {
  /** The identifier as the request gave it. */
  readonly identifier: string;

  constructor(target: UserRef | string) {
    const identifier = typeof target === "string" ? target : String(target.value);
    super(`User '${identifier}' was not found.`);
    this.identifier = identifier;
  }
}

/** The caller may not read or change this user (`fields` empty), or may not write `fields`. */
export class Forbidden extends DirectoryError {
  constructor(
    readonly permission: "READ" | "UPDATE",
    readonly callerName: string,
    readonly targetName: string,
    readonly fields: string[] = [],
  ) {
    super(
      fields.length > 0
        ? "Only an administrator may change these fields."
        : "Only the user itself or an administrator can do this.",
    );
  }
}

/** The change was based on another version than the stored one. */
export class StaleVersion extends DirectoryError {
  constructor(readonly currentVersion: number) {
    super("The user has changed since the version the change is based on.");
  }
}

/** This directory requires every change to name the version it is based on. */
export class VersionRequired extends DirectoryError {
  constructor() {
    super("Changes must name the version they are based on.");
  }
}

/** Another user holds this value of a unique field. */
export class ValueTaken extends DirectoryError {
  constructor(readonly field: string) {
    super(`The ${field} is taken by another user.`);
  }
}

export class LastAdministrator extends DirectoryError {
  constructor() {
    super("This is the last active administrator: it cannot be demoted, locked or disabled.");
  }
}

export class Invalid extends DirectoryError {
  constructor(
    readonly problems: FieldProblem[],
    message = "The request is not valid.",
  ) {
    super(message);
  }
}

/** The database cannot be reached, or is starting or stopping: the same request may succeed later. */
export class DirectoryUnavailable extends DirectoryError {
  constructor() {
    super("The directory is unavailable; try again later.");
  }
}

/** A concurrent change got in the way (a serialization failure or a deadlock): the request may be retried. */
export class ConcurrentChange extends DirectoryError {
  constructor() {
    super("A concurrent change got in the way; retry the request.");
  }
}
