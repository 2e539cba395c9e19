// SCIM (contract E): Okta's "SCIM 2.0 SPEC Test" (the BlazeMeter/Runscope test Okta asks integrators to pass),
// replayed request by request against our server: the same methods, paths, queries, headers and body shapes, in
// the same order, each followed by the checks that test makes, in its terms (see `runscope` below). Its one
// Groups request, and what else is not replayed, is listed with the reasons in docs/scim-provider-suites.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startServer, type TestServer } from "../support/harness.ts";
import { USER_URN, ERROR_URN } from "./support.ts";

const LIST_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** The checks the test makes, as BlazeMeter evaluates them. */
const runscope = {
  /** `not_empty`: there, not null, and not an empty string or list. */
  notEmpty(value: unknown) {
    expect(value).toBeDefined();
    expect(value).not.toBeNull();
    expect(value).not.toBe("");
    if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
  },
  /** `is_a_number`: a JSON number, not a numeric string. */
  isNumber(value: unknown) {
    expect(typeof value).toBe("number");
  },
  /** `has_value` / `contains` on an array: the array holds the string. */
  hasValue(list: unknown, item: string) {
    expect(list).toEqual(expect.arrayContaining([item]));
  },
  /** `equal`: the value's text is the expected text (true is "true", 0 is "0"). */
  equalText(value: unknown, text: string) {
    expect(value).toBeDefined();
    expect(String(value)).toBe(text);
  },
};

/**
 * The values the test's "Initial Script" draws for each run: a given name "Runscope" and three digits, a family
 * name of one capital, eight small letters and three digits, an e-mail address of both at atko.com (mixed case),
 * used as the userName as well, and the same in capitals.
 */
function drawNames() {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
  const letter = (from: string) => String.fromCharCode(from.charCodeAt(0) + Math.floor(Math.random() * 26));
  const givenName = `Runscope${digits(3)}`;
  const familyName = letter("A") + Array.from({ length: 8 }, () => letter("a")).join("") + digits(3);
  const email = `${givenName}${familyName}@atko.com`;
  return { givenName, familyName, email, userName: email, userNameCaps: email.toUpperCase() };
}

const drawn = drawNames();
const invalidUserEmail = "abcdefgh@atko.com";
const userIdThatDoesNotExist = "010101001010101011001010101011";

// The headers of the test's reads, in its order: a Content-Type although a GET has no body, an Accept-Charset,
// and its own User-Agent. The `auth` variable is the whole Authorization value: an administrator's bearer token.
const auth = () => ({ Authorization: `Bearer ${server.token("admin")}` });
const readHeaders = () => ({
  "Accept-Charset": "utf-8",
  "Content-Type": "application/scim+json; charset=utf-8",
  Accept: "application/scim+json",
  ...auth(),
  "User-Agent": "OKTA SCIM Integration",
});
// Its two creates: JSON (not SCIM's media type), an Accept with a charset, no User-Agent of its own.
const createHeaders = () => ({
  "Content-Type": "application/json",
  ...auth(),
  Accept: "application/scim+json; charset=utf-8",
});

const read = (path: string, headers: Record<string, string> = readHeaders()) =>
  send(server, "GET", `/scim/v2${path}`, { headers });
/** BlazeMeter sends the filter's spaces and quotes percent-encoded and leaves "@" as it is. */
const byUserName = (value: string) => `/Users?filter=userName%20eq%20%22${value}%22`;

/** The create body, one line as the test sends it; the second create puts the userName in the e-mail. */
const createBody = (emailValue: string) =>
  `{"schemas":["${USER_URN}"],"userName":"${drawn.userName}","name":{"givenName":"${drawn.givenName}",` +
  `"familyName":"${drawn.familyName}"},"emails":[{"primary":true,"value":"${emailValue}","type":"work"}],` +
  `"displayName":"${drawn.givenName} ${drawn.familyName}","active":true}`;

