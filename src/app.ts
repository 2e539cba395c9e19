// The HTTP pipeline: decode body → validate against openapi.yaml → authenticate → handler → render errors.
import express, { type Express, type Request } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import helmet from "helmet";
import type { Knex } from "knex";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { Contract } from "./contracts/contract.ts";
import { authenticate } from "./http/authenticate.ts";
import { cors } from "./http/cors.ts";
import { bodyDecoders } from "./http/decode.ts";
import { errorRenderer } from "./http/render-error.ts";
import { createDirectory, type Directory } from "./directory/directory.ts";
import { contractOperations } from "./http/contract-operations.ts";
import { dispatchOperations } from "./http/dispatch.ts";
import { resolveRoute } from "./http/documented-route.ts";
import { docsAssets, serviceOperations } from "./http/service.ts";
import { scimDiscoveryOperations } from "./scim/discovery.ts";
import { scimSearchOperations } from "./scim/search-operations.ts";
import { accessTable, type RenderContext } from "./contracts/contract.ts";
import { contractFinder, undocumentedPaths } from "./http/contract-of.ts";
import { baseUrlOf } from "./wire/base-url.ts";
import { changesOperations } from "./http/changes-operations.ts";
import { EVENT_TYPE_PREFIX } from "./events/cloudevent.ts";
import { requestLogger } from "./log.ts";
import type { Metrics } from "./observability/metrics.ts";
import type { Tracing } from "./observability/tracing.ts";
import { spec } from "./spec.ts";
import { isProviderKeys, type VerificationKeys } from "./tokens.ts";

export interface AppOptions {
  db: Knex;
  config: Config;
  keys: VerificationKeys;
  logger: Logger;
  /** The contracts served (src/contracts/index.ts in production; tests may serve others). */
  contracts: Contract[];
  /** Request metrics, and the /metrics route unless METRICS_PORT serves it elsewhere (absent: METRICS=false). */
  metrics?: Metrics;
  /** A server span per request (absent unless OTEL_* variables ask for traces). */
  tracing?: Tracing;
  /** Validate every response against the spec too (tests do; a mismatch becomes a 500). */
  validateResponses?: boolean;
  /** Check that every cached statement is what its shape builds (tests do). */
  verifyStatements?: boolean;
}

/** The directory's use cases over `db`, with the settings of `config`. */
export function openDirectory(db: Knex, config: Config, verifyStatements = false): Directory {
  return createDirectory(
    db,
    { readOnly: config.readOnly, versionRequired: config.requireIfMatch, provisionedRole: config.provisionedRole },
    { prepare: config.dbPreparedStatements, verify: verifyStatements },
  );
}

export function createApp({
  db,
  config,
  keys,
  logger,
  contracts,
  metrics,
  tracing,
  validateResponses = false,
  verifyStatements = false,
}: AppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");

  app.use(resolveRoute);
  if (metrics) app.use(metrics.middleware);
  if (tracing) app.use(tracing.middleware);
  app.use(requestLogger(logger, tracing !== undefined));
  // Served over plain HTTP too (npm start): the docs page must not be told to upgrade its asset requests.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.corsOrigins.length > 0) app.use(cors(config.corsOrigins));
  app.use("/docs", docsAssets());
  const contractOf = contractFinder(contracts);
  app.use(
    bodyDecoders(config.bodyLimit, (req, body) => {
      const operationId = req.documented?.operation?.operationId;
      const contract = contractOf(req);
      return operationId && contract?.canonicalBody ? contract.canonicalBody(operationId, body) : body;
    }),
  );
  const auth = authenticate(keys, config);
  app.use(undocumentedPaths(contracts, auth));
  app.use(
    OpenApiValidator.middleware({
      apiSpec: structuredClone(spec) as never,
      validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false },
      validateResponses: validateResponses ? { removeAdditional: false } : false,
      validateSecurity: false,
      validateFormats: true,
      ignoreUndocumented: false,
    }),
  );
  const pending = () => (isProviderKeys(keys) ? keys.pending() : undefined);
  const directory = openDirectory(db, config, verifyStatements);
  const baseUrl = (req: Request) => baseUrlOf(req, config.publicBaseUrl);
  const contextOf = (req: Request): RenderContext => ({ baseUrl: baseUrl(req) });
  const scim = contracts.find((contract) => contract.tag === "scim");
  if (!scim) throw new Error("the SCIM contract serves the SCIM searches: it must be among the contracts");
  app.use(
    dispatchOperations({
      ...serviceOperations(db, pending, config.metricsPort === undefined ? metrics?.registry : undefined),
      ...scimDiscoveryOperations(baseUrl),
      ...changesOperations(directory, db, auth, { source: config.eventSource, typePrefix: EVENT_TYPE_PREFIX }),
      ...scimSearchOperations(
        directory.forContract({ contract: scim.tag, access: accessTable(scim), relations: scim.relations }),
        (user, context) => scim.render(user, context) as object,
        auth,
        contextOf,
      ),
      ...Object.fromEntries(
        contracts.flatMap((contract) => Object.entries(contractOperations(contract, directory, auth, contextOf))),
      ),
    }),
  );
  app.use(errorRenderer(logger, contracts));
  return app;
}
