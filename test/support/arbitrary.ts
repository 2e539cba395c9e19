// Requests from the spec: a fast-check arbitrary for any of its (OpenAPI 3.0) schemas, and single-constraint
// violations of a valid value. Seeded by fast-check, so every failure is reproducible.
import fc from "fast-check";
import { resolveSchema, type JsonSchema } from "../../src/spec.ts";

type Schema = JsonSchema & {
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  maxProperties?: number;
  nullable?: boolean;
  readOnly?: boolean;
};

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 40, 40);
  const min = schema.minLength ?? 0;
  if (schema.format === "email")
    return fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/), fc.constantFrom("example.com", "mail.test"))
      .map(([l, d]) => `${l}@${d}`);
  if (schema.format === "date-time")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.format === "uuid") return fc.uuid();
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity) && !s.includes("\u0000"));
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

/**
 * `hints` replace the generator of top-level properties whose valid values the schema cannot express
 * (an IANA zone, a role that exists); a hint of `fc.constant(undefined)` leaves the property out.
 */
export function arbitraryOf(
  input: JsonSchema,
  depth = 0,
  hints: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(input) as Schema;
  let arbitrary: fc.Arbitrary<unknown>;
  if (schema.enum) arbitrary = fc.constantFrom(...schema.enum);
  else if (schema.type === "string") arbitrary = stringOf(schema);
  else if (schema.type === "integer")
    arbitrary = fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
  else if (schema.type === "number")
    arbitrary = fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
  else if (schema.type === "boolean") arbitrary = fc.boolean();
  else if (schema.type === "array") {
    arbitrary = (schema.uniqueItems ? fc.uniqueArray : fc.array)(
      arbitraryOf(schema.items!, depth + 1) as fc.Arbitrary<never>,
      {
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      },
    );
  } else if (schema.type === "object" && schema.properties) {
    const required = new Set(schema.required ?? []);
    const entries = Object.fromEntries(
      Object.entries(schema.properties).map(([name, child]) => [name, hints[name] ?? arbitraryOf(child, depth + 1)]),
    );
    arbitrary = fc.record(entries, { requiredKeys: [...required] });
  } else {
    // A free-form object (custom, data): small JSON objects.
    arbitrary =
      depth > 2
        ? fc.constant({})
        : fc.dictionary(
            fc.stringMatching(/^[a-z]{1,8}$/),
            fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()),
            { maxKeys: 4 },
          );
  }
  return schema.nullable ? fc.option(arbitrary, { nil: null, freq: 5 }) : arbitrary;
}

export interface Violation {
  why: string;
  body: Record<string, unknown>;
}

/** One constraint of the schema broken in a copy of a valid body: type, bounds, format, enum, required, extra keys. */
export function violations(
  input: JsonSchema,
  valid: Record<string, unknown>,
  /** SCIM reads "True" and "False" as booleans, as identity providers send them: a string for one is another word. */
  options: { lenientBooleans?: boolean } = {},
): Violation[] {
  const schema = resolveSchema(input) as Schema;
  // A schema that accepts other properties (SCIM's, which ignores them) has no such constraint to break.
  const found: Violation[] =
    schema.additionalProperties === true
      ? []
      : [{ why: "an additional property", body: { ...valid, unexpectedProperty: 1 } }];
  for (const name of schema.required ?? []) {
    const { [name]: _dropped, ...rest } = valid;
    found.push({ why: `required ${name} missing`, body: rest });
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const property = resolveSchema(child) as Schema;
    const set = (why: string, value: unknown) =>
      found.push({ why: `${name}: ${why}`, body: { ...valid, [name]: value } });
    if (property.type === "string") {
      set("a number for a string", 12345);
      if (property.maxLength !== undefined) set("longer than maxLength", "y".repeat(property.maxLength + 1));
      if (property.minLength) set("shorter than minLength", "y".repeat(property.minLength - 1));
      if (property.format === "email") set("not an email", "not-an-email");
      if (property.enum) set("outside the enum", "not-in-enum");
    } else if (property.type === "integer" || property.type === "number") {
      set("a string for a number", "7");
      if (property.enum) set("outside the enum", 99);
      if (property.maximum !== undefined) set("above maximum", property.maximum + 1);
    } else if (property.type === "boolean") {
      set("a string for a boolean", options.lenientBooleans ? "yes" : "true");
    } else if (property.type === "array") {
      set("a string for an array", "x");
      if (property.maxItems !== undefined)
        set(
          "more than maxItems",
          Array.from({ length: property.maxItems + 1 }, (_, i) => `r${i}`),
        );
    } else if (property.type === "object") {
      set("an array for an object", []);
    }
    if (!property.nullable && !(property.type === undefined)) set("null where not nullable", null);
  }
  return found;
}