describe("Okta SCIM 2.0 SPEC Test, request by request", () => {
  // What the test extracts from one answer for the next requests.
  let isvUserId: string;
  let idUserOne: string;

  it("1. Test Users endpoint: the first page of one is a ListResponse whose user has the attributes Okta maps", async () => {
    const answer = await read("/Users?count=1&startIndex=1");
    expect(answer.status).toBe(200);
    const list = answer.json;
    runscope.notEmpty(list.Resources);
    runscope.hasValue(list.schemas, LIST_URN);
    runscope.isNumber(list.itemsPerPage);
    runscope.isNumber(list.startIndex);
    runscope.isNumber(list.totalResults);
    const first = list.Resources[0];
    runscope.notEmpty(first.id);
    runscope.notEmpty(first.name.familyName);
    runscope.notEmpty(first.name.givenName);
    runscope.notEmpty(first.userName);
    runscope.notEmpty(first.active);
    runscope.notEmpty(first.emails[0].value);
    // The directory's first user (Okta asks that one exist before the test runs) is its administrator.
    expect(first.active).toBe(true);
    isvUserId = first.id;
  });

  it("2. Get Users/{id}: the listed user read by its id has the same attributes", async () => {
    const answer = await read(`/Users/${isvUserId}`);
    expect(answer.status).toBe(200);
    const user = answer.json;
    runscope.notEmpty(user.id);
    runscope.notEmpty(user.name.familyName);
    runscope.notEmpty(user.name.givenName);
    runscope.notEmpty(user.userName);
    runscope.notEmpty(user.active);
    runscope.notEmpty(user.emails[0].value);
    runscope.equalText(user.id, isvUserId);
  });

  it("3. Test invalid User by username: a userName no one has is an empty ListResponse, not an error", async () => {
    const answer = await read(byUserName(invalidUserEmail));
    expect(answer.status).toBe(200);
    runscope.hasValue(answer.json.schemas, LIST_URN);
    runscope.equalText(answer.json.totalResults, "0");
  });

  it("4. Test invalid User by ID: an id that is not even a UUID is 404 with a SCIM Error", async () => {
    const headers = readHeaders();
    // This request lists Authorization before Accept; header order does not matter to HTTP, but it is kept.
    const answer = await read(`/Users/${userIdThatDoesNotExist}`, {
      "Accept-Charset": headers["Accept-Charset"],
      "Content-Type": headers["Content-Type"],
      Authorization: headers.Authorization,
      Accept: headers.Accept,
      "User-Agent": headers["User-Agent"],
    });
    expect(answer.status).toBe(404);
    runscope.notEmpty(answer.json.detail);
    runscope.hasValue(answer.json.schemas, ERROR_URN);
  });

  it("5. Make sure random user doesn't exist: the drawn mixed-case address finds no one", async () => {
    const answer = await read(byUserName(drawn.email));
    expect(answer.status).toBe(200);
    expect(Number(answer.json.totalResults)).toBe(0);
    runscope.hasValue(answer.json.schemas, LIST_URN);
  });

  it("6. Create Okta user with realistic values: 201 with the names and userName exactly as sent", async () => {
    const answer = await send(server, "POST", "/scim/v2/Users", {
      headers: createHeaders(),
      body: createBody(drawn.email),
    });
    expect(answer.status).toBe(201);
    const user = answer.json;
    runscope.equalText(user.active, "true");
    runscope.notEmpty(user.id);
    runscope.equalText(user.name.familyName, drawn.familyName);
    runscope.equalText(user.name.givenName, drawn.givenName);
    runscope.hasValue(user.schemas, USER_URN);
    runscope.equalText(user.userName, drawn.userName);
    idUserOne = user.id;
    // Also extracted by the test, and never used after: the first address.
    expect(user.emails[0].value).toBe(drawn.email);
  });

  it("7. Verify that user was created: read back by its new id", async () => {
    const answer = await read(`/Users/${idUserOne}`);
    expect(answer.status).toBe(200);
    runscope.equalText(answer.json.userName, drawn.userName);
    runscope.equalText(answer.json.name.familyName, drawn.familyName);
    runscope.equalText(answer.json.name.givenName, drawn.givenName);
  });

  it("8. Expect failure when recreating user with same values: 409", async () => {
    const answer = await send(server, "POST", "/scim/v2/Users", {
      headers: createHeaders(),
      body: createBody(drawn.userName),
    });
    expect(answer.status).toBe(409);
  });

  it("9. Username Case Sensitivity Check: the userName in capitals is a 200 search", async () => {
    const answer = await read(byUserName(drawn.userNameCaps));
    expect(answer.status).toBe(200);
    // Okta checks only the status. Beyond it: userName is caseExact false (RFC 7643 §4.1.1), so the user is found.
    expect(answer.json.Resources.map((user: { id: string }) => user.id)).toEqual([idUserOne]);
  });

  // 10. "Verify Groups endpoint" (Optional, GET /Groups): not replayed, this service has no Groups.

  it("11. Check status 401: Authorization 'non-token' is 401 with a SCIM Error whose status is \"401\"", async () => {
    const answer = await read(byUserName(drawn.userNameCaps), {
      Accept: "application/scim+json",
      "Accept-Charset": "utf-8",
      Authorization: "non-token",
      "Content-Type": "application/scim+json; charset=utf-8",
      "User-Agent": "OKTA SCIM Integration",
    });
    expect(answer.status).toBe(401);
    runscope.notEmpty(answer.json.detail);
    runscope.equalText(answer.json.status, "401");
    runscope.hasValue(answer.json.schemas, ERROR_URN);
  });

  it('12. Check status 404: another id of digits is 404 with a SCIM Error whose status is "404"', async () => {
    const answer = await read("/Users/00919288221112222", {
      Accept: "application/scim+json",
      "Accept-Charset": "utf-8",
      ...auth(),
      "Content-Type": "application/scim+json; charset=utf-8",
      "User-Agent": "OKTA SCIM Integration",
    });
    expect(answer.status).toBe(404);
    runscope.notEmpty(answer.json.detail);
    runscope.equalText(answer.json.status, "404");
    runscope.hasValue(answer.json.schemas, ERROR_URN);
  });
});
