// Wiring tests for src/extension.ts: the extension is loaded with fake
// `vscode` and `vscode-languageclient/node` modules, so these check what it
// asks of them (which binary and arguments, which documents, which settings,
// when it restarts) without a VS Code window.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";

const Module = require("node:module") as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };

type Listener = (arg: unknown) => void;

interface FakeClient {
  id: string;
  serverOptions: { run: { command: string; args: string[]; transport: number } };
  clientOptions: { documentSelector: unknown[]; initializationOptions: unknown };
  started: boolean;
  stopped: boolean;
  notifications: { method: string; params: unknown }[];
}

/** The fake editor: settings, open documents, and everything the extension did. */
class Fake {
  settings: Record<string, unknown> = {};
  documents: { languageId: string; uri: { scheme: string } }[] = [];
  clients: FakeClient[] = [];
  errors: string[] = [];
  outputShown = 0;
  outputLines: string[] = [];
  commands = new Map<string, () => unknown>();
  configListeners: Listener[] = [];
  openListeners: Listener[] = [];

  vscode() {
    return {
      workspace: {
        getConfiguration: (section: string) => {
          assert.equal(section, "copydesk");
          return { get: (key: string) => this.settings[key] };
        },
        get textDocuments() {
          return fake.documents;
        },
        onDidChangeConfiguration: (listener: Listener) => {
          this.configListeners.push(listener);
          return { dispose() {} };
        },
        onDidOpenTextDocument: (listener: Listener) => {
          this.openListeners.push(listener);
          return { dispose() {} };
        },
      },
      window: {
        createOutputChannel: () => ({
          appendLine: (line: string) => {
            this.outputLines.push(line);
          },
          show: () => {
            this.outputShown += 1;
          },
          dispose() {},
        }),
        showErrorMessage: (message: string) => {
          this.errors.push(message);
          return Promise.resolve(undefined);
        },
      },
      commands: {
        registerCommand: (id: string, run: () => unknown) => {
          this.commands.set(id, run);
          return { dispose() {} };
        },
        executeCommand: () => Promise.resolve(undefined),
      },
    };
  }

  languageclient() {
    const clients = this.clients;
    class LanguageClient {
      record: FakeClient;
      constructor(id: string, _name: string, serverOptions: FakeClient["serverOptions"], clientOptions: FakeClient["clientOptions"]) {
        this.record = { id, serverOptions, clientOptions, started: false, stopped: false, notifications: [] };
        clients.push(this.record);
      }
      start() {
        this.record.started = true;
        return Promise.resolve();
      }
      stop() {
        this.record.stopped = true;
        return Promise.resolve();
      }
      sendNotification(type: { method: string }, params: unknown) {
        this.record.notifications.push({ method: type.method, params });
        return Promise.resolve();
      }
    }
    return {
      LanguageClient,
      TransportKind: { stdio: 0, ipc: 1 },
      DidChangeConfigurationNotification: { type: { method: "workspace/didChangeConfiguration" } },
    };
  }

  open(languageId: string, scheme = "file") {
    const doc = { languageId, uri: { scheme } };
    this.documents.push(doc);
    this.openListeners.forEach((l) => l(doc));
  }

  changeSettings(changed: Record<string, unknown>) {
    Object.assign(this.settings, changed);
    const keys = Object.keys(changed).map((k) => `copydesk.${k}`);
    const event = {
      affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(section + ".")),
    };
    this.configListeners.forEach((l) => l(event));
  }
}

let fake: Fake;
let binDir: string;
let binary: string;
/** The extension's install directory as activate() sees it; no server/ unless a test adds one. */
let extDir: string;
const realLoad = Module._load;

/** Let the extension's queued start/stop steps run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

function loadExtension(): { activate: (ctx: unknown) => void; deactivate: () => Promise<void> } {
  const file = require.resolve("../src/extension");
  delete require.cache[file];
  return require(file);
}

function activate() {
  const extension = loadExtension();
  extension.activate({ subscriptions: [], extensionPath: extDir });
  return extension;
}

/** Puts a stand-in server where a platform .vsix has it: <extensionPath>/server/copydesk. */
function bundleServer(mode: number): string {
  const server = path.join(extDir, "server", "copydesk");
  fs.mkdirSync(path.dirname(server), { recursive: true });
  fs.writeFileSync(server, "#!/bin/sh\nexit 0\n", { mode });
  fs.chmodSync(server, mode);
  return server;
}

beforeEach(() => {
  fake = new Fake();
  binDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-vscode-test-"));
  binary = path.join(binDir, "copydesk");
  fs.writeFileSync(binary, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  fake.settings.path = binary;
  extDir = path.join(binDir, "extension");
  fs.mkdirSync(extDir);
  Module._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === "vscode") {
      return fake.vscode();
    }
    if (request === "vscode-languageclient/node") {
      return fake.languageclient();
    }
    return realLoad.call(this, request, parent, isMain);
  };
});

afterEach(() => {
  Module._load = realLoad;
  fs.rmSync(binDir, { recursive: true, force: true });
});

