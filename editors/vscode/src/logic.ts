// The extension's own decisions, kept free of the `vscode` module so that
// plain `node --test` can check them: where the `copydesk` binary is, and
// how the user's `copydesk.*` settings become the server's settings object
// (sent as initializationOptions and with workspace/didChangeConfiguration).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The server's settings, exactly as `copydesk lsp` reads them under "copydesk". */
export interface ServerSettings {
  diagnostics: {
    boilerplate: boolean;
    fragments: boolean;
    disabled: string[];
  };
  boilerplate: {
    patterns: string[];
  };
  inlayHints: {
    enabled: boolean;
  };
}

/** Reads one setting below the "copydesk" section, e.g. "diagnostics.boilerplate". */
export type SettingGetter = (key: string) => unknown;

export const DEFAULT_LANGUAGES: readonly string[] = ["plaintext", "markdown"];

/** Same limits as the server's (src/analysis/config.rs); the server enforces them too. */
export const MAX_PATTERNS = 200;
export const MAX_PATTERN_LEN = 1000;

function asBool(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

/** The non-empty strings of `value`, deduplicated in order; anything else is dropped. */
function asStrings(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item === "string" && item.trim() !== "") {
      seen.add(item);
    }
  }
  return [...seen];
}

/**
 * The server settings for the user's configuration. Values of the wrong type
 * fall back to the defaults, so a hand-edited settings.json cannot send the
 * server something it would reject.
 */
export function serverSettings(get: SettingGetter): ServerSettings {
  const patterns = asStrings(get("boilerplate.patterns"))
    .filter((p) => p.length <= MAX_PATTERN_LEN)
    .slice(0, MAX_PATTERNS);
  return {
    diagnostics: {
      boilerplate: asBool(get("diagnostics.boilerplate"), true),
      fragments: asBool(get("diagnostics.fragments"), true),
      disabled: asStrings(get("diagnostics.disabled")),
    },
    boilerplate: { patterns },
    inlayHints: {
      enabled: asBool(get("inlayHints.enabled"), true),
    },
  };
}

/** The language ids to attach to; the defaults when the setting is empty or malformed. */
export function languages(get: SettingGetter): string[] {
  const ids = asStrings(get("languages"));
  return ids.length > 0 ? ids : [...DEFAULT_LANGUAGES];
}

/** The settings whose change needs a new server process rather than a notification. */
export const RESTART_KEYS: readonly string[] = ["copydesk.path", "copydesk.languages"];

/** What binary discovery needs from the machine; tests pass a fake one. */
export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  isExecutableFile(file: string): boolean;
}

