--- `:checkhealth copydesk`: is the binary there, which version is it, how
--- was the server registered, and is a server running.
local M = {}

--- vim.health's reporters under their 0.10 names, also on 0.7-0.9.
local function reporter()
  local h = vim.health
  if h == nil or h.start == nil and h.report_start == nil then
    h = require("health")
  end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

--- The first line `cmd --version` prints, or nil and the reason.
local function version_of(binary)
  local out = vim.fn.system({ binary, "--version" })
  if vim.v.shell_error ~= 0 then
    return nil, ("`%s --version` exited with %d: %s"):format(binary, vim.v.shell_error, vim.trim(out))
  end
  return vim.trim(vim.split(out, "\n", { plain = true })[1] or "")
end

function M.check()
  local report = reporter()
  local copydesk = require("copydesk")
  report.start("copydesk")

  local opts = copydesk.options
  if opts == nil then
    report.warn("require('copydesk').setup() has not been called; using the default command", {
      "Add require('copydesk').setup({}) to your init.lua.",
    })
    opts = copydesk.defaults
  else
    report.ok(("registered with %s for filetypes: %s"):format(copydesk.mode, table.concat(opts.filetypes, ", ")))
  end

  local binary = opts.cmd[1]
  local path = vim.fn.exepath(binary)
  if path == "" then
    report.error(("`%s` not found on PATH"):format(binary), {
      "Install it with `cargo install --path .` in a copydesk checkout (puts it in ~/.cargo/bin).",
      "Or pass the full path: require('copydesk').setup({ cmd = { '/path/to/copydesk', 'lsp' } }).",
    })
    return
  end
  report.ok(("binary: %s"):format(path))

  local version, err = version_of(path)
  if version == nil then
    report.error(err)
    return
  end
  report.ok(("version: %s"):format(version))
  report.info(("command: %s"):format(table.concat(opts.cmd, " ")))

  local running = copydesk.clients()
  if #running == 0 then
    report.info("no copydesk server running yet (open a file of one of the filetypes above)")
  end
  for _, client in ipairs(running) do
    local buffers = vim.tbl_count(client.attached_buffers or {})
    report.ok(("server running: client id %d, attached to %d buffer(s)"):format(client.id, buffers))
  end
end

return M
