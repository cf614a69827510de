// Unit tests for the editor-free logic: binary discovery against a fake
// machine, and the settings -> server settings mapping.

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { discoverBinary, expandHome, findOnPath, languages, Machine, serverSettings } from "../src/logic";

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
