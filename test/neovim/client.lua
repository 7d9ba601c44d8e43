-- A second real LSP client for the server: Neovim 0.7 (Debian 12), headless. Run by neovim.test.ts as
--   nvim --headless --clean -u NONE -c 'luafile test/neovim/client.lua'
-- with its inputs in the environment (ASYNC_LENS_NVIM_NODE, _SERVER, _ROOT, _FILE, _OUT, _TIMEOUT_MS).
-- It starts the server, opens the file, waits (bounded) for its diagnostics, asks for the code
-- actions at the first one, writes what it saw as JSON to _OUT and quits: exit 0 when it got
-- diagnostics and code actions, 2 on a timeout, 3 on an error (the JSON says which and why).
-- Neovim 0.7 has no vim.lsp.start: vim.lsp.start_client + vim.lsp.buf_attach_client.
local env = function(name)
  local value = os.getenv('ASYNC_LENS_NVIM_' .. name)
  if value == nil or value == '' then error('ASYNC_LENS_NVIM_' .. name .. ' is not set') end
  return value
end

local out_path = env('OUT')
local started = vim.loop.hrtime()
local function elapsed_ms()
  return math.floor((vim.loop.hrtime() - started) / 1e6)
end

local function write_result(result)
  result.elapsedMs = elapsed_ms()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local client_id

local function run()
  local timeout = tonumber(env('TIMEOUT_MS'))
  local root = env('ROOT')
  local result = { status = 'ok', diagnostics = {}, codeActions = {}, errors = {} }

  client_id = vim.lsp.start_client({
    name = 'async-lens',
    cmd = { env('NODE'), env('SERVER'), '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'neovim' } },
    -- Answered to the server's workspace/configuration request for the section `asyncLens`.
    settings = { asyncLens = vim.empty_dict() },
    on_exit = function(code, signal)
      result.serverExit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    result.status = 'error'
    table.insert(result.errors, 'vim.lsp.start_client returned nil')
    return result, 3
  end
  result.clientId = client_id

  vim.cmd('edit ' .. vim.fn.fnameescape(env('FILE')))
  local buf = vim.api.nvim_get_current_buf()
  -- -u NONE turns off filetype detection; the filetype is the languageId of didOpen.
  vim.bo[buf].filetype = 'typescript'
  if not vim.lsp.buf_attach_client(buf, client_id) then
    result.status = 'error'
    table.insert(result.errors, 'vim.lsp.buf_attach_client failed')
    return result, 3
  end

  local got = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  result.diagnosticsAfterMs = elapsed_ms()
  if not got then
    result.status = 'timeout'
    table.insert(result.errors, 'no diagnostics within ' .. timeout .. ' ms')
    return result, 2
  end

  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  for _, d in ipairs(diagnostics) do
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
    })
  end

  -- The code actions at the first finding, for that diagnostic as an LSP diagnostic. In 0.7,
  -- user_data.lsp keeps only the fields vim.diagnostic has no place for (code, data, …), so the
  -- diagnostic is rebuilt the way 0.7's own vim.lsp.buf.code_action() does it.
  local first = diagnostics[1]
  local lsp_diagnostic
  for _, candidate in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum, {}, client_id)) do
    if candidate.range.start.character == first.col and lsp_diagnostic == nil then lsp_diagnostic = candidate end
  end
  if lsp_diagnostic == nil then
    result.status = 'error'
    table.insert(result.errors, 'vim.lsp.diagnostic.get_line_diagnostics lost the diagnostic at line ' .. first.lnum)
    return result, 3
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, timeout)
  result.codeActionsAfterMs = elapsed_ms()
  if not responses then
    result.status = 'timeout'
    table.insert(result.errors, 'textDocument/codeAction: ' .. tostring(err))
    return result, 2
  end
  local response = responses[client_id]
  if not response or response.error then
    result.status = 'error'
    table.insert(result.errors, 'textDocument/codeAction failed: ' .. vim.inspect(response))
    return result, 3
  end
  for _, action in ipairs(response.result or {}) do
    table.insert(result.codeActions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred == true })
  end

  -- A clean shutdown (shutdown request, exit notification), waited on with a bound.
  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(timeout, function()
    return vim.lsp.client_is_stopped(client_id) and result.serverExit ~= nil
  end, 20)
  if not stopped then
    table.insert(result.errors, 'the server did not stop within ' .. timeout .. ' ms')
    vim.lsp.stop_client(client_id, true)
  end
  return result, 0
end

local ok, result, code = pcall(run)
if not ok then
  result, code = { status = 'error', errors = { tostring(result) } }, 3
end
-- After a failure, end the server (SIGTERM) rather than leave it to notice that Neovim is gone.
if client_id and not vim.lsp.client_is_stopped(client_id) then
  pcall(vim.lsp.stop_client, client_id, true)
end
local written, write_error = pcall(write_result, result)
if not written then
  io.stderr:write('client.lua: cannot write ' .. out_path .. ': ' .. tostring(write_error) .. '\n')
  code = 3
end
if code == 0 then
  vim.cmd('qall!')
else
  vim.cmd('cquit ' .. code)
end
