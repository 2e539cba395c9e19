// Loaded with `node --import`: at exit, writes the URL of every module the process loaded to RECORD_MODULES_TO,
// so that a test can tell which libraries a server process loaded.
import { writeFileSync } from "node:fs";
import { registerHooks } from "node:module";

const loaded: string[] = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on("exit", () => writeFileSync(process.env.RECORD_MODULES_TO!, loaded.join("\n")));
