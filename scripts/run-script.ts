// Runs a command-line script: a known failure prints one clear line and exits 1, anything else its stack.
import { ConfigError } from "../src/config.ts";
import { DataDirInUseError } from "../src/db/data-dir-lock.ts";
import { ImportError } from "../src/directory/import.ts";

export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(`configuration: ${error.message}`);
    else if (error instanceof ImportError || error instanceof UsageError || error instanceof DataDirInUseError)
      console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}

export class UsageError extends Error {}
