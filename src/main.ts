// Start-up: configuration, database, migrations, listen; graceful shutdown on SIGTERM/SIGINT.
import type { AddressInfo } from "node:net";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirInUseError } from "./db/data-dir-lock.ts";
import { DEMO_ADMIN_ID } from "./db/demo.ts";
import { describeTarget, openDatabase } from "./db/knex.ts";
import { databaseTarget, prepareDatabase } from "./db/setup.ts";
import { findUser } from "./directory/users.ts";
import { createLogger } from "./log.ts";
import { isProviderKeys, openTokenKeys, signToken } from "./tokens.ts";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const keys = openTokenKeys(config, logger);
  const target = databaseTarget(config);
  logger.info(`opening ${describeTarget(target)}`);
  const db = openDatabase(target);
  const { migrations, demoLoaded } = await prepareDatabase(db, config);
  if (migrations.length > 0) logger.info({ migrations }, "applied migrations");
  if (demoLoaded) logger.info("loaded the demo directory");

  const app = createApp({ db, config, keys, logger });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const { port } = server.address() as AddressInfo;
  logger.info(`users-api listening on http://${config.host}:${port} (docs at /docs)`);

  const admin = await findUser(db, { by: "id", value: DEMO_ADMIN_ID }, false);
  if (admin?.status === "active" && !isProviderKeys(keys) && keys.signKey) {
    const token = signToken(keys, admin.id, "24h", { email: admin.email, preferred_username: admin.username });
    console.log(
      `\nTry it with a demo administrator token (valid 24 h; paste both lines in another terminal):\n\n` +
        `  TOKEN=${token}\n  curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:${port}/users/${admin.id}\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests (at most ${config.shutdownTimeoutMs} ms)`);
    const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    server.close(async () => {
      clearTimeout(deadline);
      if (isProviderKeys(keys)) keys.close();
      await db.destroy();
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`configuration: ${error.message}`);
  else console.error(error instanceof DataDirInUseError ? error.message : error);
  process.exit(1);
});
