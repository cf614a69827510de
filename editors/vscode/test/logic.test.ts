// Unit tests for the editor-free logic: binary discovery against a fake
// machine, and the settings -> server settings mapping.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  bundledServerPath,
  discoverBinary,
  expandHome,
  findOnPath,
  languages,
  Machine,
  restoreExecutableBit,
  serverSettings,
} from "../src/logic";

function fakeMachine(files: string[], env: Record<string, string>, platform: NodeJS.Platform = "linux"): Machine {
  const executables = new Set(files);
  return {
    platform,
    env,
    home: platform === "win32" ? "C:\\Users\\ann" : "/home/ann",
    isExecutableFile: (file) => executables.has(file),
  };
}

function getterOf(settings: Record<string, unknown>) {
  return (key: string) => settings[key];
}

describe("discoverBinary", () => {
  it("finds copydesk in the first PATH directory that has it", () => {
    const m = fakeMachine(["/opt/b/copydesk", "/opt/c/copydesk"], { PATH: "/opt/a:/opt/b:/opt/c" });
    assert.deepEqual(discoverBinary(undefined, m), { found: true, path: "/opt/b/copydesk", via: "PATH" });
  });

  it("falls back to ~/.cargo/bin when PATH lacks it", () => {
    const m = fakeMachine(["/home/ann/.cargo/bin/copydesk"], { PATH: "/usr/bin" });
    assert.deepEqual(discoverBinary("", m), { found: true, path: "/home/ann/.cargo/bin/copydesk", via: "cargo" });
  });

  it("honours CARGO_HOME", () => {
    const m = fakeMachine(["/srv/cargo/bin/copydesk"], { PATH: "", CARGO_HOME: "/srv/cargo" });
    assert.deepEqual(discoverBinary(undefined, m), { found: true, path: "/srv/cargo/bin/copydesk", via: "cargo" });
  });

  it("uses the configured path, expanding ~", () => {
    const m = fakeMachine(["/home/ann/src/copydesk/target/release/copydesk", "/usr/bin/copydesk"], { PATH: "/usr/bin" });
    assert.deepEqual(discoverBinary("~/src/copydesk/target/release/copydesk", m), {
      found: true,
      path: "/home/ann/src/copydesk/target/release/copydesk",
      via: "setting",
    });
  });

  it("looks a bare configured name up on PATH", () => {
    const m = fakeMachine(["/usr/local/bin/copydesk-dev"], { PATH: "/usr/bin:/usr/local/bin" });
    assert.deepEqual(discoverBinary("copydesk-dev", m), { found: true, path: "/usr/local/bin/copydesk-dev", via: "setting" });
  });

  it("reports a wrong configured path instead of silently using PATH", () => {
    const m = fakeMachine(["/usr/bin/copydesk"], { PATH: "/usr/bin" });
    const result = discoverBinary("/nowhere/copydesk", m);
    assert.equal(result.found, false);
    assert.match(result.found ? "" : result.message, /copydesk\.path.*\/nowhere\/copydesk.*does not exist/);
  });

  it("says how to install when the binary is nowhere", () => {
    const result = discoverBinary(undefined, fakeMachine([], { PATH: "/usr/bin:/bin" }));
    assert.equal(result.found, false);
    const message = result.found ? "" : result.message;
    assert.match(message, /cannot find the `copydesk` binary/);
    assert.match(message, /cargo install --path \./);
    assert.match(message, /\/home\/ann\/\.cargo\/bin/);
  });

  it("tries PATHEXT suffixes on Windows", () => {
    const m = fakeMachine(["C:\\tools\\copydesk.exe"], { Path: "C:\\Windows;C:\\tools", PATHEXT: ".COM;.EXE" }, "win32");
    assert.equal(findOnPath("copydesk", m), "C:\\tools\\copydesk.exe");
  });

  it("ignores empty PATH entries", () => {
    const m = fakeMachine(["copydesk"], { PATH: "::/usr/bin" });
    assert.equal(findOnPath("copydesk", m), undefined);
  });
});

describe("discoverBinary with a bundled server", () => {
  const ext = "/home/ann/.vscode/extensions/copydesk.copydesk-0.1.0-linux-x64";
  const bundled = `${ext}/server/copydesk`;

  it("uses the bundled server when copydesk.path is not set, before PATH and cargo", () => {
    const m = fakeMachine([bundled, "/usr/bin/copydesk", "/home/ann/.cargo/bin/copydesk"], { PATH: "/usr/bin" });
    assert.deepEqual(discoverBinary(undefined, m, ext), { found: true, path: bundled, via: "bundled" });
    assert.deepEqual(discoverBinary("  ", m, ext), { found: true, path: bundled, via: "bundled" });
  });

  it("lets copydesk.path win over the bundled server", () => {
    const m = fakeMachine([bundled, "/opt/dev/copydesk"], { PATH: "" });
    assert.deepEqual(discoverBinary("/opt/dev/copydesk", m, ext), { found: true, path: "/opt/dev/copydesk", via: "setting" });
  });

  it("still reports a broken copydesk.path when a bundled server is there", () => {
    const m = fakeMachine([bundled, "/usr/bin/copydesk"], { PATH: "/usr/bin" });
    const result = discoverBinary("/opt/typo/copydesk", m, ext);
    assert.equal(result.found, false);
    assert.match(result.found ? "" : result.message, /copydesk\.path.*\/opt\/typo\/copydesk.*does not exist/);
  });

  it("uses PATH when the extension has no bundled server (the universal .vsix)", () => {
    const m = fakeMachine(["/usr/bin/copydesk"], { PATH: "/usr/bin" });
    assert.deepEqual(discoverBinary(undefined, m, ext), { found: true, path: "/usr/bin/copydesk", via: "PATH" });
  });

  it("skips a bundled server that is not executable and uses PATH", () => {
    // The fake machine only calls the listed files executable; `bundled`
    // stands for a file that exists without its executable bit.
    const m = fakeMachine(["/usr/bin/copydesk"], { PATH: "/usr/bin" });
    const checked: string[] = [];
    const spy: Machine = { ...m, isExecutableFile: (file) => (checked.push(file), m.isExecutableFile(file)) };
    assert.deepEqual(discoverBinary(undefined, spy, ext), { found: true, path: "/usr/bin/copydesk", via: "PATH" });
    assert.equal(checked[0], bundled, "the bundled server is tried first");
  });

  it("looks for copydesk.exe in the extension on Windows", () => {
    const winExt = "C:\\Users\\ann\\.vscode\\extensions\\copydesk";
    const exe = "C:\\Users\\ann\\.vscode\\extensions\\copydesk\\server\\copydesk.exe";
    assert.equal(bundledServerPath(winExt, "win32"), exe);
    const m = fakeMachine([exe, "C:\\tools\\copydesk.exe"], { Path: "C:\\tools" }, "win32");
    assert.deepEqual(discoverBinary(undefined, m, winExt), { found: true, path: exe, via: "bundled" });
  });

  it("puts the bundled server in server/ below the extension", () => {
    assert.equal(bundledServerPath("/ext", "linux"), "/ext/server/copydesk");
    assert.equal(bundledServerPath("/ext", "darwin"), "/ext/server/copydesk");
  });
});

