// SCIM filters (RFC 7644 §3.4.2.2): parsed into a tree, which a search translates for the directory
// (search-filter.ts) and a patch path's value selection (`emails[type eq "work"]`) evaluates on a resource's values.
//
//   FILTER    = attrExp / logExp / valuePath / "not" "(" FILTER ")" / "(" FILTER ")"
//   valuePath = attrPath "[" FILTER "]" [ "." subAttr compareOp compValue ]   (the tail as Entra ID sends it)
//   attrExp   = attrPath "pr" / attrPath compareOp compValue
//   attrPath  = [schema URN ":"] attrName ["." subAttr]
// `not` binds tighter than `and`, `and` tighter than `or`; operators and keywords are case-insensitive.

export const COMPARISONS = ["eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le"] as const;
export type ComparisonOperator = (typeof COMPARISONS)[number];

/** An attribute as a filter names it: its schema when qualified, its name and a sub-attribute, as written. */
export interface AttributePath {
  schema?: string;
  attribute: string;
  sub?: string;
}

export type Filter =
  | { kind: "compare"; path: AttributePath; op: ComparisonOperator; value: string | number | boolean | null }
  | { kind: "present"; path: AttributePath }
  /** Some value of a multi-valued attribute meets `filter`, whose paths name its sub-attributes. */
  | { kind: "valuePath"; path: AttributePath; filter: Filter }
  | { kind: "and" | "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter };

export class FilterError extends Error {}

// Quoted strings (JSON escapes), brackets, parentheses, and words (attribute paths, operators, other values).
const TOKEN = /\s*("(?:[^"\\]|\\.)*"|[()[\]]|[^\s()[\]]+)/y;
const NAME = /^[A-Za-z][\w$-]*$/;
// `urn:…:User:name.givenName`: the schema is everything before the last colon that precedes the attribute.
const QUALIFIED = /^(urn:[^\s]+):([A-Za-z][\w$-]*(?:\.[A-Za-z][\w$-]*)?)$/i;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    tokens.push(match[1]);
    end = TOKEN.lastIndex;
  }
  if (text.slice(end).trim() !== "") throw new FilterError(`cannot read the filter '${text}'`);
  return tokens;
}

export function parseAttributePath(text: string): AttributePath {
  const qualified = QUALIFIED.exec(text);
  const [schema, rest] = qualified ? [qualified[1], qualified[2]] : [undefined, text];
  const [attribute, sub, ...more] = rest.split(".");
  if (!NAME.test(attribute) || (sub !== undefined && !NAME.test(sub)) || more.length > 0)
    throw new FilterError(`'${text}' is not an attribute path`);
  return { ...(schema && { schema }), attribute, ...(sub !== undefined && { sub }) };
}

function literal(token: string | undefined): string | number | boolean | null {
  if (token === undefined) throw new FilterError("a comparison has no value");
  if (token.startsWith('"')) {
    try {
      return JSON.parse(token) as string;
    } catch {
      throw new FilterError(`${token} is not a valid string`);
    }
  }
  const lower = token.toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  if (lower === "null") return null;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(token)) return Number(token);
  throw new FilterError(`'${token}' is not a value (strings are quoted: "${token}")`);
}

// Deeper than any filter a client means; the parser recurses once per level.
const MAX_DEPTH = 64;

const isComparison = (word: string | undefined): word is ComparisonOperator =>
  (COMPARISONS as readonly string[]).includes(word ?? "");

export function parseFilter(text: string): Filter {
  const tokens = tokenize(text);
  let at = 0;
  let depth = 0;
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new FilterError(`the filter nests deeper than ${MAX_DEPTH} levels`);
    const result = parse();
    depth--;
    return result;
  };
  const next = () => tokens[at++];
  const peek = () => tokens[at]?.toLowerCase();
  const expect = (token: string) => {
    if (next() !== token) throw new FilterError(`expected '${token}' in the filter '${text}'`);
  };

  const attributeExpression = (path: AttributePath): Filter => {
    const operator = next()?.toLowerCase();
    if (operator === "pr") return { kind: "present", path };
    if (!isComparison(operator)) throw new FilterError(`unknown operator '${operator ?? ""}' in '${text}'`);
    return { kind: "compare", path, op: operator, value: literal(next()) };
  };

  const unary = (): Filter => {
    const word = next();
    if (word === undefined) throw new FilterError(`the filter '${text}' ends too soon`);
    if (word.toLowerCase() === "not" && peek() === "(") {
      next();
      const filter = nested(or);
      expect(")");
      return { kind: "not", filter };
    }
    if (word === "(") {
      const filter = nested(or);
      expect(")");
      return filter;
    }
    const path = parseAttributePath(word);
    if (peek() !== "[") return attributeExpression(path);
    if (path.sub !== undefined) throw new FilterError(`'${word}' is not a multi-valued attribute to select from`);
    next();
    const inner = nested(or);
    expect("]");
    const tail = tokens[at];
    if (tail === undefined || !tail.startsWith(".")) return { kind: "valuePath", path, filter: inner };
    next();
    const sub = attributeExpression(parseAttributePath(tail.slice(1)));
    return { kind: "valuePath", path, filter: { kind: "and", left: inner, right: sub } };
  };
  const and = (): Filter => {
    let left = unary();
    while (peek() === "and") left = (next(), { kind: "and", left, right: unary() });
    return left;
  };
  const or = (): Filter => {
    let left = and();
    while (peek() === "or") left = (next(), { kind: "or", left, right: and() });
    return left;
  };

  const filter = or();
  if (at !== tokens.length) throw new FilterError(`cannot read the filter '${text}' past '${tokens[at]}'`);
  return filter;
}

/** A member of an object by case-insensitive name. */
export function member(value: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : value[key];
}

const folded = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

function compare(actual: unknown, operator: ComparisonOperator, expected: unknown): boolean {
  const [a, e] = [folded(actual), folded(expected)];
  if (operator === "eq") return a === e;
  if (operator === "ne") return a !== e;
  if (typeof a === "number" && typeof e === "number")
    return { gt: a > e, lt: a < e, ge: a >= e, le: a <= e }[operator as string] ?? false;
  if (typeof a !== "string" || typeof e !== "string") return false;
  return { co: a.includes(e), sw: a.startsWith(e), ew: a.endsWith(e), gt: a > e, lt: a < e, ge: a >= e, le: a <= e }[
    operator
  ];
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** Whether a value of a multi-valued attribute (an object of sub-attributes) meets a value filter. */
export function matches(filter: Filter, value: Record<string, unknown>): boolean {
  switch (filter.kind) {
    case "compare":
      return compare(member(value, filter.path.sub ?? filter.path.attribute), filter.op, filter.value);
    case "present":
      return !isEmpty(member(value, filter.path.sub ?? filter.path.attribute));
    case "valuePath":
      return false;
    case "and":
      return matches(filter.left, value) && matches(filter.right, value);
    case "or":
      return matches(filter.left, value) || matches(filter.right, value);
    case "not":
      return !matches(filter.filter, value);
  }
}

/** The values a filter of `eq` comparisons joined by `and` asks for: what a value it selects must hold. */
export function equalities(filter: Filter): Record<string, unknown> | undefined {
  if (filter.kind === "compare" && filter.op === "eq") return { [filter.path.attribute]: filter.value };
  if (filter.kind !== "and") return undefined;
  const left = equalities(filter.left);
  const right = equalities(filter.right);
  return left && right ? { ...left, ...right } : undefined;
}
