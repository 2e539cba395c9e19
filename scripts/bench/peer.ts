// The bench's yardstick: a small hand-written Fastify 5 + pg service doing the work of contract D's
// PUT /users/{id} on the same database, so that the bench's ratio measures the project's own layers. HS256 bearer
// token (jsonwebtoken), body schema (Fastify's Ajv, formats on), caller and target in one read, authorisation,
// one statement for the conditional update with its audit row and its event (the outbox), the same representation
// back (role object, reports, actor names). Named prepared statements, no request log. Not part of the product: run by bench.ts as
// `node scripts/bench/peer.ts` (Node strips the types) with DATABASE_URL, DB_POOL_MAX, JWT_SECRET, HOST, PORT.
import { createSecretKey } from "node:crypto";
import Fastify, { type FastifyReply } from "fastify";
import jwt from "jsonwebtoken";
import pg from "pg";

const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? ""));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 16) });

const READ = {
  name: "peer_read",
  text: "select id, username, email, confirmed, role, status, version from users where id = $1 or id = $2",
};
const WRITE = {
  name: "peer_write",
  text: `with updated as (
    update users set username = coalesce($3, username), email = coalesce($4, email),
      confirmed = coalesce($5, confirmed), status = coalesce($6, status),
      version = version + 1, updated_at = now(), updated_by = $2
    where id = $1 and version = $7 returning *
  ), logged as (
    insert into audit (user_id, actor_id, contract, changes, version, kind)
    select id, $2, 'peer', $8::jsonb, version, 'updated' from updated
    returning user_id, at, actor_id, contract, changes, version
  ), published as (
    insert into events (user_id, type, time, data)
    select user_id, 'user.updated', at, jsonb_build_object('version', version,
      'changed', (select jsonb_agg(k order by k) from jsonb_object_keys(changes) k), 'contract', contract, 'actor', actor_id)
    from logged
  )
  select u.id, u.username, u.email, u.provider, u.confirmed, u.status, u.version,
    (select row_to_json(r) from (select id, name, description, type, permissions from roles where type = u.role) r) as role,
    coalesce((select json_agg(json_build_object('id', p.id, 'uuid', p.uuid, 'referenceId', p.reference_id,
      'type', p.type, 'processed', p.processed, 'score', p.score, 'scoreProbability', p.score_probability,
      'scoreConfidence', p.score_confidence, 'scoreVersion', p.score_version) order by p.uuid)
      from reports p where p.user_id = u.id), '[]'::json) as reports,
    case when u.created_by = u.id then u.username else (select a.username from users a where a.id = u.created_by) end as created_by,
    case when u.updated_by = u.id then u.username else (select a.username from users a where a.id = u.updated_by) end as updated_by
  from updated u`,
};

interface Body {
  username?: string;
  email?: string;
  confirmed?: boolean;
  blocked?: boolean;
}
const ADMIN_ONLY: (keyof Body)[] = ["confirmed", "blocked"];

const bodySchema = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    username: { type: "string", minLength: 1, maxLength: 128, pattern: "^[^@\\s\\x00]+$" },
    email: { type: "string", format: "email", minLength: 3, maxLength: 254 },
    confirmed: { type: "boolean" },
    blocked: { type: "boolean" },
  },
};

/** What the read and the write return (the write with the representation's relations). */
interface UserRow {
  id: string;
  username: string;
  email: string | null;
  provider: string | null;
  confirmed: boolean;
  status: string;
  role: string | Record<string, unknown>;
  version: number;
}
interface WrittenRow extends UserRow {
  reports: object[];
  created_by: string | null;
  updated_by: string | null;
}

const refuse = (reply: FastifyReply, code: number, message: string) => reply.code(code).send({ code, message });

// Unknown properties refused and no type coercion, as the project's validator does (Fastify's defaults differ).
const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: false } } });

app.get("/readyz", async () => {
  await pool.query("select 1");
  return { status: "ready" };
});

app.put<{ Params: { id: string }; Body: Body }>(
  "/users/:id",
  { schema: { body: bodySchema, params: { type: "object", properties: { id: { type: "string", maxLength: 128 } } } } },
  async (request, reply) => {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    let callerId: string | undefined;
    try {
      const claims = bearer ? jwt.verify(bearer, secret, { algorithms: ["HS256"] }) : undefined;
      callerId = typeof claims === "object" ? claims.sub : undefined;
    } catch {
      callerId = undefined;
    }
    if (!callerId) return refuse(reply, 401, "A valid bearer token is required.");

    const { id } = request.params;
    const { rows } = await pool.query<UserRow>({ ...READ, values: [callerId, id] });
    const caller = rows.find((row) => row.id === callerId);
    const target = rows.find((row) => row.id === id);
    if (!caller || caller.status !== "active") return refuse(reply, 401, "The bearer token's user is not active.");
    if (!target) return refuse(reply, 404, `User '${id}' was not found.`);
    const body = request.body;
    if (caller.role !== "admin" && (caller.id !== target.id || ADMIN_ONLY.some((field) => field in body))) {
      return refuse(reply, 403, "Only the user itself or an administrator can do this.");
    }

    const status = body.blocked === undefined ? undefined : body.blocked ? "disabled" : "active";
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    if (body.username !== undefined) changes.username = { old: target.username, new: body.username };
    if (body.email !== undefined) changes.email = { old: target.email, new: body.email };
    if (body.confirmed !== undefined) changes.confirmed = { old: target.confirmed, new: body.confirmed };
    if (status !== undefined) changes.status = { old: target.status, new: status };
    let written: WrittenRow | undefined;
    try {
      const values = [
        id,
        callerId,
        body.username,
        body.email,
        body.confirmed,
        status,
        target.version,
        JSON.stringify(changes),
      ];
      written = (await pool.query<WrittenRow>({ ...WRITE, values })).rows[0];
    } catch (error) {
      if ((error as { code?: string }).code === "23505") return refuse(reply, 409, "The username or email is taken.");
      throw error;
    }
    if (!written) return refuse(reply, 409, "The user changed meanwhile; retry.");

    reply.header("ETag", `"${written.version}"`);
    return {
      id: written.id,
      username: written.username,
      email: written.email,
      provider: written.provider,
      confirmed: written.confirmed,
      blocked: written.status !== "active",
      role: { ...(written.role as Record<string, unknown>), users: [] },
      reports: written.reports.map((report) => ({ ...report, users_permissions_user: written.username })),
      created_by: written.created_by,
      updated_by: written.updated_by,
    };
  },
);

const close = () =>
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());
await app.listen({ host: process.env.HOST ?? "127.0.0.1", port: Number(process.env.PORT ?? 3001) });