describe("extension", () => {
  it("registers both commands and starts nothing until a text document is open", async () => {
    activate();
    await settle();
    assert.deepEqual([...fake.commands.keys()].sort(), ["copydesk.restart", "copydesk.showOutput"]);
    assert.equal(fake.clients.length, 0);
    fake.open("rust");
    await settle();
    assert.equal(fake.clients.length, 0, "a Rust file does not start copydesk");
  });

  it("starts `copydesk lsp` over stdio for plain text with the mapped settings", async () => {
    fake.settings["diagnostics.fragments"] = false;
    fake.settings["boilerplate.patterns"] = ["Tap to follow us"];
    activate();
    fake.open("plaintext");
    await settle();
    assert.equal(fake.clients.length, 1);
    const client = fake.clients[0];
    assert.ok(client.started);
    assert.deepEqual(client.serverOptions.run, { command: binary, args: ["lsp"], transport: 0 });
    assert.deepEqual(client.clientOptions.documentSelector, [
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ]);
    assert.deepEqual(client.clientOptions.initializationOptions, {
      diagnostics: { boilerplate: true, fragments: false, disabled: [] },
      boilerplate: { patterns: ["Tap to follow us"] },
      inlayHints: { enabled: true },
    });
    fake.open("markdown");
    await settle();
    assert.equal(fake.clients.length, 1, "one server for all documents");
  });

  it("forwards a setting change without restarting", async () => {
    activate();
    fake.open("markdown");
    await settle();
    fake.changeSettings({ "inlayHints.enabled": false });
    await settle();
    assert.equal(fake.clients.length, 1);
    assert.deepEqual(fake.clients[0].notifications, [
      {
        method: "workspace/didChangeConfiguration",
        params: {
          settings: {
            copydesk: {
              diagnostics: { boilerplate: true, fragments: true, disabled: [] },
              boilerplate: { patterns: [] },
              inlayHints: { enabled: false },
            },
          },
        },
      },
    ]);
  });

  it("restarts when copydesk.path or copydesk.languages change, and on the command", async () => {
    activate();
    fake.open("plaintext");
    await settle();
    const other = path.join(binDir, "copydesk-other");
    fs.copyFileSync(binary, other);
    fs.chmodSync(other, 0o755);
    fake.changeSettings({ path: other });
    await settle();
    assert.equal(fake.clients.length, 2);
    assert.ok(fake.clients[0].stopped);
    assert.equal(fake.clients[1].serverOptions.run.command, other);

    fake.changeSettings({ languages: ["restructuredtext"] });
    await settle();
    assert.equal(fake.clients.length, 3);
    assert.deepEqual(fake.clients[2].clientOptions.documentSelector, [
      { scheme: "file", language: "restructuredtext" },
      { scheme: "untitled", language: "restructuredtext" },
    ]);

    await fake.commands.get("copydesk.restart")?.();
    await settle();
    assert.equal(fake.clients.length, 4);
    assert.ok(fake.clients[2].stopped);
    assert.ok(fake.clients[3].started);
  });

  it("says clearly when the binary is missing, once, and starts no client", async () => {
    fake.settings.path = path.join(binDir, "no-such-copydesk");
    activate();
    fake.open("plaintext");
    fake.open("plaintext");
    await settle();
    assert.equal(fake.clients.length, 0);
    assert.equal(fake.errors.length, 1, `errors: ${JSON.stringify(fake.errors)}`);
    assert.match(fake.errors[0], /copydesk\.path.*no-such-copydesk.*does not exist/);
    assert.match(fake.errors[0], /cargo install --path \./);

    // Fixing the setting starts the server.
    fake.changeSettings({ path: binary });
    await settle();
    assert.equal(fake.clients.length, 1);
    assert.ok(fake.clients[0].started);
  });

  it("runs the server bundled in the extension when copydesk.path is not set", { skip: process.platform === "win32" && "POSIX paths" }, async () => {
    const server = bundleServer(0o755);
    delete fake.settings.path;
    activate();
    fake.open("plaintext");
    await settle();
    assert.equal(fake.clients.length, 1);
    assert.deepEqual(fake.clients[0].serverOptions.run, { command: server, args: ["lsp"], transport: 0 });
    assert.ok(
      fake.outputLines.includes(`copydesk: starting ${server} lsp (found via bundled)`),
      `output: ${JSON.stringify(fake.outputLines)}`,
    );
  });

  it("prefers copydesk.path (User or Workspace, as getConfiguration merges them) over the bundled server", async () => {
    bundleServer(0o755);
    activate();
    fake.open("markdown");
    await settle();
    assert.equal(fake.clients[0].serverOptions.run.command, binary);
    assert.ok(fake.outputLines.some((line) => line.endsWith("(found via setting)")));
  });

  it("gives a bundled server that lost its executable bit the bit back on activation", { skip: process.platform === "win32" && "POSIX modes" }, async () => {
    const server = bundleServer(0o644);
    delete fake.settings.path;
    activate();
    assert.equal(fs.statSync(server).mode & 0o777, 0o755);
    fake.open("plaintext");
    await settle();
    assert.equal(fake.clients[0].serverOptions.run.command, server);
    assert.ok(fake.outputLines.includes(`copydesk: made the bundled server ${server} executable again`));
  });

  it("shows the output channel on command and stops the client on deactivate", async () => {
    const extension = activate();
    fake.open("plaintext");
    await settle();
    fake.commands.get("copydesk.showOutput")?.();
    assert.equal(fake.outputShown, 1);
    await extension.deactivate();
    assert.ok(fake.clients[0].stopped);
  });
});
