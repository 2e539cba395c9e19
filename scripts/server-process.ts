// Processes the tests and the bench start: the server on a free loopback port, and tools such as Prism. Each runs
// in a process group of its own, so that stopping it stops whatever it started too, and every group still running
// when this process exits is killed.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

/** The process groups started here that have not exited yet. */
export const runningProcesses = (): ReadonlySet<ChildProcess> => running;

process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}

/** Starts `command` as the leader of a new process group, tracked until it exits. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Whether a process of group `pgid` still runs (Linux /proc; a zombie waiting for its reaper does not count). */
function groupRunning(pgid: number): boolean {
  if (!existsSync("/proc")) return false;
  return readdirSync("/proc").some((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return state !== "Z" && Number(group) === pgid;
    } catch {
      return false; // not a process, or gone meanwhile
    }
  });
}

/** Signals the whole group and resolves when its leader and every other member have exited (at most 5 s more). */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    signalGroup(child, signal);
    await exited;
  }
  for (let i = 0; i < 100 && groupRunning(child.pid!); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The Node.js options package.json's start script gives the server, so that tools run it as `npm start` does. */
export function startNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts: { start: string };
  };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code. */
  exit: Promise<number | null>;
  /** What it printed on stdout so far, when started with `captureStdout`. */
  stdout(): string;
}

/** Starts `node [...nodeArgs]` with `env` and waits (up to 60 s) until /readyz answers 200. */
export async function startServerProcess(
  nodeArgs: string[],
  env: Record<string, string>,
  options: { captureStdout?: boolean } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnGroup(process.execPath, nodeArgs, {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", options.captureStdout ? "pipe" : "ignore", "inherit"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url, exit, stdout: () => stdout };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopGroup(child, "SIGKILL");
  throw new Error("the server did not become ready in 60 s");
}

export async function stopServerProcess(
  server: ServerProcess,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<number | null> {
  await stopGroup(server.child, signal);
  return server.exit;
}
