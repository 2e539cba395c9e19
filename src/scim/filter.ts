// SCIM value filters (RFC 7644 §3.4.2.2), as a patch path's value selection uses them: `emails[type eq "work"]`.
// Values of the attributes served here are compared case-insensitively (none of them is caseExact).

export type Filter =
  | { kind: "compare"; attribute: string; operator: string; value: unknown }
  | { kind: "present"; attribute: string }
  | { kind: "and" | "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter };

export class FilterError extends Error {}

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|\(|\)|[^\s()]+)/y;
const OPERATORS = new Set(["eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le"]);

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

function literal(token: string | undefined): unknown {
  if (token === undefined) throw new FilterError("a comparison has no value");
  if (token.startsWith('"')) return JSON.parse(token);
  const lower = token.toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  if (lower === "null") return null;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(token)) return Number(token);
  throw new FilterError(`'${token}' is not a value (strings are quoted)`);
}

export function parseFilter(text: string): Filter {
  const tokens = tokenize(text);
  let at = 0;
  const next = () => tokens[at++];
  const peek = () => tokens[at]?.toLowerCase();
  const expect = (token: string) => {
    if (next() !== token) throw new FilterError(`expected '${token}' in the filter '${text}'`);
  };
  const unary = (): Filter => {
    if (peek() === "not") {
      next();
      expect("(");
      const filter = or();
      expect(")");
      return { kind: "not", filter };
    }
    if (peek() === "(") {
      next();
      const filter = or();
      expect(")");
      return filter;
    }
    const attribute = next();
    const operator = next()?.toLowerCase();
    if (!attribute || !/^[A-Za-z][\w$-]*$/.test(attribute)) throw new FilterError(`cannot read the filter '${text}'`);
    if (operator === "pr") return { kind: "present", attribute };
    if (!operator || !OPERATORS.has(operator)) throw new FilterError(`unknown operator '${operator ?? ""}'`);
    return { kind: "compare", attribute, operator, value: literal(next()) };
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
  if (at !== tokens.length) throw new FilterError(`cannot read the filter '${text}'`);
  return filter;
}

/** A member of an object by case-insensitive name. */
export function member(value: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : value[key];
}

const folded = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

function compare(actual: unknown, operator: string, expected: unknown): boolean {
  const [a, e] = [folded(actual), folded(expected)];
  if (operator === "eq") return a === e;
  if (operator === "ne") return a !== e;
  if (typeof a !== "string" || typeof e !== "string") {
    if (typeof a === "number" && typeof e === "number")
      return { gt: a > e, lt: a < e, ge: a >= e, le: a <= e }[operator] ?? false;
    return false;
  }
  return (
    { co: a.includes(e), sw: a.startsWith(e), ew: a.endsWith(e), gt: a > e, lt: a < e, ge: a >= e, le: a <= e }[
      operator
    ] ?? false
  );
}

export function matches(filter: Filter, value: Record<string, unknown>): boolean {
  switch (filter.kind) {
    case "compare":
      return compare(member(value, filter.attribute), filter.operator, filter.value);
    case "present": {
      const found = member(value, filter.attribute);
      return found !== undefined && found !== null && found !== "" && !(Array.isArray(found) && found.length === 0);
    }
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
  if (filter.kind === "compare" && filter.operator === "eq") return { [filter.attribute]: filter.value };
  if (filter.kind !== "and") return undefined;
  const left = equalities(filter.left);
  const right = equalities(filter.right);
  return left && right ? { ...left, ...right } : undefined;
}
