#!/usr/bin/env python3
"""Check a packaged copydesk .vsix: the manifest inside it contributes the
settings schema, commands and activation events the extension relies on, and
the bundled entry point is there with vscode-languageclient inlined.

Without --platform the package must be the universal one: no target platform
in extension.vsixmanifest and no server/ inside. With --platform linux-x64 it
must be the platform package: TargetPlatform="linux-x64", and
extension/server/copydesk present, a Linux x86-64 ELF executable whose zip
entry keeps its executable bit (VS Code restores the mode from the entry on
install; the extension also restores it on activation if it was lost).

Usage: python3 scripts/check-vsix.py [--platform linux-x64] PACKAGE.vsix
       (exit 1 on any problem, 2 on bad usage)
"""

import argparse
import json
import sys
import stat
import zipfile
import xml.etree.ElementTree as ET

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
VSIX_NS = "{http://schemas.microsoft.com/developer/vsx-schema/2011}"
SERVER = "extension/server/copydesk"
# platform -> (ELF class, ELF e_machine) of the server it must carry
PLATFORMS = {"linux-x64": (2, 0x3E)}


def target_platform(vsix):
    """The TargetPlatform attribute of the manifest's Identity, or None (universal)."""
    root = ET.fromstring(vsix.read("extension.vsixmanifest"))
    identity = root.find(f"{VSIX_NS}Metadata/{VSIX_NS}Identity")
    if identity is None:
        raise ValueError("extension.vsixmanifest has no Metadata/Identity")
    return identity.get("TargetPlatform")


def platform_problems(vsix, platform):
    """What is wrong with a platform package's target and bundled server."""
    target = target_platform(vsix)
    if target != platform:
        yield f"extension.vsixmanifest has TargetPlatform={target!r}, expected {platform!r}"
    try:
        entry = vsix.getinfo(SERVER)
    except KeyError:
        yield f"{SERVER} is not in the package"
        return
    mode = entry.external_attr >> 16
    if not stat.S_ISREG(mode):
        yield f"{SERVER}: zip entry mode {oct(mode)} is not a regular file"
    if mode & 0o111 != 0o111:
        yield f"{SERVER}: zip entry mode {oct(mode)} lacks the executable bits (0o111)"
    head = vsix.read(SERVER)[:20]
    elf_class, machine = PLATFORMS[platform]
    if head[:4] != b"\x7fELF":
        yield f"{SERVER} is not an ELF executable (starts with {head[:4]!r})"
    elif head[4] != elf_class or int.from_bytes(head[18:20], "little") != machine:
        yield f"{SERVER}: ELF class {head[4]} machine {int.from_bytes(head[18:20], 'little'):#x}, expected {elf_class} {machine:#x} for {platform}"


def universal_problems(vsix):
    """What makes a package not the universal one."""
    target = target_platform(vsix)
    if target is not None:
        yield f"extension.vsixmanifest has TargetPlatform={target!r}; the universal package has none"
    servers = [n for n in vsix.namelist() if n.startswith("extension/server/")]
    if servers:
        yield f"the universal package carries a server: {servers}"


def problems(vsix_path, platform=None):
    with zipfile.ZipFile(vsix_path) as vsix:
        if platform is None:
            yield from universal_problems(vsix)
        else:
            yield from platform_problems(vsix, platform)
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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--platform", choices=sorted(PLATFORMS), help="check a platform package carrying the server")
    parser.add_argument("vsix")
    args = parser.parse_args()
    found = list(problems(args.vsix, args.platform))
    for p in found:
        print(f"check-vsix: {p}", file=sys.stderr)
    if found:
        return 1
    kind = f"{args.platform} package with {SERVER} (x86-64 ELF, executable)" if args.platform else "universal package, no server"
    print(f"check-vsix: {args.vsix}: {kind}; manifest has {len(SETTINGS)} settings, {len(COMMANDS)} commands; bundle ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
