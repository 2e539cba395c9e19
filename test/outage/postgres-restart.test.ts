// PostgreSQL stopped and started again under traffic: requests during the outage get 503 with Retry-After in
// their contract's body, /readyz says 503, the server serves again afterwards without a restart, and no write
// answered 2xx is lost. It stops the whole local cluster, so it runs alone: `npm run test:outage`
// (with TEST_DATABASE_URL; .ci/run calls it after the suites).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoId, send, startServer, type TestServer } from "../support/harness.ts";

const cluster = () => readdirSync("/etc/postgresql")[0];
const pgctl = (action: "stop" | "start") =>
  execFileSync(
    "pg_ctlcluster",
    ["--skip-systemctl-redirect", cluster(), "main", action, ...(action === "stop" ? ["-m", "fast"] : [])],
    { stdio: "pipe" },
  );

describe.runIf(process.env.TEST_DATABASE_URL)("PostgreSQL restart under traffic", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    try {
      pgctl("start");
    } catch {
      // already running
    }
    await server?.close();
  });

  it("503 with Retry-After during the outage, serving again after it, no acknowledged write lost", async () => {
    const id = demoId("jlopez");
    const acknowledged: string[] = [];
    const during: { status: number; body: Record<string, unknown>; retryAfter: string | null }[] = [];
    let phase = "before" as "before" | "down" | "after";
    let stop = false;
    const traffic = (async () => {
      for (let i = 0; !stop; i++) {
        const email = `restart-${i}@example.com`;
        const response = await send(server, "PUT", `/users/${id}`, {
          as: "admin",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email }),
        });
        if (response.status === 200) acknowledged.push(email);
        if (phase === "down")
          during.push({
            status: response.status,
            body: response.json,
            retryAfter: response.headers.get("retry-after"),
          });
        expect([200, 503], response.text).toContain(response.status);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    pgctl("stop");
    phase = "down";
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await send(server, "GET", "/readyz")).status).toBe(503);
    pgctl("start");
    phase = "after";
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      ready = (await send(server, "GET", "/readyz")).status === 200;
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop = true;
    await traffic;

    expect(ready).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    for (const response of during.filter((r) => r.status === 503)) {
      expect(response.retryAfter).toBe("5");
      expect(response.body).toMatchObject({ code: 503, message: "The directory is unavailable; try again later." });
    }
    expect(during.some((r) => r.status === 503)).toBe(true);
    expect((await send(server, "GET", `/users/${id}`, { as: "admin" })).status).toBe(200);
    const audited = (await server.db("audit").where({ user_id: id })).map((a) => a.changes.email?.new);
    expect(acknowledged.filter((email) => !audited.includes(email))).toEqual([]);
  });
});