export const realMachine: Machine = {
  platform: process.platform,
  env: process.env,
  home: os.homedir(),
  isExecutableFile(file: string): boolean {
    try {
      if (!fs.statSync(file).isFile()) {
        return false;
      }
      if (process.platform !== "win32") {
        fs.accessSync(file, fs.constants.X_OK);
      }
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Where the binary came from, for the output channel: the `copydesk.path`
 * setting, the server shipped inside a platform `.vsix` ("bundled"), `PATH`,
 * or cargo's install directory.
 */
export type DiscoveryKind = "setting" | "bundled" | "PATH" | "cargo";

export type Discovery = { found: true; path: string; via: DiscoveryKind } | { found: false; message: string };

function pathModule(machine: Machine): typeof path.posix {
  return machine.platform === "win32" ? path.win32 : path.posix;
}

/** `~` or `~/...` expanded against the home directory; other paths unchanged. */
export function expandHome(file: string, home: string): string {
  if (file === "~") {
    return home;
  }
  if (file.startsWith("~/") || file.startsWith("~\\")) {
    return home + file.slice(1);
  }
  return file;
}

/** The file names to try for a command: with each PATHEXT suffix on Windows. */
function candidateNames(name: string, machine: Machine): string[] {
  if (machine.platform !== "win32") {
    return [name];
  }
  const exts = (machine.env.PATHEXT ?? ".EXE;.CMD;.BAT")
    .split(";")
    .filter((e) => e !== "")
    .map((e) => e.toLowerCase());
  return [name, ...exts.map((e) => name + e)];
}

/** The first executable `name` in the directories of `PATH`. */
export function findOnPath(name: string, machine: Machine): string | undefined {
  const p = pathModule(machine);
  const pathVar = machine.env.PATH ?? machine.env.Path ?? "";
  const dirs = pathVar.split(p.delimiter).filter((d) => d !== "");
  for (const dir of dirs) {
    for (const candidate of candidateNames(name, machine)) {
      const file = p.join(dir, candidate);
      if (machine.isExecutableFile(file)) {
        return file;
      }
    }
  }
  return undefined;
}

/**
 * The server a platform `.vsix` carries: `<extensionPath>/server/copydesk`
 * (`copydesk.exe` on Windows). `npm run package:linux-x64` puts it there; the
 * universal `.vsix` has none.
 */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  const p = platform === "win32" ? path.win32 : path.posix;
  return p.join(extensionPath, "server", platform === "win32" ? "copydesk.exe" : "copydesk");
}

/**
 * Gives the bundled server its executable bit back if it lost it (vsce keeps
 * the bit and VS Code restores it on install, but an unzip tool or a mirror
 * that repacks the `.vsix` may not). Best effort: nothing happens on Windows,
 * for a missing file, or on a read-only extension directory; discovery then
 * falls through to `PATH`. Returns whether the mode was changed.
 */
export function restoreExecutableBit(file: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === "win32") {
    return false;
  }
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return false;
    } catch {
      // Not executable for us: add the bits below.
    }
    fs.chmodSync(file, (stat.mode & 0o7777) | 0o111);
    return true;
  } catch {
    return false;
  }
}

const INSTALL_HINT =
  "Install it with `cargo install --path .` in a copydesk checkout, or set `copydesk.path` to the binary.";

/**
 * Where to run `copydesk` from, in this order:
 *
 * 1. the `copydesk.path` setting when set, and then only there, so a typo is
 *    reported rather than silently replaced by another binary;
 * 2. the server bundled in the extension (see {@link bundledServerPath}) when
 *    `extensionPath` is given and that file exists and is executable: a
 *    platform `.vsix` works with nothing else installed, and its server
 *    matches the extension's version;
 * 3. `PATH`;
 * 4. cargo's install directory (`$CARGO_HOME/bin`, by default `~/.cargo/bin`,
 *    which a desktop-launched editor often lacks on PATH).
 */
export function discoverBinary(configured: unknown, machine: Machine = realMachine, extensionPath?: string): Discovery {
  const p = pathModule(machine);
  const setting = typeof configured === "string" ? configured.trim() : "";
  if (setting !== "") {
    const file = expandHome(setting, machine.home);
    if (machine.isExecutableFile(file)) {
      return { found: true, path: file, via: "setting" };
    }
    // A bare name in the setting ("copydesk-dev") is looked up on PATH.
    if (!file.includes("/") && !file.includes("\\")) {
      const onPath = findOnPath(file, machine);
      if (onPath !== undefined) {
        return { found: true, path: onPath, via: "setting" };
      }
    }
    return {
      found: false,
      message: `copydesk: the binary set in \`copydesk.path\` (${setting}) does not exist or is not executable. ${INSTALL_HINT}`,
    };
  }
  if (extensionPath !== undefined && extensionPath !== "") {
    const bundled = bundledServerPath(extensionPath, machine.platform);
    if (machine.isExecutableFile(bundled)) {
      return { found: true, path: bundled, via: "bundled" };
    }
  }
  const onPath = findOnPath("copydesk", machine);
  if (onPath !== undefined) {
    return { found: true, path: onPath, via: "PATH" };
  }
  const cargoHome = machine.env.CARGO_HOME ?? p.join(machine.home, ".cargo");
  for (const candidate of candidateNames("copydesk", machine)) {
    const file = p.join(cargoHome, "bin", candidate);
    if (machine.isExecutableFile(file)) {
      return { found: true, path: file, via: "cargo" };
    }
  }
  return {
    found: false,
    message: `copydesk: cannot find the \`copydesk\` binary on PATH or in ${p.join(cargoHome, "bin")}. ${INSTALL_HINT}`,
  };
}
