// src/scim/filter.ts on its own: SCIM filters (RFC 7644 §3.4.2.2) parsed into a tree, evaluated on a multi-valued
// attribute's values (`matches`), and read as the values an `eq` filter asks for (`equalities`).
import { describe, expect, it } from "vitest";
import {
  COMPARISONS,
  equalities,
  FilterError,
  matches,
  member,
  parseAttributePath,
  parseFilter,
  type Filter,
} from "../../src/scim/filter.ts";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const compare = (attribute: string, op: string, value: unknown, sub?: string): Filter =>
  ({ kind: "compare", path: { attribute, ...(sub && { sub }) }, op, value }) as Filter;
const present = (attribute: string, sub?: string): Filter => ({
  kind: "present",
  path: { attribute, ...(sub && { sub }) },
});
const and = (left: Filter, right: Filter): Filter => ({ kind: "and", left, right });
const or = (left: Filter, right: Filter): Filter => ({ kind: "or", left, right });
const not = (filter: Filter): Filter => ({ kind: "not", filter });

const a = compare("a", "eq", "1");
const b = compare("b", "eq", "2");
const c = compare("c", "eq", "3");

const refusal = (text: string): FilterError => {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof FilterError) return error;
    throw error;
  }
  throw new Error(`'${text}' was parsed`);
};

describe("parseFilter: attribute expressions", () => {
  it.each(COMPARISONS)("reads the operator %s", (op) => {
    expect(parseFilter(`userName ${op} "bjensen"`)).toEqual(compare("userName", op, "bjensen"));
  });

  it.each(["EQ", "Eq", "sW", "CO"])("reads the operator %s in any case, as lower case", (op) => {
    expect(parseFilter(`userName ${op} "b"`)).toEqual(compare("userName", op.toLowerCase(), "b"));
  });

  it.each(["pr", "PR", "Pr"])("reads %s (present) without a value", (pr) => {
    expect(parseFilter(`title ${pr}`)).toEqual(present("title"));
  });

  it("reads a sub-attribute", () => {
    expect(parseFilter('name.familyName co "O\'Malley"')).toEqual(compare("name", "co", "O'Malley", "familyName"));
  });

  it("keeps attribute names as written (they compare case-insensitively later)", () => {
    expect(parseFilter('USERNAME eq "x"')).toEqual(compare("USERNAME", "eq", "x"));
  });

  it.each<[string, unknown]>([
    ['"bjensen"', "bjensen"],
    ['"with spaces and (parentheses) [brackets]"', "with spaces and (parentheses) [brackets]"],
    ['"a \\"quoted\\" word"', 'a "quoted" word'],
    ['"back\\\\slash"', "back\\slash"],
    ['"\\u0041\\n\\t"', "A\n\t"],
    ['"caf\\u00e9"', "café"],
    ['""', ""],
    ["true", true],
    ["false", false],
    ["TRUE", true],
    ["False", false],
    ["null", null],
    ["NULL", null],
    ["42", 42],
    ["-7", -7],
    ["2.5", 2.5],
    ["1e3", 1000],
    ["-1.5E-2", -0.015],
  ])("reads the value %s", (text, value) => {
    expect(parseFilter(`x eq ${text}`)).toEqual(compare("x", "eq", value));
  });

  it("reads a date as the string it is (its meaning is the attribute's)", () => {
    expect(parseFilter('meta.lastModified gt "2011-05-13T04:42:34Z"')).toEqual(
      compare("meta", "gt", "2011-05-13T04:42:34Z", "lastModified"),
    );
  });
});

