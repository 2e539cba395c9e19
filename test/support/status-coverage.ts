// Status coverage over a whole test run: each in-process test server records (operationId, status) of every
// answer into a file of its worker; the global setup's teardown adds them up, prints which documented statuses
// the run produced, and fails the run on any status an operation does not document.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { documentedRoutes, findRoute } from "../../src/spec.ts";

/** Worker side: a `request` listener for the test server's http.Server. */
export function statusRecorder(dir: string) {
  const file = join(dir, `${process.pid}.log`);
  return (req: IncomingMessage, res: ServerResponse) => {
    res.once("finish", () => {
      const path = (req.url ?? "").split("?")[0];
      const operationId = findRoute(path)?.operations[(req.method ?? "").toLowerCase()]?.operationId;
      if (operationId) appendFileSync(file, `${operationId} ${res.statusCode}\n`);
    });
  };
}

interface Operation {
  operationId: string;
  documented: string[];
}

const operations: Operation[] = documentedRoutes.flatMap((route) =>
  Object.values(route.operations).map((operation) => ({
    operationId: operation.operationId!,
    documented: Object.keys(operation.responses ?? {}),
  })),
);

/** Counts per "operationId status", from every worker's file. */
function readCounts(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, name), "utf8").split("\n").filter(Boolean))
      counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return counts;
}

/** One row per operation, one column per status: the count, "-" when documented but never produced. */
function table(counts: Map<string, number>): string {
  const statuses = [...new Set(operations.flatMap((o) => o.documented))].sort();
  const width = Math.max(...operations.map((o) => o.operationId.length));
  const cell = (text: string) => text.padStart(6);
  const rows = operations.map(({ operationId, documented }) => {
    const cells = statuses.map((status) =>
      documented.includes(status) ? String(counts.get(`${operationId} ${status}`) ?? "-") : "",
    );
    return operationId.padEnd(width) + cells.map(cell).join("");
  });
  return [" ".repeat(width) + statuses.map(cell).join(""), ...rows].join("\n");
}

/** Teardown side: prints the table; throws when a server sent a status its operation does not document. */
export function reportStatusCoverage(dir: string): void {
  const counts = readCounts(dir);
  if (counts.size === 0) return;
  const missing = operations.flatMap(({ operationId, documented }) =>
    documented.filter((status) => !counts.has(`${operationId} ${status}`)).map((status) => `${operationId} ${status}`),
  );
  console.log(
    `\nStatus coverage: answers per documented status ("-": no test produced it; ${missing.length} of ${operations.reduce((n, o) => n + o.documented.length, 0)})\n${table(counts)}\n`,
  );
  const undocumented = [...counts].filter(([key]) => {
    const [operationId, status] = key.split(" ");
    return !operations.find((o) => o.operationId === operationId)!.documented.includes(status);
  });
  if (undocumented.length > 0) {
    throw new Error(
      `statuses the spec does not document for their operation: ${undocumented.map(([key, n]) => `${key} (×${n})`).join(", ")}`,
    );
  }
}
