// npm run token -- <username or id> [--expires-in 1h]: prints a bearer token for that user.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/knex.ts";
import { databaseTarget, prepareDatabase } from "../src/db/setup.ts";
import { resolveTokenKeys, signToken } from "../src/tokens.ts";
import { runScript, UsageError } from "./run-script.ts";

runScript(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { "expires-in": { type: "string", default: "1h" } },
  });
  const who = positionals[0];
  if (!who) throw new UsageError("usage: npm run token -- <username or id> [--expires-in 1h]");
  const config = loadConfig();
  const keys = resolveTokenKeys(config);
  const db = openDatabase(databaseTarget(config));
  try {
    await prepareDatabase(db, config);
    const user = await db("users")
      .select("id", "username", "email", "status")
      .where("id", who)
      .orWhereRaw("lower(username) = lower(?)", [who])
      .first<{ id: string; username: string; email: string | null; status: string } | undefined>();
    if (!user) throw new UsageError(`no user has the id or username '${who}'`);
    if (user.status !== "active")
      console.error(`note: this user is ${user.status}; its token will be refused until it is active`);
    const expiresIn = /^\d+$/.test(values["expires-in"]) ? Number(values["expires-in"]) : values["expires-in"];
    console.log(signToken(keys, user.id, expiresIn, { email: user.email, preferred_username: user.username }));
  } finally {
    await db.destroy();
  }
});
