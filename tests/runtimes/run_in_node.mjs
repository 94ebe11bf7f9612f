// Run a Python script inside real MicroPython or real Pyodide, under Node, offline.
//
//   node run_in_node.mjs <micropython|pyodide> <project_dir> <script.py>
//
// Loads the interpreter from the project's node_modules (../../node_modules
// from this file), copies every .py and .json file under the project's
// pyscript/ and tests/ folders into the interpreter's virtual filesystem
// (keeping folders), puts pyscript/ (where the sog package lies, as in the
// browser) and the project folder (for tests.support and the parity cases)
// on sys.path, then runs the script. The script's stdout is written to stdout
// exactly, byte for byte. A Python error exits with status 1 and the
// traceback on stderr. Nothing is fetched from the network: Pyodide loads
// from its own folder in node_modules, no packages are loaded, and fetch()
// is disabled for anything but local files.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NODE_MODULES = path.resolve(HERE, "..", "..", "node_modules");
const MICROPYTHON = path.join(NODE_MODULES, "@micropython", "micropython-webassembly-pyscript", "micropython.mjs");
const PYODIDE_DIR = path.join(NODE_MODULES, "pyodide");
// Where the project's folders go inside the interpreter.
const TARGET = "/sog/project";
const FOLDERS = ["pyscript", "tests"];

function fail(message, status = 2) {
  process.stderr.write(message.endsWith("\n") ? message : message + "\n");
  process.exit(status);
}

function usage() {
  fail("usage: node run_in_node.mjs <micropython|pyodide> <project_dir> <script.py>");
}

// Every .py and .json file under root, as paths relative to it (skipping caches).
function sourceFiles(root, relative = "") {
  const found = [];
  const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = relative ? relative + "/" + entry.name : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== "__pycache__" && !entry.name.startsWith(".")) found.push(...sourceFiles(root, child));
    } else if (entry.isFile() && /\.(py|json)$/.test(entry.name)) {
      found.push(child);
    }
  }
  return found;
}

function copyInto(FS, project) {
  let count = 0;
  for (const name of FOLDERS) {
    const root = path.join(project, name);
    for (const file of sourceFiles(root)) {
      const target = TARGET + "/" + name + "/" + file;
      FS.mkdirTree(path.posix.dirname(target));
      FS.writeFile(target, fs.readFileSync(path.join(root, file)));
      count += 1;
    }
  }
  return count;
}

// No network: only file: URLs and plain paths may be fetched.
function blockNetwork() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (resource, options) => {
    const url = String(resource && resource.url ? resource.url : resource);
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("file:")) {
      throw new Error("run_in_node.mjs: network access is disabled (tried to fetch " + url + ")");
    }
    return realFetch(resource, options);
  };
}

// Collects raw output bytes in one growing buffer; decoded once at the end,
// so multi-byte characters split across writes come out whole. MicroPython
// (linebuffer: false) hands over one byte per call: a chunk kept per call
// was millions of small objects for the parity run's few megabytes, and
// Node's garbage collector spent more time on them than Python on its cases.
function byteSink() {
  let buffer = new Uint8Array(1 << 16);
  let length = 0;
  return {
    push(bytes) {
      if (length + bytes.length > buffer.length) {
        const bigger = new Uint8Array(Math.max(2 * buffer.length, length + bytes.length));
        bigger.set(buffer.subarray(0, length));
        buffer = bigger;
      }
      buffer.set(bytes, length);
      length += bytes.length;
    },
    text() {
      return Buffer.from(buffer.buffer, 0, length).toString("utf8");
    },
  };
}

// MicroPython's stdout hands over one byte per call (four JavaScript calls
// and an array each): a tenth of the parity run's time for its few
// megabytes of output. The same bytes, taken a whole write at a time from
// the file system's stream; the callback stays for anything else.
function wholeWrites(FS, fd, sink) {
  const stream = FS.getStream ? FS.getStream(fd) : null;
  if (!stream || !stream.stream_ops) return;
  stream.stream_ops = Object.assign({}, stream.stream_ops, {
    write(_stream, buffer, offset, length) {
      sink.push(buffer.subarray(offset, offset + length));
      return length;
    },
  });
}

async function loadRuntime(name, stdout, stderr) {
  if (name === "micropython") {
    if (!fs.existsSync(MICROPYTHON)) fail("MicroPython is not installed: " + MICROPYTHON + " (run npm ci)");
    const { loadMicroPython } = await import(pathToFileURL(MICROPYTHON).href);
    // linebuffer: false hands over every byte as written, as PyScript does.
    const python = await loadMicroPython({
      linebuffer: false,
      stdout: (bytes) => stdout.push(bytes),
      stderr: (bytes) => stderr.push(bytes),
    });
    wholeWrites(python.FS, 1, stdout);
    return python;
  }
  if (name === "pyodide") {
    const entry = path.join(PYODIDE_DIR, "pyodide.mjs");
    if (!fs.existsSync(entry)) fail("Pyodide is not installed: " + entry + " (run npm ci)");
    const { loadPyodide } = await import(pathToFileURL(entry).href);
    const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR + path.sep, packages: [] });
    pyodide.setStdout({ write: (bytes) => (stdout.push(bytes), bytes.length) });
    pyodide.setStderr({ write: (bytes) => (stderr.push(bytes), bytes.length) });
    return pyodide;
  }
  usage();
}

async function main() {
  const [runtime, projectDir, scriptPath] = process.argv.slice(2);
  if (!runtime || !projectDir || !scriptPath) usage();
  if (!fs.statSync(path.join(projectDir, "pyscript"), { throwIfNoEntry: false })?.isDirectory()) {
    fail("not the project folder (no pyscript/ in it): " + projectDir);
  }
  const script = fs.readFileSync(scriptPath, "utf8");

  blockNetwork();
  const stdout = byteSink();
  const stderr = byteSink();
  const started = Date.now();
  const python = await loadRuntime(runtime, stdout, stderr);
  const booted = Date.now();
  copyInto(python.FS, path.resolve(projectDir));

  let status = 0;
  try {
    python.runPython(
      "import sys\n" +
        "sys.path.insert(0, " + JSON.stringify(TARGET) + ")\n" +
        "sys.path.insert(0, " + JSON.stringify(TARGET + "/pyscript") + ")\n" +
        "del sys\n",
    );
    python.runPython(script);
  } catch (error) {
    status = 1;
    const message = error && error.message ? error.message : String(error);
    process.stderr.write(runtime + ": the Python script failed:\n" + message + (message.endsWith("\n") ? "" : "\n"));
  }
  const finished = Date.now();

  process.stderr.write(stderr.text());
  process.stderr.write(runtime + ": boot " + (booted - started) + " ms, run " + (finished - booted) + " ms\n");
  // Exit only once stdout is flushed: a large result must not be cut off.
  process.stdout.write(stdout.text(), () => process.exit(status));
}

main().catch((error) => fail("run_in_node.mjs: " + (error && error.stack ? error.stack : String(error))));