/** An attribute or operator as a client may spell it: as written, or in another case (SCIM reads both alike). */
const anyCase = (word: string): fc.Arbitrary<string> =>
  fc.constantFrom(word, word.toLowerCase(), word.toUpperCase(), word[0].toUpperCase() + word.slice(1));

const SCIM_USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";

/** Attribute paths a SCIM search may name: the User schema's, common ones, and some it refuses. */
export const scimAttributePath: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .constantFrom(
        "userName",
        "name.givenName",
        "name.familyName",
        "name.formatted",
        "displayName",
        "externalId",
        "id",
        "emails",
        "emails.value",
        "emails.type",
        "emails.primary",
        "active",
        "locale",
        "preferredLanguage",
        "timezone",
        "meta.created",
        "meta.lastModified",
        "meta.resourceType",
      )
      .chain(anyCase),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `${SCIM_USER_URN}:userName`,
      `${SCIM_USER_URN}:name.familyName`,
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
      "password",
      "nickName",
      "groups",
      "meta.version",
      "name.middleName",
      "emails.display",
      "a.b.c",
      "1st",
    ),
  },
);

/** Comparison values: strings (with LIKE's wildcards and JSON escapes), numbers, booleans, null, times. */
const scimValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .constantFrom("bjensen", "BJensen", "example.com", "Barbara", "work", "home", "%", "_", "\\", "", "User")
    .map((text) => JSON.stringify(text)),
  fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)),
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => JSON.stringify(d.toISOString())),
  fc.constantFrom("true", "false", "null", "True", "NULL", "0", "-1.5", "1e3"),
);

const scimOperator = fc.constantFrom("eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le").chain(anyCase);

/** A SCIM filter (RFC 7644 §3.4.2.2) built from its grammar, mostly well-formed and sometimes not searchable here. */
export const scimFilter: fc.Arbitrary<string> = fc.letrec<{ filter: string; emailFilter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(scimAttributePath, scimOperator, scimValue).map((parts) => parts.join(" ")),
    scimAttributePath.map((path) => `${path} pr`),
    fc.tuple(tie("filter"), fc.constantFrom("and", "or", "AND", "Or"), tie("filter")).map((parts) => parts.join(" ")),
    tie("filter").map((inner) => `not (${inner})`),
    tie("filter").map((inner) => `(${inner})`),
    tie("emailFilter").map((inner) => `emails[${inner}]`),
    fc
      .tuple(tie("emailFilter"), scimOperator, scimValue)
      .map(([inner, op, value]) => `emails[${inner}].value ${op} ${value}`),
  ),
  emailFilter: fc.oneof(
    { depthSize: "small" },
    fc
      .tuple(fc.constantFrom("value", "type", "primary", "display"), scimOperator, scimValue)
      .map((parts) => parts.join(" ")),
    fc.constantFrom("value", "type", "primary").map((name) => `${name} pr`),
    fc.tuple(tie("emailFilter"), fc.constantFrom("and", "or"), tie("emailFilter")).map((parts) => parts.join(" ")),
    tie("emailFilter").map((inner) => `not (${inner})`),
  ),
})).filter;

/**
 * Attribute names, as `attributes` and `excludedAttributes` take them. Not the sub-attributes of emails: a projection
 * of some of them leaves addresses without `value`, which the spec's ScimEmail requires (a known bug, reported by
 * test/conformance.test.ts).
 */
export const scimAttributeList: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    scimAttributePath.filter((path) => !path.toLowerCase().startsWith("emails.")),
    fc.constantFrom('emails[type eq "work"]', "schemas", "id", "meta", "name"),
  ),
  { maxLength: 4 },
);

/** GET /scim/v2/Users's query parameters: a filter (well-formed or noise), paging, order and projection. */
export const scimListQuery: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    filter: fc.oneof({ weight: 5, arbitrary: scimFilter }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }),
    startIndex: fc.integer({ min: -3, max: 12 }).map(String),
    count: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(1000, 1001)).map(String),
    cursor: fc.constantFrom("", "", "abc", "eyJrIjpudWxsfQ"),
    sortBy: scimAttributePath,
    sortOrder: fc.constantFrom("ascending", "descending"),
    attributes: scimAttributeList.map((list) => list.join(",")),
    excludedAttributes: scimAttributeList.map((list) => list.join(",")),
  },
  { requiredKeys: [] },
);
