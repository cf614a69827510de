#!/usr/bin/env node
// Puts the copydesk server where a platform .vsix carries it, or takes it away.
//
//   node scripts/stage-server.js           copy the server into server/copydesk (mode 0755)
//   node scripts/stage-server.js --remove  delete server/, so the universal .vsix has no server
//
// The server copied is $COPYDESK_SERVER if set, else ../../target/release/copydesk
// (the `cargo build --release` binary of this checkout). `npm run package:linux-x64`
// runs the first form and then `vsce package --target linux-x64`; the extension
// runs server/copydesk when `copydesk.path` is not set (src/logic.ts). Plain Node,
// no dependencies: CI has only Node, Python and the Rust toolchain.

"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const extensionDir = path.resolve(__dirname, "..");
const serverDir = path.join(extensionDir, "server");
const staged = path.join(serverDir, "copydesk");

function fail(message) {
  console.error(`stage-server: ${message}`);
  process.exit(1);
}

/** The ELF header of an x86-64 executable: magic, 64-bit class, machine 0x3e. */
function isElfX8664(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(20);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.subarray(0, 4).equals(Buffer.from("\x7fELF", "latin1")) && head[4] === 2 && head.readUInt16LE(18) === 0x3e;
  } finally {
    fs.closeSync(fd);
  }
}

function remove() {
  fs.rmSync(serverDir, { recursive: true, force: true });
}

function stage() {
  const source = process.env.COPYDESK_SERVER
    ? path.resolve(process.env.COPYDESK_SERVER)
    : path.resolve(extensionDir, "..", "..", "target", "release", "copydesk");
  let stat;
  try {
    stat = fs.statSync(source);
  } catch {
    fail(`no server at ${source}: run \`cargo build --release\` in the copydesk checkout, or set COPYDESK_SERVER to the binary`);
  }
  if (!stat.isFile()) {
    fail(`${source} is not a file`);
  }
  // The only platform package built today is linux-x64 (vsce --target linux-x64).
  if (!isElfX8664(source)) {
    fail(`${source} is not a Linux x86-64 executable (ELF, 64-bit, x86-64), so it cannot go into the linux-x64 .vsix`);
  }
  // A fresh directory, so nothing stale from an earlier build is packaged.
  remove();
  fs.mkdirSync(serverDir, { recursive: true });
  fs.copyFileSync(source, staged);
  fs.chmodSync(staged, 0o755);
  let version = "(did not run)";
  try {
    version = execFileSync(staged, ["--version"], { encoding: "utf8", timeout: 30000 }).trim();
  } catch (err) {
    fail(`the copied server does not run: ${staged} --version: ${String(err)}`);
  }
  const { version: extensionVersion } = JSON.parse(fs.readFileSync(path.join(extensionDir, "package.json"), "utf8"));
  if (!version.endsWith(` ${extensionVersion}`)) {
    console.warn(`stage-server: warning: the server says "${version}" but the extension is ${extensionVersion}`);
  }
  console.log(`stage-server: ${source} -> server/copydesk (${stat.size} bytes, mode 0755, ${version})`);
}

const args = process.argv.slice(2);
if (args.length === 0) {
  stage();
} else if (args.length === 1 && args[0] === "--remove") {
  remove();
} else {
  fail(`usage: node scripts/stage-server.js [--remove] (got ${JSON.stringify(args)})`);
}