describe("parseFilter: logical expressions", () => {
  it.each([
    ["and", 'a eq "1" and b eq "2"', and(a, b)],
    ["or", 'a eq "1" or b eq "2"', or(a, b)],
    ["not", 'not (a eq "1")', not(a)],
    ["keywords in any case", 'NOT (a eq "1") AnD b eq "2" OR c eq "3"', or(and(not(a), b), c)],
    ["and binds tighter than or (and on the right)", 'a eq "1" or b eq "2" and c eq "3"', or(a, and(b, c))],
    ["and binds tighter than or (and on the left)", 'a eq "1" and b eq "2" or c eq "3"', or(and(a, b), c)],
    ["and is left-associative", 'a eq "1" and b eq "2" and c eq "3"', and(and(a, b), c)],
    ["or is left-associative", 'a eq "1" or b eq "2" or c eq "3"', or(or(a, b), c)],
    ["not binds tighter than and", 'not (a eq "1") and b eq "2"', and(not(a), b)],
    ["parentheses group", 'a eq "1" and (b eq "2" or c eq "3")', and(a, or(b, c))],
    ["redundant parentheses", '((a eq "1"))', a],
    ["not of a group", 'not (a eq "1" or b eq "2")', not(or(a, b))],
    ["nested not", 'not (not (a eq "1"))', not(not(a))],
    ["no space before a parenthesis", 'not(a eq "1")', not(a)],
    ["no space around a quoted value", 'a eq "1"and b eq "2"', and(a, b)],
    ["extra white space", '  a   eq   "1"\tand\nb eq "2"  ', and(a, b)],
  ])("%s", (_rule, text, tree) => {
    expect(parseFilter(text)).toEqual(tree);
  });

  it("reads keywords as attribute names where an attribute is expected", () => {
    expect(parseFilter("and pr")).toEqual(present("and"));
    expect(parseFilter('not eq "x"')).toEqual(compare("not", "eq", "x"));
  });

  it("reads nesting 64 levels deep, and refuses deeper", () => {
    expect(() => parseFilter(`${"(".repeat(65)}a eq "1"${")".repeat(65)}`)).toThrow(/nests deeper than 64 levels/);
    const depth = 64;
    let tree = a;
    for (let i = 0; i < depth; i++) tree = not(tree);
    expect(parseFilter(`${"not (".repeat(depth)}a eq "1"${")".repeat(depth)}`)).toEqual(tree);
    expect(parseFilter(`${"(".repeat(depth)}a eq "1"${")".repeat(depth)}`)).toEqual(a);
  });

  it("reads long chains", () => {
    const terms = Array.from({ length: 1000 }, (_, i) => `v eq "${i}"`);
    const tree = parseFilter(terms.join(" or "));
    let count = 0;
    for (let node = tree; node.kind === "or"; node = node.left) count++;
    expect(count).toBe(999);
  });
});

describe("parseFilter: value paths", () => {
  const work = compare("type", "eq", "work");

  it("reads a value filter", () => {
    expect(parseFilter('emails[type eq "work"]')).toEqual({
      kind: "valuePath",
      path: { attribute: "emails" },
      filter: work,
    });
  });

  it("reads a value filter of several conditions", () => {
    expect(parseFilter('emails[type eq "work" and value co "@example.com"]')).toEqual({
      kind: "valuePath",
      path: { attribute: "emails" },
      filter: and(work, compare("value", "co", "@example.com")),
    });
  });

  it("reads a value filter with not and pr", () => {
    expect(parseFilter("emails[not (primary pr)]")).toEqual({
      kind: "valuePath",
      path: { attribute: "emails" },
      filter: not(present("primary")),
    });
  });

  it('reads the comparison after it, as Entra ID sends: emails[type eq "work"].value eq "x"', () => {
    expect(parseFilter('emails[type eq "work"].value eq "x@example.com"')).toEqual({
      kind: "valuePath",
      path: { attribute: "emails" },
      filter: and(work, compare("value", "eq", "x@example.com")),
    });
  });

  it("reads a present test after it", () => {
    expect(parseFilter('emails[type eq "work"].value pr')).toEqual({
      kind: "valuePath",
      path: { attribute: "emails" },
      filter: and(work, present("value")),
    });
  });

  it("combines with other expressions", () => {
    expect(parseFilter('userType eq "Employee" and emails[type eq "work" and value co "@example.com"]')).toEqual(
      and(compare("userType", "eq", "Employee"), {
        kind: "valuePath",
        path: { attribute: "emails" },
        filter: and(work, compare("value", "co", "@example.com")),
      }),
    );
  });

  it("reads a URN-qualified attribute to select from", () => {
    expect(parseFilter(`${USER}:emails[type eq "work"]`)).toEqual({
      kind: "valuePath",
      path: { schema: USER, attribute: "emails" },
      filter: work,
    });
  });
});

