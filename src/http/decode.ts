// Request bodies → the object a JSON body would give, before the validator sees them. XML and form bodies are
// decoded only where the operation documents them, and their scalars converted by the operation's schema.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ApiError, invalid } from "../wire/api-error.ts";
import { resolveSchema, type JsonSchema } from "../spec.ts";

const XML_TYPES = ["application/xml", "text/xml"];
const FORM_TYPE = "application/x-www-form-urlencoded";
const LIMITS = { depth: 16, keys: 1000 };

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Predefined and numeric references only: documents with a DOCTYPE (where entities are declared) are refused first.
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
});

const mediaType = (req: Request) => (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();

/** The request body schema the operation documents for this media type, if any. */
function documentedSchema(req: Request, type: string): JsonSchema | undefined {
  const schema = req.documented?.operation?.requestBody?.content[type]?.schema;
  return schema && resolveSchema(schema);
}

/**
 * An operation that requires a body gets one: body-parser reads an empty JSON body as {}, which would turn a
 * missing body into an update of nothing. (Without a content type the validator answers 415.)
 */
function requireBody(req: Request): void {
  const required = req.documented?.operation?.requestBody?.required;
  const empty =
    req.get("content-length") === "0" ||
    (req.get("content-length") === undefined && req.get("transfer-encoding") === undefined);
  if (required && empty && req.get("content-type")) throw invalid("The request body is empty.");
}

/** Only UTF-8 (or no charset, which means UTF-8 for every type served here). */
function requireUtf8(req: Request): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get("content-type") ?? "")?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new ApiError("unsupportedMediaType", `Unsupported charset '${charset}': send UTF-8.`);
  }
}

/** Scalars of XML and form bodies arrive as strings; give them the types the schema declares. */
function coerce(value: unknown, schema: JsonSchema | undefined): unknown {
  const resolved = schema && resolveSchema(schema);
  if (!resolved) return value;
  switch (resolved.type) {
    case "array":
      return (Array.isArray(value) ? value : [value]).map((item) => coerce(item, resolved.items));
    case "boolean":
      return value === "true" ? true : value === "false" ? false : value;
    case "integer":
    case "number":
      return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case "object":
      if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, coerce(item, resolved.properties?.[key])]),
      );
    default:
      return value;
  }
}

/** XML 1.0's Char production: a reference to anything else (such as &#0;) is not well-formed. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export function decodeXml(text: string, schema: JsonSchema): unknown {
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw invalid("XML with a DOCTYPE or entity declarations is not accepted.");
  for (const [reference, hex, decimal] of text.matchAll(/&#(?:x([0-9a-f]+)|([0-9]+));/gi)) {
    if (!isXmlChar(hex !== undefined ? parseInt(hex, 16) : Number(decimal))) {
      throw invalid(`The XML body refers to a character XML does not allow (${reference}).`);
    }
  }
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true)
    throw invalid(`The body is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line}).`);
  let document: Record<string, unknown>;
  try {
    document = xmlParser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw invalid(`The XML body was refused: ${(error as Error).message}.`);
  }
  const root = (schema.xml as { name?: string } | undefined)?.name ?? "item";
  const elements = Object.keys(document);
  if (elements.length !== 1 || elements[0] !== root)
    throw invalid(`The XML body must have one root element, <${root}>.`);
  const item = document[root];
  return coerce(item === "" ? {} : item, schema);
}

function decodeForm(text: string, schema: JsonSchema): unknown {
  // Seed 004's own snippets send JSON text under the form content type: read it as JSON, uncoerced.
  if (text.trimStart().startsWith("{")) return parseJson(text);
  const body: Record<string, unknown> = {};
  const params = new URLSearchParams(text);
  let count = 0;
  for (const [rawKey, value] of params) {
    if (++count > LIMITS.keys) throw invalid(`A form body may have at most ${LIMITS.keys} keys.`);
    const key = rawKey.endsWith("[]") ? rawKey.slice(0, -2) : rawKey;
    const previous = body[key];
    body[key] = previous === undefined ? value : ([] as unknown[]).concat(previous, value);
  }
  return coerce(body, schema);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// eslint-disable-next-line no-control-regex -- NUL is one of the characters this pattern is for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Why PostgreSQL could not store this text (it holds no NUL, and jsonb no unpaired surrogate), if it cannot. */
function unstorable(text: string): string | undefined {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (!text.isWellFormed()) return "contains an unpaired surrogate";
  return undefined;
}

/** A path into the body that can be shown in an error body: unstorable characters escaped, bounded in length. */
const printable = (path: string) =>
  path.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).slice(0, 256);

/**
 * Bounds every decoded body, whatever its media type: depth, key count, no prototype-bearing keys, and no text
 * PostgreSQL cannot store, in keys as in values, at any depth.
 */
export function inspectBody(body: unknown): void {
  let keys = 0;
  const refuse = (path: string, message: string) =>
    invalid(`The text at '${printable(path)}' cannot be stored: it ${message}.`, [{ field: printable(path), message }]);
  const visit = (value: unknown, depth: number, path: string) => {
    if (typeof value === "string") {
      const problem = unstorable(value);
      if (problem) throw refuse(path || "body", problem);
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (depth > LIMITS.depth) throw invalid(`The body may nest at most ${LIMITS.depth} levels deep.`);
    for (const [key, item] of Object.entries(value)) {
      if (++keys > LIMITS.keys) throw invalid(`The body may have at most ${LIMITS.keys} keys.`);
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const keyProblem = unstorable(key);
      if (keyProblem) throw refuse(at, `is a key that ${keyProblem}`);
      if (UNSAFE_KEYS.has(key))
        throw invalid(`The key '${key}' is not accepted.`, [{ field: at, message: "reserved key" }]);
      visit(item, depth + 1, at);
    }
  };
  visit(body, 1, "");
}

/** XML and form bodies, where the operation documents their media type: read as text, decoded to what JSON gives. */
function decodeText(text: RequestHandler, req: Request, res: Response, done: NextFunction): void {
  const type = mediaType(req);
  if (!XML_TYPES.includes(type) && type !== FORM_TYPE) return done();
  const documented = documentedSchema(req, type);
  if (!documented) return done();
  void text(req, res, (error?: unknown) => {
    if (error || typeof req.body !== "string") return done(error);
    try {
      req.body = type === FORM_TYPE ? decodeForm(req.body, documented) : decodeXml(req.body, documented);
    } catch (decodeError) {
      return done(decodeError);
    }
    done();
  });
}

/**
 * Body decoding for the operations that take a body; the body of any other request (a GET's, say) is not read, so
 * that it cannot fail one with an error its operation does not document. One middleware, not a router of steps:
 * it runs on every request.
 */
export function bodyDecoders(
  limit: number,
  /** A decoded body as the operation's contract reads it (SCIM's case-insensitive names), before validation. */
  canonical: (req: Request, body: unknown) => unknown = (_req, body) => body,
): RequestHandler {
  const json = express.json({ limit, strict: true, type: ["application/json", "application/*+json"] });
  const text = express.text({ limit, type: [...XML_TYPES, FORM_TYPE] });
  return (req, res, next) => {
    if (!req.documented?.operation?.requestBody) return next();
    requireUtf8(req);
    requireBody(req);
    void json(req, res, (jsonError?: unknown) => {
      if (jsonError) return next(jsonError);
      decodeText(text, req, res, (textError?: unknown) => {
        if (textError) return next(textError);
        try {
          inspectBody(req.body);
          req.body = canonical(req, req.body);
        } catch (error) {
          return next(error);
        }
        next();
      });
    });
  };
}