describe("restoreExecutableBit", () => {
  // Even root fails access(X_OK) on a file with no execute bit at all.
  it("makes a bundled server that lost its mode executable, once", { skip: process.platform === "win32" && "POSIX modes" }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-chmod-test-"));
    try {
      const file = path.join(dir, "copydesk");
      fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o644 });
      assert.equal(restoreExecutableBit(file), true);
      assert.equal(fs.statSync(file).mode & 0o777, 0o755);
      assert.equal(restoreExecutableBit(file), false, "an executable file is left alone");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does nothing for a missing file, a directory, or on Windows", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-chmod-test-"));
    try {
      assert.equal(restoreExecutableBit(path.join(dir, "missing")), false);
      assert.equal(restoreExecutableBit(dir), false);
      const file = path.join(dir, "copydesk.exe");
      fs.writeFileSync(file, "", { mode: 0o644 });
      assert.equal(restoreExecutableBit(file, "win32"), false);
      assert.equal(fs.statSync(file).mode & 0o111, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("expandHome", () => {
  it("expands only a leading ~", () => {
    assert.equal(expandHome("~", "/h"), "/h");
    assert.equal(expandHome("~/bin/copydesk", "/h"), "/h/bin/copydesk");
    assert.equal(expandHome("/a/~/b", "/h"), "/a/~/b");
    assert.equal(expandHome("~other/bin", "/h"), "~other/bin");
  });
});

describe("serverSettings", () => {
  it("gives the server's defaults when nothing is set", () => {
    assert.deepEqual(serverSettings(getterOf({})), {
      diagnostics: { boilerplate: true, fragments: true, disabled: [] },
      boilerplate: { patterns: [] },
      inlayHints: { enabled: true },
    });
  });

  it("maps every setting to its place in the server's object", () => {
    const settings = serverSettings(
      getterOf({
        "diagnostics.boilerplate": false,
        "diagnostics.fragments": false,
        "diagnostics.disabled": ["fragment/spliced", "boilerplate/ad"],
        "boilerplate.patterns": ["Tap to follow us", "/^Page \\d+$/"],
        "inlayHints.enabled": false,
        languages: ["plaintext"],
        path: "/x/copydesk",
      }),
    );
    assert.deepEqual(settings, {
      diagnostics: { boilerplate: false, fragments: false, disabled: ["fragment/spliced", "boilerplate/ad"] },
      boilerplate: { patterns: ["Tap to follow us", "/^Page \\d+$/"] },
      inlayHints: { enabled: false },
    });
  });

  it("drops values of the wrong type, blanks and duplicates", () => {
    const settings = serverSettings(
      getterOf({
        "diagnostics.boilerplate": "no",
        "diagnostics.disabled": "fragment",
        "boilerplate.patterns": ["Follow us", 42, "", "  ", "Follow us", null],
        "inlayHints.enabled": 0,
      }),
    );
    assert.equal(settings.diagnostics.boilerplate, true);
    assert.deepEqual(settings.diagnostics.disabled, []);
    assert.deepEqual(settings.boilerplate.patterns, ["Follow us"]);
    assert.equal(settings.inlayHints.enabled, true);
  });

  it("keeps patterns within the server's limits", () => {
    const many = Array.from({ length: 250 }, (_, i) => `phrase ${i}`);
    const long = "x".repeat(1001);
    const settings = serverSettings(getterOf({ "boilerplate.patterns": [long, ...many] }));
    assert.equal(settings.boilerplate.patterns.length, 200);
    assert.equal(settings.boilerplate.patterns[0], "phrase 0");
    assert.equal(settings.boilerplate.patterns[199], "phrase 199");
  });
});

describe("languages", () => {
  it("defaults to plain text and Markdown", () => {
    assert.deepEqual(languages(getterOf({})), ["plaintext", "markdown"]);
    assert.deepEqual(languages(getterOf({ languages: [] })), ["plaintext", "markdown"]);
  });

  it("takes the configured ids", () => {
    assert.deepEqual(languages(getterOf({ languages: ["restructuredtext", "plaintext"] })), ["restructuredtext", "plaintext"]);
  });
});
