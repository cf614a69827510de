#!/usr/bin/env python3
"""Check a packaged copydesk .vsix: the manifest inside it contributes the
settings schema, commands and activation events the extension relies on, and
the bundled entry point is there with vscode-languageclient inlined.

Usage: python3 scripts/check-vsix.py copydesk.vsix   (exit 1 on any problem)
"""

import json
import sys
import zipfile

# setting -> (JSON schema type, default)
SETTINGS = {
    "copydesk.path": ("string", ""),
    "copydesk.languages": ("array", ["plaintext", "markdown"]),
    "copydesk.diagnostics.boilerplate": ("boolean", True),
    "copydesk.diagnostics.fragments": ("boolean", True),
    "copydesk.diagnostics.disabled": ("array", []),
    "copydesk.boilerplate.patterns": ("array", []),
    "copydesk.inlayHints.enabled": ("boolean", True),
}
COMMANDS = {"copydesk.restart": "Restart server", "copydesk.showOutput": "Show output"}
ACTIVATION = {"onLanguage:plaintext", "onLanguage:markdown"}


def problems(vsix_path):
    with zipfile.ZipFile(vsix_path) as vsix:
        names = set(vsix.namelist())
        manifest = json.loads(vsix.read("extension/package.json"))
        main = "extension/" + manifest["main"].removeprefix("./")
        if main not in names:
            yield f"entry point {main} is not in the package"
            return
        bundle = vsix.read(main).decode("utf-8")
    if any(n.startswith("extension/node_modules/") for n in names):
        yield "node_modules were packaged; the bundle should inline them"
    if 'require("vscode-languageclient' in bundle:
        yield "the bundle requires vscode-languageclient instead of inlining it"
    if "copydesk.restart" not in bundle:
        yield "the bundle does not register copydesk.restart"
    if not manifest.get("engines", {}).get("vscode", "").startswith("^1.91"):
        yield f"engines.vscode is {manifest.get('engines')}, expected ^1.91.x"
    missing = ACTIVATION - set(manifest.get("activationEvents", []))
    if missing:
        yield f"activation events missing: {sorted(missing)}"
    properties = manifest.get("contributes", {}).get("configuration", {}).get("properties", {})
    for key, (kind, default) in SETTINGS.items():
        prop = properties.get(key)
        if prop is None:
            yield f"setting {key} is not contributed"
        elif prop.get("type") != kind or prop.get("default") != default:
            yield f"setting {key}: type {prop.get('type')!r} default {prop.get('default')!r}, expected {kind!r} {default!r}"
    extra = set(properties) - set(SETTINGS)
    if extra:
        yield f"unexpected settings (add them to this check): {sorted(extra)}"
    commands = {c["command"]: c["title"] for c in manifest.get("contributes", {}).get("commands", [])}
    for command, title in COMMANDS.items():
        if commands.get(command) != title:
            yield f"command {command} has title {commands.get(command)!r}, expected {title!r}"


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = list(problems(sys.argv[1]))
    for p in found:
        print(f"check-vsix: {p}", file=sys.stderr)
    if found:
        return 1
    print(f"check-vsix: {sys.argv[1]}: manifest has {len(SETTINGS)} settings, {len(COMMANDS)} commands; bundle ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