describe("parseFilter: URN-qualified attribute paths", () => {
  it.each<[string, Filter]>([
    [
      `${USER}:userName eq "b"`,
      { kind: "compare", path: { schema: USER, attribute: "userName" }, op: "eq", value: "b" },
    ],
    [`${USER}:name.givenName pr`, { kind: "present", path: { schema: USER, attribute: "name", sub: "givenName" } }],
  ])("%s", (text, tree) => {
    expect(parseFilter(text)).toEqual(tree);
  });

  it("reads an extension's attribute with the extension's URN", () => {
    expect(parseFilter(`${ENTERPRISE}:employeeNumber eq "701984"`)).toEqual({
      kind: "compare",
      path: { schema: ENTERPRISE, attribute: "employeeNumber" },
      op: "eq",
      value: "701984",
    });
  });

  it("reads the URN in any case", () => {
    expect(parseFilter(`${USER.toUpperCase()}:userName pr`)).toEqual({
      kind: "present",
      path: { schema: USER.toUpperCase(), attribute: "userName" },
    });
  });
});

describe("parseAttributePath", () => {
  it.each([
    ["userName", { attribute: "userName" }],
    ["name.givenName", { attribute: "name", sub: "givenName" }],
    ["x$-_1", { attribute: "x$-_1" }],
    [`${USER}:name.familyName`, { schema: USER, attribute: "name", sub: "familyName" }],
  ])("%s", (text, path) => {
    expect(parseAttributePath(text)).toEqual(path);
  });

  it.each(["", "1name", "name.", ".name", "a.b.c", "na me", "name[x]", "user:name", "-name", `${USER}:`, "é"])(
    "refuses '%s'",
    (text) => {
      expect(() => parseAttributePath(text)).toThrow(FilterError);
    },
  );
});

describe("parseFilter: refusals (FilterError)", () => {
  it.each([
    ["an empty filter", ""],
    ["only white space", "   "],
    ["an unquoted string", "userName eq bjensen"],
    ["a single-quoted string", "userName eq 'bjensen'"],
    ["an unclosed string", 'userName eq "bjensen'],
    ["a bad escape", 'userName eq "\\x41"'],
    ["a raw control character in a string", 'userName eq "a\u0001b"'],
    ["a number that is not JSON's", "x eq .5"],
    ["a lone minus", "x eq -"],
    ["no value", "userName eq"],
    ["no operator", "userName"],
    ["an unknown operator", 'userName like "b%"'],
    ["a value for pr", 'userName pr "x"'],
    ["an unbalanced opening parenthesis", '(userName eq "b"'],
    ["an unbalanced closing parenthesis", 'userName eq "b")'],
    ["an empty group", "()"],
    ["an unclosed bracket", 'emails[type eq "work"'],
    ["an unopened bracket", 'emails type eq "work"]'],
    ["an empty value filter", "emails[]"],
    ["a value filter on a sub-attribute", 'name.givenName[x eq "1"]'],
    ["a dangling tail after a value filter", 'emails[type eq "work"].value'],
    ["a trailing token", 'userName eq "b" "c"'],
    ["a trailing keyword", 'userName eq "b" and'],
    ["a leading keyword", 'and userName eq "b"'],
    ["a doubled keyword", 'a eq "1" and and b eq "2"'],
    ["not without parentheses", 'not userName eq "b"'],
    ["pr twice", "userName pr pr"],
    ["a bad attribute path", 'a.b.c eq "1"'],
    ["a bracket for an attribute", '[a eq "1"]'],
  ])("%s", (_what, text) => {
    expect(refusal(text)).toBeInstanceOf(FilterError);
  });

  it("says where it stopped reading", () => {
    expect(refusal('userName eq "b" extra').message).toContain("past 'extra'");
    expect(refusal("userName eq bjensen").message).toContain('strings are quoted: "bjensen"');
  });

  // One level of recursion per opening parenthesis: the parser stops at 64 levels, long before the stack would.
  it("refuses 4,096 opening parentheses with a FilterError, not a stack overflow", () => {
    expect(refusal("(".repeat(4096))).toBeInstanceOf(FilterError);
  });
});

