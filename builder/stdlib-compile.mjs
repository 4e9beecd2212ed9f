// Build step of builder/stdlib.py: finds the standard-library modules the engine imports and
// packs them, compiled by Pyodide's own Python, into stored zips the browser boots from.
//
//   node builder/stdlib-compile.mjs <requests.json> <out-dir> <engine.whl> [<later.whl> ...]
//
// requests.json is {"engine": [protocol requests], "later": [protocol requests]}. Both lists run
// through the real worker runtime (engine-runtime.js) on Pyodide with its full standard library:
// first "engine" (every operation but QR), then "later" (QR). sys.modules is copied after each,
// and builder/stdlib_pack.py, run inside the same Pyodide, writes to <out-dir>:
//   stdlib.zip        what the boot and every "engine" request imported (passed as stdLibURL)
//   stdlib-later.zip  what only the "later" requests added (loaded after the engine is ready)
//   modules.json      both module lists, for the tests and the build log
// Exit code 1 with a message on stderr when a request gets no reply or Pyodide fails.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";
import { createEngineRuntime } from "../theme/overrides/assets/js/engine-runtime.js";

const [requestsPath, outDir, ...wheelPaths] = process.argv.slice(2);
const requests = JSON.parse(await readFile(requestsPath, "utf-8"));
const packer = await readFile(fileURLToPath(new URL("./stdlib_pack.py", import.meta.url)));

let pyodide = null;
const replies = new Map();
const runtime = createEngineRuntime({
  loadPyodide: async (options) => (pyodide = await loadPyodide(options)),
  wheelUrls: wheelPaths,
  fetchBytes: async (path) => new Uint8Array(await readFile(path)),
  post: (message) => { if (typeof message.id === "number") replies.set(message.id, message); },
});

async function run(list) {
  for (const request of list) await runtime.onMessage(request);
  const failed = list.filter((r) => !replies.has(r.id) || /"kind":"Engine(Error|Unavailable)"/.test(replies.get(r.id).json));
  if (failed.length) {
    const first = replies.get(failed[0].id);
    throw new Error(`${failed.length} request(s) failed in Pyodide, the first (${failed[0].type}): ${first ? first.json : "no reply"}`);
  }
}

try {
  await runtime.ready;
  if (!pyodide) throw new Error("Pyodide did not start");
  await run(requests.engine);
  // A Python error that reaches JavaScript is formatted with its traceback: record what that imports.
  try { pyodide.pyimport("supportwijzer_no_such_module"); } catch { /* expected */ }
  const sys = pyodide.pyimport("sys");
  const dict = pyodide.pyimport("builtins").dict; // not PyProxy.copy(): that is the same dict again
  const afterEngine = dict(sys.modules);
  await run(requests.later);
  const afterLater = dict(sys.modules);

  // -- pack, with Pyodide's own compiler (the host's Python writes another .pyc magic) -----------
  pyodide.FS.mkdirTree("/supportwijzer-out");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: outDir }, "/supportwijzer-out");
  pyodide.FS.writeFile("/home/pyodide/supportwijzer_stdlib_pack.py", packer);
  const pack = pyodide.pyimport("supportwijzer_stdlib_pack");
  const summary = pack.pack(afterEngine, afterLater, "/supportwijzer-out");
  process.stdout.write(summary + "\n");
} catch (error) {
  process.stderr.write(`${(error && error.message) || error}\n`);
  process.exit(1);
}
