// Start-up: configuration, database, migrations, observability, listen; graceful shutdown on SIGTERM/SIGINT.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Knex } from "knex";
import type { Logger } from "pino";
import { createApp, openDirectory } from "./app.ts";
import { contracts } from "./contracts/index.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { DataDirInUseError } from "./db/data-dir-lock.ts";
import { DEMO_ADMIN_ID } from "./db/demo.ts";
import { describeTarget, openDatabase } from "./db/knex.ts";
import { databaseTarget, prepareDatabase } from "./db/setup.ts";
import { startDeliveries } from "./events/start.ts";
import { createLogger, prettyDestination } from "./log.ts";
import { isProviderKeys, openTokenKeys, signToken, type VerificationKeys } from "./tokens.ts";

async function main() {
  const config = loadConfig();
  const pretty = (config.logFormat ?? (process.stdout.isTTY ? "pretty" : "json")) === "pretty";
  const logger = createLogger(config.logLevel, pretty ? await prettyDestination() : undefined);
  const keys = openTokenKeys(config, logger);
  const target = databaseTarget(config);
  logger.info(`opening ${describeTarget(target)}`);
  const db = openDatabase(target);
  const { migrations, demoLoaded } = await prepareDatabase(db, config);
  if (migrations.length > 0) logger.info({ migrations }, "applied migrations");
  if (demoLoaded) logger.info("loaded the demo directory");

  // Each loaded only when on: without OTEL_* variables not one module of the OpenTelemetry SDK loads, and with
  // METRICS=false not prom-client.
  const tracing = config.tracing ? (await import("./observability/tracing.ts")).startTracing() : undefined;
  tracing?.observe(db);
  if (tracing) logger.info("OpenTelemetry traces on (OTEL_* variables)");
  const metrics = config.metrics ? (await import("./observability/metrics.ts")).createMetrics(db) : undefined;

  const app = createApp({ db, config, keys, logger, contracts, metrics, tracing });
  const deliveries = await startDeliveries(db, config, logger, (...outcome) => metrics?.observeDelivery(...outcome));
  const server = await listen(app.listen(config.port, config.host));
  const { port } = server.address() as AddressInfo;
  logger.info(`users-api listening on http://${config.host}:${port} (docs at /docs)`);
  const metricsServer =
    metrics && config.metricsPort !== undefined
      ? await listen(metrics.serve(config.metricsPort, config.host))
      : undefined;
  if (metricsServer)
    logger.info(`metrics on http://${config.host}:${(metricsServer.address() as AddressInfo).port}/metrics`);

  if (demoLoaded) await printDemoToken(db, config, keys, port, logger);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests (at most ${config.shutdownTimeoutMs} ms)`);
    const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    metricsServer?.close();
    const closeAll = async () => {
      clearTimeout(deadline);
      await deliveries.stop();
      await tracing?.shutdown();
      if (isProviderKeys(keys)) keys.close();
      await db.destroy();
      logger.info("stopped");
      process.exit(0);
    };
    server.close(() => void closeAll());
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * A ready-to-paste administrator token, only when this start loaded the demo directory: never on a directory that
 * merely still holds the demo administrator, so that tokens do not land in a production log.
 */
async function printDemoToken(db: Knex, config: Config, keys: VerificationKeys, port: number, logger: Logger) {
  const admin = await openDirectory(db, config).find({ by: "id", value: DEMO_ADMIN_ID });
  if (admin?.status !== "active" || isProviderKeys(keys) || !keys.signKey) return;
  if (config.demo)
    logger.warn("DEMO=1: printing a demo administrator token; do not set DEMO=1 on a production directory");
  const token = signToken(keys, admin.id, "24h", { email: admin.email, preferred_username: admin.username });
  console.log(
    `\nTry it with a demo administrator token (valid 24 h; paste both lines in another terminal):\n\n` +
      `  TOKEN=${token}\n  curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:${port}/users/${admin.id}\n`,
  );
}

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return server;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`configuration: ${error.message}`);
  else console.error(error instanceof DataDirInUseError ? error.message : error);
  process.exit(1);
});