describe("member", () => {
  it("finds a member by case-insensitive name", () => {
    expect(member({ Value: 1, type: 2 }, "VALUE")).toBe(1);
    expect(member({ Value: 1, type: 2 }, "Type")).toBe(2);
    expect(member({ Value: 1 }, "primary")).toBeUndefined();
  });
});

describe("matches: a value filter on one value of a multi-valued attribute", () => {
  const work = { value: "BJensen@Example.com", type: "work", primary: true };
  const home = { Value: "babs@home.example", Type: "home" };
  const matching = (text: string, value: Record<string, unknown>) => {
    const filter = parseFilter(`emails[${text}]`);
    if (filter.kind !== "valuePath") throw new Error("not a value path");
    return matches(filter.filter, value);
  };

  it.each<[string, boolean, boolean]>([
    ['type eq "work"', true, false],
    ['TYPE eq "WORK"', true, false],
    ['value eq "bjensen@example.com"', true, false],
    ['value ne "bjensen@example.com"', false, true],
    ['value co "JENSEN"', true, false],
    ['value sw "bjen"', true, false],
    ['value ew ".EXAMPLE"', false, true],
    ['value gt "b"', true, true],
    ['value lt "b"', false, false],
    ['value ge "babs@home.example"', true, true],
    ['value le "babs@home.example"', false, true],
    ["primary eq true", true, false],
    ["primary ne true", false, true],
    ["primary pr", true, false],
    ["type pr", true, true],
    ["display pr", false, false],
    ['display eq "x"', false, false],
    ['display ne "x"', true, true],
    ['type eq "work" and primary eq true', true, false],
    ['type eq "home" or primary eq true', true, true],
    ['not (type eq "work")', false, true],
    ['not (type eq "work" or type eq "home")', false, false],
  ])("%s: work %s, home %s", (text, onWork, onHome) => {
    expect(matching(text, work)).toBe(onWork);
    expect(matching(text, home)).toBe(onHome);
  });

  it("compares numbers as numbers, and not with strings", () => {
    const value = { value: 10 };
    expect(matches(compare("value", "gt", 9), value)).toBe(true);
    expect(matches(compare("value", "le", 9), value)).toBe(false);
    expect(matches(compare("value", "gt", "9"), value)).toBe(false);
    expect(matches(compare("value", "co", "1"), value)).toBe(false);
  });

  it("reads the sub-attribute of a dotted path", () => {
    expect(matches(compare("emails", "eq", "work", "type"), { type: "work" })).toBe(true);
  });

  it("an empty value, list or null is not present", () => {
    for (const empty of ["", null, [], undefined]) expect(matches(present("value"), { value: empty })).toBe(false);
    expect(matches(present("value"), { value: false })).toBe(true);
    expect(matches(present("value"), { value: 0 })).toBe(true);
  });

  it("a value filter within a value filter selects nothing", () => {
    expect(matches(parseFilter('emails[type eq "work"]'), { emails: [{ type: "work" }] })).toBe(false);
  });
});

describe("equalities: what a value selected by an eq filter holds", () => {
  const inner = (text: string) => {
    const filter = parseFilter(`emails[${text}]`);
    return filter.kind === "valuePath" ? filter.filter : filter;
  };

  it.each<[string, Record<string, unknown> | undefined]>([
    ['type eq "work"', { type: "work" }],
    ['type eq "work" and primary eq true', { type: "work", primary: true }],
    ['type eq "work" and (primary eq true and display eq "W")', { type: "work", primary: true, display: "W" }],
    ['type ne "work"', undefined],
    ['type co "work"', undefined],
    ["type pr", undefined],
    ['type eq "work" or type eq "home"', undefined],
    ['type eq "work" and type pr', undefined],
    ['not (type eq "work")', undefined],
  ])("%s → %j", (text, values) => {
    expect(equalities(inner(text))).toEqual(values);
  });

  it("the comparison after a value filter counts too", () => {
    const filter = parseFilter('emails[type eq "work"].value eq "b@example.com"');
    expect(filter.kind === "valuePath" && equalities(filter.filter)).toEqual({ type: "work", value: "b@example.com" });
  });
});
