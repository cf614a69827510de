-- End-to-end test of copydesk in a real Neovim: the plugin in editors/nvim
-- attaches `copydesk lsp` to an article, and the test checks what the
-- editor's own LSP client received (diagnostics, hover, outline), then edits
-- the buffer and changes the settings and checks that diagnostics follow.
--
-- Run (tests/editors_e2e.rs does this with the right environment):
--   COPYDESK_E2E_ARTICLE=path/to/article.txt COPYDESK_E2E_BOILERPLATE=0,6,26 \
--     nvim --headless -u NONE -i NONE -n -c "luafile tests/editors/nvim_e2e.lua"
-- with `copydesk` on PATH. Environment:
--   COPYDESK_E2E_ARTICLE          the .txt to open (required)
--   COPYDESK_E2E_BOILERPLATE      expected 0-based boilerplate lines, comma-separated
--   COPYDESK_E2E_BOILERPLATE_MODE "exact" (default) or "at-least"
--   COPYDESK_E2E_QUOTE            JSON {"text": "...", "speaker": "..."}: hover on the
--                                 quote must name the speaker, the outline must list it
--   COPYDESK_E2E_FULL=1           also run the hover and outline checks
--   COPYDESK_E2E_REGISTRATION    the plugin's `registration` option (default "auto")
--   COPYDESK_E2E_TIMEOUT_MS       how long to wait for each answer (default 10000)
-- Exits 0 when every check passed, 1 on the first failure (with a message on stderr).

local started = (vim.uv or vim.loop).hrtime()

local function log(msg)
  io.stderr:write(("[nvim-e2e %6.2fs] %s\n"):format(((vim.uv or vim.loop).hrtime() - started) / 1e9, msg))
end

local function finish(code)
  io.stderr:flush()
  vim.cmd((code == 0) and "qall!" or ("cquit " .. code))
end

-- A failed check raises this table; anything else is a bug in the test.
local Failure = {}
local function fail(msg)
  error(setmetatable({ msg = msg }, Failure), 0)
end

