// The dispatch table and the spec must name the same operations: a documented operation without a handler, or a
// handler for an operation the spec does not document, stops the server from starting.
import { expect, it } from "vitest";
import { dispatchOperations } from "../src/http/dispatch.ts";
import type { OperationHandler } from "../src/wire/operation.ts";
import { documentedOperationIds } from "../src/spec.ts";

const handler: OperationHandler = () => undefined;
const every = Object.fromEntries(documentedOperationIds.map((id) => [id, handler]));

it("takes a handler for every documented operation", () => {
  expect(() => dispatchOperations(every)).not.toThrow();
});

it("refuses a table that misses an operation, naming it", () => {
  const { getHealth: _missing, ...rest } = every;
  expect(() => dispatchOperations(rest)).toThrow(/without a handler: \[getHealth\]/);
});

it("refuses a handler for an operation the spec does not document, naming it", () => {
  expect(() => dispatchOperations({ ...every, deleteUser: handler })).toThrow(/without an operation: \[deleteUser\]/);
});
