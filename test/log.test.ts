// Log formats: JSON records for machines; for people (LOG_FORMAT=pretty, or stdout on a terminal), pino-pretty
// renders each request as one line.
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { expect, it } from "vitest";
import { createLogger, prettyDestination, requestLogger } from "../src/log.ts";

it("pretty: one line per request with method, path, status, duration and request id, without the query string", async () => {
  let output = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += chunk;
      done();
    },
  });
  const logger = createLogger("info", await prettyDestination(sink));
  const app = express()
    .use(requestLogger(logger))
    .get("/hello", (_req, res) => {
      res.status(204).end();
    });
  const server = app.listen(0, "127.0.0.1");
  try {
    await new Promise((resolve) => server.once("listening", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hello?token=abc`);
    const requestId = response.headers.get("x-request-id");
    for (let i = 0; i < 100 && !output.includes("\n"); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(output).toMatch(
      new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] INFO: GET /hello 204 \\d+ ms request=${requestId}\\n$`),
    );
    logger.info({ migrations: ["001_directory"] }, "applied migrations");
    expect(output.split("\n")[1]).toMatch(/INFO: applied migrations \{"migrations":\["001_directory"\]\}$/);
  } finally {
    server.close();
  }
});

it("json: a 5xx is logged at error level, and a request the client gave up on as aborted", async () => {
  const records: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      records.push(
        ...chunk
          .toString()
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
      done();
    },
  });
  const logger = createLogger("info", sink);
  let reached: () => void;
  const requestReached = new Promise<void>((resolve) => (reached = resolve));
  const app = express()
    .use(requestLogger(logger))
    .get("/broken", (_req, res) => {
      res.status(500).end();
    })
    .get("/slow", () => reached());
  const server = app.listen(0, "127.0.0.1");
  try {
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch(`${base}/broken`);
    const aborted = new AbortController();
    const slow = fetch(`${base}/slow`, { signal: aborted.signal }).catch(() => undefined);
    await requestReached;
    aborted.abort();
    await slow;
    for (let i = 0; i < 100 && records.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(records).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "request completed",
        req: expect.objectContaining({ url: "/broken" }),
      }),
      expect.objectContaining({ level: 30, msg: "request aborted", req: expect.objectContaining({ url: "/slow" }) }),
    ]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
