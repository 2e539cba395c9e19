// Loads users and reports (the `npm run import` format, also used for the demo directory) in one transaction.
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import { compileSchema } from "../schemas.ts";
import { hashPassword } from "./secrets.ts";

export interface ImportUser {
  id?: string;
  username: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  language?: string | null;
  attributes?: Record<string, unknown>;
  role: "admin" | "client";
  status: "active" | "locked" | "disabled";
  confirmed?: boolean;
  provider?: string | null;
  password?: string;
  introReviewed?: boolean;
}

export interface ImportReport {
  id?: string;
  uuid: string;
  referenceId?: string | null;
  type?: string | null;
  processed?: boolean;
  score?: number | null;
  scoreProbability?: number | null;
  scoreConfidence?: number | null;
  scoreVersion?: string | null;
  owner?: string | null;
}

export interface ImportFile {
  users?: ImportUser[];
  reports?: ImportReport[];
}

const ref = (name: string) => ({ $ref: `spec#/components/schemas/${name}` });
const nullableText = (maxLength: number) => ({ type: ["string", "null"], maxLength });
const nullableScore = { type: ["number", "null"], minimum: 0, maximum: 100 };

const validateFile = compileSchema({
  type: "object",
  additionalProperties: false,
  properties: {
    users: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["username", "role", "status"],
        properties: {
          id: ref("UserId"),
          username: ref("Username"),
          email: { anyOf: [ref("Email"), { type: "null" }] },
          firstName: nullableText(128),
          lastName: nullableText(128),
          timezone: nullableText(64),
          language: nullableText(35),
          attributes: ref("Attributes"),
          role: { enum: ["admin", "client"] },
          status: { enum: ["active", "locked", "disabled"] },
          confirmed: { type: "boolean" },
          provider: nullableText(64),
          password: ref("Password"),
          introReviewed: { type: "boolean" },
        },
      },
    },
    reports: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["uuid"],
        properties: {
          id: { type: "string", minLength: 1, maxLength: 64 },
          uuid: ref("ReportUuid"),
          referenceId: nullableText(128),
          type: nullableText(64),
          processed: { type: "boolean" },
          score: nullableScore,
          scoreProbability: nullableScore,
          scoreConfidence: nullableScore,
          scoreVersion: nullableText(64),
          owner: nullableText(128),
        },
      },
    },
  },
});

export class ImportError extends Error {}

/** Throws ImportError naming the entry and field at fault. */
export function checkImportFile(data: unknown): ImportFile {
  if (validateFile(data)) return data as ImportFile;
  const problems = (validateFile.errors ?? []).slice(0, 10).map((e) => {
    const where = e.instancePath.replace(/^\/(users|reports)\/(\d+)/, "$1[$2]").replace(/\//g, ".").replace(/^\./, "");
    return `${where || "(file)"}: ${e.message}`;
  });
  throw new ImportError(`the file is not valid:\n  ${problems.join("\n  ")}`);
}

const BATCH = 500;
const USER_MERGE_COLUMNS = [
  "username", "email", "first_name", "last_name", "timezone", "language", "attributes", "role", "status",
  "confirmed", "provider", "password_hash", "intro_reviewed", "updated_by",
];

export interface ImportCounts {
  users: number;
  reports: number;
}

/** Upserts by id (users) and uuid (reports); a user without id gets a UUID. All or nothing. */
export async function importDirectory(
  db: Knex,
  file: ImportFile,
  options: { actorId?: string | null; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportCounts> {
  const users = file.users ?? [];
  const reports = file.reports ?? [];
  const total = users.length + reports.length;
  let done = 0;
  await db.transaction(async (trx) => {
    for (let start = 0; start < users.length; start += BATCH) {
      const rows = await Promise.all(users.slice(start, start + BATCH).map((u) => userRow(u, options.actorId)));
      await trx("users")
        .insert(rows)
        .onConflict("id")
        .merge({
          ...Object.fromEntries(USER_MERGE_COLUMNS.map((c) => [c, trx.raw("excluded.??", [c])])),
          version: trx.raw("users.version + 1"),
          updated_at: trx.fn.now(),
        });
      done += rows.length;
      options.onProgress?.(done, total);
    }
    for (let start = 0; start < reports.length; start += BATCH) {
      const batch = reports.slice(start, start + BATCH);
      const owners = await ownerIds(trx, batch);
      await trx("reports")
        .insert(batch.map((r) => reportRow(r, owners)))
        .onConflict("uuid")
        .merge(["reference_id", "type", "processed", "score", "score_probability", "score_confidence", "score_version", "user_id"]);
      done += batch.length;
      options.onProgress?.(done, total);
    }
  });
  return { users: users.length, reports: reports.length };
}

async function userRow(user: ImportUser, actorId: string | null | undefined) {
  return {
    id: user.id ?? randomUUID(),
    username: user.username,
    email: user.email ?? null,
    first_name: user.firstName ?? null,
    last_name: user.lastName ?? null,
    timezone: user.timezone ?? null,
    language: user.language ?? null,
    attributes: JSON.stringify(user.attributes ?? {}),
    role: user.role,
    status: user.status,
    confirmed: user.confirmed ?? false,
    provider: user.provider === undefined ? "local" : user.provider,
    password_hash: user.password === undefined ? null : await hashPassword(user.password),
    intro_reviewed: user.introReviewed ?? false,
    created_by: actorId ?? null,
    updated_by: actorId ?? null,
  };
}

async function ownerIds(trx: Knex.Transaction, reports: ImportReport[]): Promise<Map<string, string>> {
  const names = [...new Set(reports.map((r) => r.owner).filter((o): o is string => !!o))];
  if (names.length === 0) return new Map();
  const found: { id: string; username: string }[] = await trx("users")
    .select("id", "username")
    .whereIn("id", names)
    .orWhereRaw("lower(username) = any(?)", [names.map((n) => n.toLowerCase())]);
  const owners = new Map<string, string>();
  for (const user of found) {
    owners.set(user.id, user.id);
    owners.set(user.username.toLowerCase(), user.id);
  }
  const missing = names.find((n) => !owners.has(n) && !owners.has(n.toLowerCase()));
  if (missing) throw new ImportError(`a report's owner '${missing}' is neither a user id nor a username`);
  return owners;
}

function reportRow(report: ImportReport, owners: Map<string, string>) {
  const owner = report.owner ? (owners.get(report.owner) ?? owners.get(report.owner.toLowerCase())) : null;
  return {
    id: report.id ?? randomUUID(),
    uuid: report.uuid,
    reference_id: report.referenceId ?? null,
    type: report.type ?? null,
    processed: report.processed ?? false,
    score: report.score ?? null,
    score_probability: report.scoreProbability ?? null,
    score_confidence: report.scoreConfidence ?? null,
    score_version: report.scoreVersion ?? null,
    user_id: owner ?? null,
  };
}
