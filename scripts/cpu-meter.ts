// Where the CPU goes during a benchmark run, read from /proc (Linux): the server process, the PostgreSQL backends
// serving the scratch database (when PostgreSQL runs on this machine) and this process (the load generator or the
// direct SQL client). Per request, so that a ratio can be explained by what each side spends.
import { readdirSync, readFileSync } from "node:fs";

const MS_PER_TICK = 10; // utime and stime count clock ticks of 1/100 s (CLK_TCK on Linux)

/** CPU time used so far by a process, in ms; 0 for a process that has gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

/** CPU ms so far of each local PostgreSQL backend connected to `database`, by pid. */
function backendsCpuMs(database: string): Map<number, number> {
  const backends = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    // A backend's title: "postgres: 15/main: <user> <database> <client> <state>".
    if (title.startsWith("postgres:") && title.split(" ").includes(database))
      backends.set(Number(entry), processCpuMs(Number(entry)));
  }
  return backends;
}

/** read() and write() family system calls made so far by a process (sockets included), from /proc/<pid>/io. */
function processSyscalls(pid: number): { reads: number; writes: number } {
  try {
    const io = readFileSync(`/proc/${pid}/io`, "utf8");
    const count = (name: string) => Number(new RegExp(`${name}: (\\d+)`).exec(io)?.[1] ?? NaN);
    return { reads: count("syscr"), writes: count("syscw") };
  } catch {
    return { reads: NaN, writes: NaN };
  }
}

export interface CpuPerUnit {
  server?: number;
  postgres?: number;
  bench: number;
  /** The server's read and write system calls per unit: socket reads and writes, log writes. */
  serverSyscalls?: { reads: number; writes: number };
}

/** Starts measuring; the function it returns gives the CPU ms spent since, per unit of work (request, transaction). */
export function startCpuMeter(sources: { serverPid?: number; database?: string }): (units: number) => CpuPerUnit {
  const server = sources.serverPid === undefined ? 0 : processCpuMs(sources.serverPid);
  const syscalls = sources.serverPid === undefined ? undefined : processSyscalls(sources.serverPid);
  const postgres = sources.database === undefined ? new Map<number, number>() : backendsCpuMs(sources.database);
  const bench = process.cpuUsage();
  return (units) => {
    const per = (ms: number) => Math.round((ms / units) * 1000) / 1000;
    const used = process.cpuUsage(bench);
    const result: CpuPerUnit = { bench: per((used.user + used.system) / 1000) };
    if (sources.serverPid !== undefined) {
      result.server = per(processCpuMs(sources.serverPid) - server);
      const now = processSyscalls(sources.serverPid);
      const perSyscall = (count: number) => Math.round((count / units) * 100) / 100;
      result.serverSyscalls = {
        reads: perSyscall(now.reads - syscalls!.reads),
        writes: perSyscall(now.writes - syscalls!.writes),
      };
    }
    if (sources.database !== undefined) {
      let spent = 0;
      for (const [pid, ms] of backendsCpuMs(sources.database)) spent += ms - (postgres.get(pid) ?? 0);
      result.postgres = per(spent);
    }
    return result;
  };
}

/** The peak resident set size of a process, in MB. */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}
