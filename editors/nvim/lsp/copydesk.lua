-- copydesk's default configuration for Neovim 0.11+'s `vim.lsp.config`:
-- with this plugin on the runtimepath, `vim.lsp.enable("copydesk")` is all
-- it takes (no setup call). Override any field with
-- `vim.lsp.config("copydesk", { ... })`.
return {
  cmd = { "copydesk", "lsp" },
  filetypes = { "text", "markdown" },
  -- the project file first: a workspace is where its settings live
  root_markers = { ".copydesk.toml", ".git" },
  -- a .copydesk.toml written in Neovim is reread without a restart
  on_init = function(client)
    require("copydesk").on_init(client)
  end,
}
