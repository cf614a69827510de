-- End-to-end test of the Neovim plugin and a project file: an article in a
-- directory whose `.copydesk.toml` switches `boilerplate/ad` off; the test
-- edits that file in Neovim, writes it, and checks that the article's
-- diagnostics follow without a restart (the plugin tells the server, since
-- Neovim on Linux does not watch files for servers).
--
-- Run by tests/editors_e2e.rs:
--   COPYDESK_E2E_DIR=dir nvim --headless -u NONE -i NONE -n -c "luafile tests/editors/nvim_project_file.lua"
-- with `copydesk` on PATH and dir holding `a.txt` and `.copydesk.toml`.
-- Environment: COPYDESK_E2E_REGISTRATION (as in nvim_e2e.lua), COPYDESK_E2E_TIMEOUT_MS.
-- Exits 0 when every check passed, 1 on the first failure (message on stderr).

local function finish(code, msg)
  if msg then
    io.stderr:write("[nvim-project] " .. msg .. "\n")
  end
  io.stderr:flush()
  vim.cmd((code == 0) and "qall!" or ("cquit " .. code))
end

local TIMEOUT = tonumber(os.getenv("COPYDESK_E2E_TIMEOUT_MS") or "") or 10000

local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, tostring(d.code))
  end
  table.sort(out)
  return table.concat(out, ",")
end

local function main()
  local dir = os.getenv("COPYDESK_E2E_DIR")
  assert(dir and dir ~= "", "set COPYDESK_E2E_DIR")
  local script = debug.getinfo(1, "S").source:sub(2)
  local plugin = vim.fn.fnamemodify(vim.fn.fnamemodify(script, ":p:h") .. "/../../editors/nvim", ":p")
  vim.opt.runtimepath:prepend(plugin)
  vim.cmd("filetype on")
  local registration = os.getenv("COPYDESK_E2E_REGISTRATION") or "auto"
  if registration == "runtime" then
    vim.lsp.enable("copydesk")
  else
    require("copydesk").setup({ registration = registration })
  end
  vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/a.txt"))
  local article = vim.api.nvim_get_current_buf()
  if not vim.wait(TIMEOUT, function() return codes(article) == "boilerplate/share" end, 20) then
    return finish(1, "on open: want boilerplate/share (the file disables the ad), got " .. codes(article))
  end
  io.stderr:write("[nvim-project] ok: the project file applies on open\n")
  -- edit the project file in Neovim and write it
  vim.cmd("split " .. vim.fn.fnameescape(dir .. "/.copydesk.toml"))
  local project = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(project, 0, -1, false, { "[diagnostics]", "disabled = []" })
  vim.cmd("write")
  local want = "boilerplate/ad,boilerplate/share"
  if not vim.wait(TIMEOUT, function() return codes(article) == want end, 20) then
    return finish(1, "after :write of .copydesk.toml: want " .. want .. ", got " .. codes(article))
  end
  io.stderr:write("[nvim-project] ok: the written project file is reread\n")
  finish(0)
end

local ok, err = pcall(main)
if not ok then
  finish(1, tostring(err))
end