local function check(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    return default
  end
  return value
end

local TIMEOUT = tonumber(env("COPYDESK_E2E_TIMEOUT_MS", "10000"))
local FULL = env("COPYDESK_E2E_FULL", "0") == "1"

local function parse_lines(spec)
  local lines = {}
  for n in spec:gmatch("%d+") do
    table.insert(lines, tonumber(n))
  end
  table.sort(lines)
  return lines
end

local function fmt(list)
  return "{" .. table.concat(list, ", ") .. "}"
end

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do
    s[v] = true
  end
  return s
end

--- The script's directory: tests/editors/.
local function script_dir()
  local source = debug.getinfo(1, "S").source:gsub("^@", "")
  return vim.fn.fnamemodify(source, ":p:h")
end

local function flatten_markup(contents, out)
  out = out or {}
  if type(contents) == "string" then
    table.insert(out, contents)
  elseif type(contents) == "table" then
    if contents.value ~= nil then
      table.insert(out, contents.value)
    else
      for _, item in ipairs(contents) do
        flatten_markup(item, out)
      end
    end
  end
  return table.concat(out, "\n")
end

local function client_of(bufnr)
  local copydesk = require("copydesk")
  return copydesk.clients(bufnr)[1]
end

-- Every publishDiagnostics the client receives: count and newest version per URI.
local published = {}
local function track_publishes()
  local method = "textDocument/publishDiagnostics"
  local original = vim.lsp.handlers[method]
  vim.lsp.handlers[method] = function(err, result, ctx, config)
    if result and result.uri then
      local p = published[result.uri] or { count = 0 }
      p.count = p.count + 1
      p.version = result.version
      published[result.uri] = p
    end
    return original(err, result, ctx, config)
  end
end

--- A snapshot (copy) of the publishes seen for `bufnr`.
local function publish_state(bufnr)
  local p = published[vim.uri_from_bufnr(bufnr)] or { count = 0 }
  return { count = p.count, version = p.version }
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

--- The 0-based lines where a boilerplate diagnostic of copydesk starts.
local function boilerplate_lines(bufnr)
  local seen, lines = {}, {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = code_of(d)
    if type(code) == "string" and code:match("^boilerplate") and not seen[d.lnum] then
      seen[d.lnum] = true
      table.insert(lines, d.lnum)
    end
  end
  table.sort(lines)
  return lines
end

--- Fail if the user would see one finding twice (e.g. once pushed with
--- publishDiagnostics and once pulled with textDocument/diagnostic: Neovim
--- keeps the two in separate namespaces and shows both).
local function expect_no_duplicates(bufnr, what)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local key = ("%d:%d:%s:%s"):format(d.lnum, d.col, tostring(code_of(d)), d.message)
    local ns = vim.diagnostic.get_namespace(d.namespace).name
    check(
      seen[key] == nil,
      ("%s: the diagnostic %s on line %d is shown twice (namespaces %s and %s); "
        .. "the server should not both push diagnostics and advertise pull diagnostics to this client"):format(
        what,
        tostring(code_of(d)),
        d.lnum,
        tostring(seen[key]),
        ns
      )
    )
    seen[key] = ns
  end
end

--- Whether `got` satisfies `want` in `mode`.
local function lines_match(got, want, mode)
  local have = set_of(got)
  for _, l in ipairs(want) do
    if not have[l] then
      return false
    end
  end
  return mode == "at-least" or #got == #want
end

--- Wait until a publish newer than `since` (a publish_state) arrived and
--- the buffer's boilerplate lines satisfy `want`; fail with what was seen.
--- Returns the lines.
local function expect_boilerplate(bufnr, want, mode, what, since)
  since = since or { count = 0 }
  local version = vim.lsp.util.buf_versions[bufnr]
  local function fresh()
    local now = publish_state(bufnr)
    return now.count > since.count and (now.version == nil or version == nil or now.version >= version)
  end
  local ok = vim.wait(TIMEOUT, function()
    return fresh() and lines_match(boilerplate_lines(bufnr), want, mode)
  end, 20)
  local got = boilerplate_lines(bufnr)
  local now = publish_state(bufnr)
  check(
    ok,
    ("%s: boilerplate diagnostics on lines %s, expected %s %s (%d publishes, last for version %s, buffer version %s)"):format(
      what,
      fmt(got),
      mode == "exact" and "exactly" or "at least",
      fmt(want),
      now.count,
      tostring(now.version),
      tostring(version)
    )
  )
  expect_no_duplicates(bufnr, what)
  log(("ok: %s: boilerplate on lines %s (version %s)"):format(what, fmt(got), tostring(now.version)))
  return got
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  check(responses ~= nil, ("%s: no answer within %d ms (%s)"):format(method, TIMEOUT, tostring(err)))
  for _, response in pairs(responses) do
    check(response.err == nil, ("%s: error reply %s"):format(method, vim.inspect(response.err)))
    return response.result
  end
  fail(method .. ": no client answered")
end

--- Put the cursor on the middle of the first occurrence of `text` and
--- return the LSP position params for it in the client's encoding.
local function position_of(bufnr, text, client)
  local probe = text:sub(1, 40)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(probe, 1, true)
    if col then
      local middle = col - 1 + math.floor(#probe / 2)
      vim.api.nvim_win_set_cursor(0, { i, middle })
      return vim.lsp.util.make_position_params(0, client.offset_encoding), i - 1
    end
  end
  fail(("quote text %q not found in the article"):format(probe))
end

local function symbol_names(symbols, out)
  out = out or {}
  for _, s in ipairs(symbols or {}) do
    table.insert(out, s.name)
    if s.detail then
      table.insert(out, s.detail)
    end
    symbol_names(s.children, out)
  end
  return out
end

local function run()
  local article = env("COPYDESK_E2E_ARTICLE")
  check(article ~= nil, "set COPYDESK_E2E_ARTICLE to the article to open")
  article = vim.fn.fnamemodify(article, ":p")
  check(vim.fn.filereadable(article) == 1, "cannot read " .. article)
  local want = parse_lines(env("COPYDESK_E2E_BOILERPLATE", ""))
  check(#want > 0, "set COPYDESK_E2E_BOILERPLATE to the expected lines, e.g. 0,6,26")
  local mode = env("COPYDESK_E2E_BOILERPLATE_MODE", "exact")
  check(mode == "exact" or mode == "at-least", "COPYDESK_E2E_BOILERPLATE_MODE must be exact or at-least")

  local v = vim.version()
  log(("Neovim %d.%d.%d, copydesk at %s"):format(v.major, v.minor, v.patch, vim.fn.exepath("copydesk")))
  check(vim.fn.executable("copydesk") == 1, "`copydesk` is not on PATH")

  -- The plugin under test, from this checkout.
  local plugin = vim.fn.fnamemodify(script_dir() .. "/../../editors/nvim", ":p")
  vim.opt.runtimepath:prepend(plugin)
  track_publishes()
  if os.getenv("COPYDESK_E2E_DEBUG") then vim.lsp.set_log_level("debug") end
  vim.cmd("filetype on")
  local copydesk = require("copydesk")
  local registration = env("COPYDESK_E2E_REGISTRATION", "auto")
  -- "runtime": no setup call at all, only the plugin's lsp/copydesk.lua
  -- that Neovim 0.11 finds on the runtimepath.
  local runtime_only = registration == "runtime"
  if runtime_only then
    vim.lsp.enable("copydesk")
    log("registered by vim.lsp.enable with lsp/copydesk.lua, no setup call")
  else
    copydesk.setup({ registration = registration })
    log("plugin registered with " .. copydesk.mode)
  end

  -- Edit a copy: the test changes the buffer and must never touch the original.
  local copy = vim.fn.tempname() .. "-" .. vim.fn.fnamemodify(article, ":t")
  check(vim.fn.writefile(vim.fn.readfile(article, "b"), copy, "b") == 0, "cannot copy the article to " .. copy)
  vim.cmd("edit " .. vim.fn.fnameescape(copy))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == "text", "filetype of the article is " .. vim.bo[bufnr].filetype .. ", not text")

  -- 1. The server attaches through the plugin.
  check(
    vim.wait(TIMEOUT, function()
      return client_of(bufnr) ~= nil and client_of(bufnr).initialized ~= false
    end, 20),
    "copydesk did not attach to the buffer (see :checkhealth copydesk)"
  )
  local client = client_of(bufnr)
  local info = client.server_info or {}
  log(("ok: attached: %s %s, position encoding %s"):format(
    tostring(info.name),
    tostring(info.version),
    tostring(client.offset_encoding)
  ))

  -- 2. Diagnostics on open: the expected lines (at least), then every later
  -- step is checked exactly against what this first publish showed.
  local baseline = expect_boilerplate(bufnr, want, mode, "on open")

  -- 3. Hover and outline (need the quotes, entities and features work).
  local quote = env("COPYDESK_E2E_QUOTE")
  if FULL and quote then
    local q = vim.fn.json_decode(quote)
    local params, line = position_of(bufnr, q.text, client)
    local hover = request(bufnr, "textDocument/hover", params)
    check(hover ~= nil, ("hover on the quote on line %d: no hover"):format(line))
    local text = flatten_markup(hover.contents)
    check(
      text:find(q.speaker, 1, true) ~= nil,
      ("hover on the quote on line %d does not name %q:\n%s"):format(line, q.speaker, text)
    )
    log(("ok: hover on the quote on line %d names %s"):format(line, q.speaker))

    -- No hover on an empty line.
    vim.api.nvim_win_set_cursor(0, { 2, 0 })
    local blank = request(bufnr, "textDocument/hover", vim.lsp.util.make_position_params(0, client.offset_encoding))
    check(
      blank == nil or flatten_markup(blank.contents) == "",
      "hover on the empty line 1 should be empty: " .. vim.inspect(blank)
    )
    log("ok: no hover on an empty line")

    local symbols = request(bufnr, "textDocument/documentSymbol", { textDocument = { uri = vim.uri_from_bufnr(bufnr) } })
    check(type(symbols) == "table" and #symbols > 0, "documentSymbol: empty outline")
    local groups = {}
    for _, group in ipairs(symbols) do
      groups[group.name] = table.concat(symbol_names(group.children), "\n")
    end
    for _, name in ipairs({ "People", "Quotes" }) do
      check(groups[name] ~= nil, ("outline has no %q group: %s"):format(name, table.concat(symbol_names(symbols), ", ")))
      check(
        groups[name]:find(q.speaker, 1, true) ~= nil,
        ("outline group %q does not list %q:\n%s"):format(name, q.speaker, groups[name])
      )
    end
    log(("ok: outline has %d groups; People and Quotes list %s"):format(#symbols, q.speaker))
  else
    log("skip: hover and outline checks (set COPYDESK_E2E_FULL=1 and COPYDESK_E2E_QUOTE)")
  end

  -- 4. An edit: a new ad marker paragraph after line 1 moves everything below by two lines.
  local insert_at = 2
  local moved = { insert_at }
  for _, l in ipairs(baseline) do
    table.insert(moved, l >= insert_at and l + 2 or l)
  end
  table.sort(moved)
  local before = publish_state(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, insert_at, insert_at, false, { "Advertisement", "" })
  expect_boilerplate(bufnr, moved, "exact", "after inserting an ad marker at line " .. insert_at, before)

  -- ... and deleting it again brings the original lines back.
  before = publish_state(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, insert_at, insert_at + 2, false, {})
  expect_boilerplate(bufnr, baseline, "exact", "after deleting it again", before)

  -- 5. Settings: switching the boilerplate family off clears its diagnostics,
  -- switching it back on restores them. (The plugin's settings and health
  -- check need its setup; the runtime-only path has none.)
  if runtime_only then
    return
  end
  before = publish_state(bufnr)
  copydesk.set_settings({ diagnostics = { boilerplate = false } })
  expect_boilerplate(bufnr, {}, "exact", "with diagnostics.boilerplate = false", before)
  before = publish_state(bufnr)
  copydesk.set_settings({ diagnostics = { boilerplate = true } })
  expect_boilerplate(bufnr, baseline, "exact", "with diagnostics.boilerplate = true again", before)

  -- 6. :checkhealth copydesk finds the binary and its version.
  local expected_version = vim.trim(vim.split(vim.fn.system({ "copydesk", "--version" }), "\n")[1])
  vim.cmd("checkhealth copydesk")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  check(report:find(expected_version, 1, true) ~= nil, "checkhealth does not show " .. expected_version .. ":\n" .. report)
  check(not report:find("ERROR", 1, true), "checkhealth reports an error:\n" .. report)
  log("ok: checkhealth shows " .. expected_version)
end

local ok, err = xpcall(run, function(e)
  if getmetatable(e) == Failure then
    return e
  end
  return debug.traceback(tostring(e), 2)
end)
if ok then
  log("PASS")
  finish(0)
else
  local msg = getmetatable(err) == Failure and err.msg or ("test error: " .. tostring(err))
  log("FAIL: " .. msg)
  finish(1)
end
