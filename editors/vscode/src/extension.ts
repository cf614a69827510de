// The VS Code edge of copydesk: starts `copydesk lsp` for plain-text and
// Markdown documents, forwards the `copydesk.*` settings, and offers the
// "Restart server" and "Show output" commands. Decisions that need no
// editor (finding the binary, mapping settings) live in ./logic.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import {
  bundledServerPath,
  discoverBinary,
  languages,
  realMachine,
  RESTART_KEYS,
  restoreExecutableBit,
  serverSettings,
  SettingGetter,
} from "./logic";

const SECTION = "copydesk";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
/** Serialises start/stop so that quick restarts cannot overlap. */
let lifecycle: Promise<void> = Promise.resolve();
/** Set after a failed start, so opening more files does not repeat the error; cleared by a restart. */
let gaveUp = false;
/** Where the extension is installed; a platform `.vsix` has its server in `server/` below it. */
let extensionPath: string | undefined;

/**
 * The settings below "copydesk", as VS Code merges them: Workspace Folder over
 * Workspace over User (local or remote) over the default. `copydesk.path` is
 * "machine-overridable", so it may be set in User settings and a workspace
 * may override it.
 */
function settingGetter(): SettingGetter {
  const config = vscode.workspace.getConfiguration(SECTION);
  return (key) => config.get(key);
}

function log(line: string): void {
  output?.appendLine(line);
}

function wantsDocument(doc: vscode.TextDocument, ids: string[]): boolean {
  return ids.includes(doc.languageId) && (doc.uri.scheme === "file" || doc.uri.scheme === "untitled");
}

async function startClient(): Promise<void> {
  const get = settingGetter();
  const found = discoverBinary(get("path"), realMachine, extensionPath);
  if (!found.found) {
    gaveUp = true;
    log(found.message);
    const choice = await vscode.window.showErrorMessage(found.message, "Open Settings", "Show Output");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.path");
    } else if (choice === "Show Output") {
      output?.show(true);
    }
    return;
  }
  log(`copydesk: starting ${found.path} lsp (found via ${found.via})`);

  // TransportKind.stdio makes the client append `--stdio`; the server accepts it.
  const run = { command: found.path, args: ["lsp"], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const ids = languages(get);
  const clientOptions: LanguageClientOptions = {
    documentSelector: ids.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: serverSettings(get),
    outputChannel: output,
  };
  const next = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  try {
    await next.start();
    client = next;
  } catch (err) {
    gaveUp = true;
    const message = `copydesk: the language server failed to start (${String(err)}). See "copydesk: Show output".`;
    log(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old !== undefined) {
    try {
      await old.stop();
    } catch (err) {
      log(`copydesk: error while stopping the server: ${String(err)}`);
    }
  }
}

function enqueue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function restart(): Promise<void> {
  return enqueue(async () => {
    gaveUp = false;
    await stopClient();
    await startClient();
  });
}

/** Start once a document copydesk cares about is open, not before. */
function startWhenNeeded(): void {
  if (client !== undefined || gaveUp) {
    return;
  }
  const ids = languages(settingGetter());
  if (vscode.workspace.textDocuments.some((doc) => wantsDocument(doc, ids))) {
    void enqueue(async () => {
      // Re-checked here: documents opened in a burst queue several starts.
      if (client === undefined && !gaveUp) {
        await startClient();
      }
    });
  }
}

function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
  if (!event.affectsConfiguration(SECTION)) {
    return;
  }
  if (RESTART_KEYS.some((key) => event.affectsConfiguration(key))) {
    if (client !== undefined || gaveUp) {
      void restart();
    } else {
      startWhenNeeded();
    }
    return;
  }
  if (client !== undefined) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: serverSettings(settingGetter()) },
    });
  }
}

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel("copydesk");
  extensionPath = context.extensionPath;
  const bundled = bundledServerPath(extensionPath, process.platform);
  if (restoreExecutableBit(bundled)) {
    log(`copydesk: made the bundled server ${bundled} executable again`);
  }
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("copydesk.restart", () => restart()),
    vscode.commands.registerCommand("copydesk.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    vscode.workspace.onDidOpenTextDocument(() => startWhenNeeded()),
  );
  startWhenNeeded();
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}
