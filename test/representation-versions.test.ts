// One version per user, shown as the ETag by all five contracts: it moves whenever any contract's representation of
// the user changes, also when the change was made to another user (a report taken away, an actor renamed).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fromFile, importDirectory } from "../src/directory/import.ts";
import { demoId, jsonBody, send, startServer, type TestServer } from "./support/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** The user's representation and ETag through each of the five contracts. */
async function seenBy(username: string) {
  const user = await server.db("users").where({ username }).first();
  const paths = [
    `/api/management/security/users/${user.id}`,
    `/user/${encodeURIComponent(user.username)}/profile`,
    `/user/${user.num}`,
    `/users/${user.id}`,
    `/scim/v2/Users/${user.id}`,
  ];
  const answers = await Promise.all(paths.map((path) => send(server, "GET", path, { as: "admin" })));
  const etags = answers.map((a) => a.headers.get("etag"));
  expect(new Set(etags).size, `one ETag for ${username} across the contracts`).toBe(1);
  return { etag: etags[0], strapi: answers[3].json };
}

const audited = (username: string) =>
  server
    .db("audit")
    .join("users", "users.id", "audit.user_id")
    .where("users.username", username)
    .orderBy("audit.id")
    .select("audit.changes");

describe("a report given to another user", () => {
  it("moves the previous owner's ETag through all five contracts and audits it for that owner", async () => {
    const before = await seenBy("jlopez");
    expect(before.strapi.reports.map((r: { uuid: string }) => r.uuid)).toEqual(["maia-8439cc39b63b"]);
    const given = await send(server, "PUT", `/users/${demoId("tdurden")}`, {
      as: "admin",
      ...jsonBody({ reports: ["maia-8439cc39b63b"] }),
    });
    expect(given.status).toBe(200);

    const after = await seenBy("jlopez");
    expect(after.strapi.reports).toEqual([]);
    expect(after.etag).not.toBe(before.etag);
    expect((await audited("jlopez")).at(-1)!.changes).toEqual({
      reports: { removed: ["maia-8439cc39b63b"], to: demoId("tdurden") },
    });
  });

  it("a stale If-Match of the previous owner is refused afterwards", async () => {
    const { etag } = await seenBy("jlopez");
    await send(server, "PUT", `/users/${demoId("tdurden")}`, {
      as: "admin",
      ...jsonBody({ reports: ["maia-8439cc39b63b"] }),
    });
    const stale = await send(server, "PUT", `/users/${demoId("jlopez")}`, {
      as: "admin",
      headers: { "content-type": "application/json", "if-match": etag! },
      body: JSON.stringify({ confirmed: false }),
    });
    expect(stale.status).toBe(412);
  });
});

describe("a renamed user", () => {
  it("moves the ETag of the users it created or last updated, whose representation names it", async () => {
    const updated = await send(server, "PUT", "/user/jonny1/profile", {
      as: "admin",
      ...jsonBody({ firstName: "Johnny", email: "jonny1@example.com" }),
    });
    expect(updated.status).toBe(204);
    const before = await seenBy("jonny1");
    expect(before.strapi.updated_by).toBe("admin");

    const renamed = await send(server, "PUT", "/user/current", { as: "admin", ...jsonBody({ login: "root" }) });
    expect(renamed.status).toBe(204);
    const after = await seenBy("jonny1");
    expect(after.strapi.updated_by).toBe("root");
    expect(after.etag).not.toBe(before.etag);
    expect((await audited("jonny1")).at(-1)!.changes).toEqual({ actorName: { old: "admin", new: "root" } });
  });
});

describe("an import", () => {
  it("that moves a report moves both owners' ETags", async () => {
    const [jlopez, tdurden] = [await seenBy("jlopez"), await seenBy("tdurden")];
    await importDirectory(server.db, fromFile({ reports: [{ uuid: "maia-8439cc39b63b", owner: "tdurden" }] }));
    expect((await seenBy("jlopez")).etag).not.toBe(jlopez.etag);
    expect((await seenBy("tdurden")).etag).not.toBe(tdurden.etag);
  });

  it("that renames a user moves the ETags of the users it created or last updated", async () => {
    const before = await seenBy("tdurden");
    expect(before.strapi.created_by).toBe("admin");
    await importDirectory(
      server.db,
      fromFile({ users: [{ id: demoId("admin"), username: "root", role: "admin", status: "active" }] }),
    );
    const after = await seenBy("tdurden");
    expect(after.strapi.created_by).toBe("root");
    expect(after.etag).not.toBe(before.etag);
  });
});
