--- copydesk for Neovim: attaches the `copydesk lsp` language server to plain
--- text and Markdown buffers.
---
--- On Neovim 0.11+ the server is registered with `vim.lsp.config` and
--- switched on with `vim.lsp.enable`; on 0.8-0.10 a FileType autocmd calls
--- `vim.lsp.start`; on 0.7 the same autocmd uses `vim.lsp.start_client`.
---
--- ```lua
--- require("copydesk").setup({
---   cmd = { "copydesk", "lsp" },          -- default
---   filetypes = { "text", "markdown" },   -- default
---   settings = {                          -- the server's settings
---     diagnostics = { fragments = false, disabled = { "boilerplate/caption" } },
---     boilerplate = { patterns = { "Tap here to follow", "/^Page \\d+$/" } },
---     inlayHints = { enabled = true },
---   },
--- })
--- ```
local M = {}

M.name = "copydesk"

--- The options `setup` starts from. Lists given by the user replace these
--- lists; they are not merged item by item.
M.defaults = {
  cmd = { "copydesk", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { ".copydesk.toml", ".git" },
  settings = {},
  -- How to register: "auto" picks the newest the running Neovim has;
  -- "enable" (0.11+), "start" (0.8+) or "start_client" force one.
  registration = "auto",
}

--- How the server got registered by the last `setup`: "vim.lsp.enable",
--- "vim.lsp.start" or "vim.lsp.start_client" (read by :checkhealth).
M.mode = nil
--- The options of the last `setup`, after defaults were applied.
M.options = nil

local augroup_name = "copydesk_lsp"

local function is_list(t)
  if type(t) ~= "table" then
    return false
  end
  if vim.islist then
    return vim.islist(t)
  end
  return vim.tbl_islist(t)
end

--- A table with string keys (or an empty one): merged key by key.
local function is_dict(t)
  return type(t) == "table" and (next(t) == nil or not is_list(t))
end

--- `defaults` overlaid with `user`: tables with keys merge key by key;
--- lists and scalars from `user` replace the default whole.
local function merge(defaults, user)
  if user == nil then
    return vim.deepcopy(defaults)
  end
  if not (is_dict(defaults) and is_dict(user)) then
    return vim.deepcopy(user)
  end
  local out = vim.deepcopy(defaults)
  for key, value in pairs(user) do
    out[key] = merge(defaults[key], value)
  end
  return out
end

--- Tell `client` whenever a `.copydesk.toml` is written from Neovim, as
--- workspace/didChangeWatchedFiles (Neovim on Linux does not watch files
--- for servers by default), so an edit to the project file takes effect
--- without restarting the server. Used as the client's `on_init`.
function M.on_init(client)
  -- where Neovim watches files for servers itself (macOS, Windows), the
  -- server's own registration already reports the write
  local caps = client.capabilities or (client.config and client.config.capabilities) or {}
  local watched = caps.workspace and caps.workspace.didChangeWatchedFiles
  if watched and watched.dynamicRegistration then
    return
  end
  local group = vim.api.nvim_create_augroup("copydesk_project_file_" .. client.id, { clear = true })
  vim.api.nvim_create_autocmd("BufWritePost", {
    group = group,
    pattern = ".copydesk.toml",
    callback = function(args)
      local new_api = vim.fn.has("nvim-0.11") == 1
      local stopped
      if new_api then
        stopped = client:is_stopped()
      else
        stopped = client.is_stopped()
      end
      if stopped then
        pcall(vim.api.nvim_del_augroup_by_id, group)
        return
      end
      local uri = vim.uri_from_fname(vim.fn.fnamemodify(args.file, ":p"))
      local params = { changes = { { uri = uri, type = 2 } } }
      if new_api then
        client:notify("workspace/didChangeWatchedFiles", params)
      else
        client.notify("workspace/didChangeWatchedFiles", params)
      end
    end,
  })
end

--- The client configuration shared by every registration path. The server
--- reads its settings from initializationOptions at start and under the
--- "copydesk" key of workspace/didChangeConfiguration and
--- workspace/configuration afterwards.
function M.client_config(opts)
  local settings = opts.settings or {}
  local init_options = vim.deepcopy(settings)
  if vim.tbl_isempty(init_options) then
    init_options = vim.empty_dict()
  end
  return {
    name = M.name,
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    init_options = init_options,
    settings = { copydesk = vim.deepcopy(settings) },
    on_init = M.on_init,
  }
end

local function warn(msg)
  vim.schedule(function()
    vim.notify("copydesk: " .. msg, vim.log.levels.WARN)
  end)
end

--- The directory holding one of `markers` above `path`, or nil.
local function find_root(path, markers)
  if vim.fs and vim.fs.find and vim.fs.dirname then
    local found = vim.fs.find(markers, { path = vim.fs.dirname(path), upward = true })[1]
    return found and vim.fs.dirname(found) or nil
  end
  return nil
end

local function buffer_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return (vim.uv or vim.loop).cwd()
  end
  return find_root(name, markers) or vim.fn.fnamemodify(name, ":p:h")
end

--- Neovim 0.11+: the built-in registry.
local function register_native(config)
  local native = vim.deepcopy(config)
  native.name = nil
  -- Assignment replaces any earlier registration (vim.lsp.config() would merge into it).
  vim.lsp.config[M.name] = native
  vim.lsp.enable(M.name)
  return "vim.lsp.enable"
end

--- Run `attach(bufnr)` for every buffer of `filetypes`, now and when one appears.
local function on_filetypes(filetypes, group, attach)
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr)
    end
  end
end

--- The config for one client rooted at `root`, without registry-only keys.
local function rooted(config, root)
  local start_config = vim.deepcopy(config)
  start_config.filetypes = nil
  start_config.root_markers = nil
  start_config.root_dir = root
  return start_config
end

--- Neovim 0.8-0.10: `vim.lsp.start` starts a client or reuses the one with
--- the same name and root.
local function register_start(config, group)
  on_filetypes(config.filetypes, group, function(bufnr)
    vim.lsp.start(rooted(config, buffer_root(bufnr, config.root_markers)), { bufnr = bufnr })
  end)
  return "vim.lsp.start"
end

--- Neovim 0.7: one client per root, attached by hand.
local function register_start_client(config, group)
  local clients = {}
  on_filetypes(config.filetypes, group, function(bufnr)
    local root = buffer_root(bufnr, config.root_markers)
    local id = clients[root]
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client(rooted(config, root))
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end)
  return "vim.lsp.start_client"
end

--- Register copydesk for `opts.filetypes`. Safe to call again: the last call wins.
function M.setup(user_opts)
  local opts = merge(M.defaults, user_opts or {})
  if type(opts.cmd) ~= "table" or type(opts.cmd[1]) ~= "string" then
    error("copydesk.setup: `cmd` must be a list such as { 'copydesk', 'lsp' }")
  end
  M.options = opts
  if vim.fn.executable(opts.cmd[1]) ~= 1 then
    warn(
      ("`%s` is not executable or not on PATH; install it with `cargo install --path .` "
        .. "in a copydesk checkout, or pass `cmd` to setup (see :checkhealth copydesk)"):format(opts.cmd[1])
    )
  end

  local config = M.client_config(opts)
  local group = vim.api.nvim_create_augroup(augroup_name, { clear = true })
  local how = opts.registration
  if how == "auto" then
    if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
      how = "enable"
    elseif vim.lsp.start ~= nil then
      how = "start"
    else
      how = "start_client"
    end
  end
  if how == "enable" and vim.lsp.enable ~= nil then
    M.mode = register_native(config)
  elseif how == "start" and vim.lsp.start ~= nil then
    M.mode = register_start(config, group)
  elseif how == "start_client" then
    M.mode = register_start_client(config, group)
  else
    error(("copydesk.setup: registration %q is not available in this Neovim"):format(tostring(opts.registration)))
  end
  return M
end

--- The copydesk clients attached to `bufnr` (all of them when nil).
function M.clients(bufnr)
  local filter = { name = M.name, bufnr = bufnr }
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  local out = {}
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == M.name then
      table.insert(out, client)
    end
  end
  return out
end

--- Send new settings to the running servers (and to servers started later).
function M.set_settings(settings)
  if M.options == nil then
    error("copydesk.set_settings: call require('copydesk').setup() first")
  end
  M.options.settings = vim.deepcopy(settings)
  local config = M.client_config(M.options)
  if M.mode == "vim.lsp.enable" then
    local native = vim.deepcopy(config)
    native.name = nil
    vim.lsp.config[M.name] = native
  end
  for _, client in ipairs(M.clients()) do
    client.config.settings = vim.deepcopy(config.settings)
    client.settings = client.config.settings
    local params = { settings = config.settings }
    if vim.fn.has("nvim-0.11") == 1 then
      client:notify("workspace/didChangeConfiguration", params)
    else
      client.notify("workspace/didChangeConfiguration", params)
    end
  end
end

return M
