-- Drives the real `paperlens lsp` process from Neovim's built-in LSP client (0.7, headless), as an
-- editor user would: open files, hover, go to definition, read diagnostics, find references,
-- complete a title and accept it.
--
--   PAPERLENS_COMMAND=/path/paperlens PAPERLENS_CATALOG=/tmp/x/catalog.db \
--   PAPERLENS_WORKSPACE=/tmp/x/ws PAPERLENS_RESULT=/tmp/x/result.json \
--   PAPERLENS_LOOPBACK_ARXIV=http://127.0.0.1:PORT/api/query \
--   nvim --headless --clean -u NONE -c "luafile tests/e2e/neovim/driver.lua"
--
-- PAPERLENS_COMMAND is the command that starts paperlens, one word per line: the native binary, or
-- `dotnet` and the JIT build's paperlens.dll.
--
-- Every check runs the server offline except the last, which starts it again online against
-- PAPERLENS_LOOPBACK_ARXIV: a stand-in for arXiv that knows 1706.03762 (never the real arXiv).
--
-- PAPERLENS_WORKSPACE must be a scratch copy of workspace/ (completion edits a buffer). The result
-- file is JSON: {"checks": [{"name", "ok", "detail"}], "log": [...]}, one entry per check in the
-- order they ran. Neovim exits 0 only when every check passed. Every wait is bounded.

local function required_env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    -- An error here would leave headless Neovim waiting for input: report and leave instead.
    io.stderr:write(name .. ' is not set; see the header of driver.lua\n')
    vim.cmd('cquit 2')
  end
  return value
end

local config = {
  command = vim.split(required_env('PAPERLENS_COMMAND'), '\n', { plain = true }),
  catalog = required_env('PAPERLENS_CATALOG'),
  root = required_env('PAPERLENS_WORKSPACE'),
  result = required_env('PAPERLENS_RESULT'),
  loopback_arxiv = required_env('PAPERLENS_LOOPBACK_ARXIV'),
  wait_ms = tonumber(os.getenv('PAPERLENS_WAIT_MS') or '') or 20000,
}

-- The server's command line: PAPERLENS_COMMAND's words, then paperlens's own arguments.
local function server_cmd(arguments)
  return vim.list_extend(vim.deepcopy(config.command), arguments)
end

local MAMBA_360 = 'Mamba-360: Survey of State Space Models'
local ATTENTION = 'Attention Is All You Need'
local INFORMER = 'Informer: Beyond Efficient Transformer'

local checks = {}
local server_log = {}
local server_exit = nil
local client_id = nil

-- A failed expectation: its message is the check's detail, without a Lua traceback.
local function fail(message)
  error({ message = message }, 0)
end

local function on_error(e)
  if type(e) == 'table' and e.message then return e.message end
  return debug.traceback(tostring(e), 2)
end

local function run_check(name, body)
  local ok, detail = xpcall(body, on_error)
  table.insert(checks, { name = name, ok = ok, detail = tostring(detail or '') })
  return ok
end

local function is_null(value)
  return value == nil or value == vim.NIL
end

local function contains(text, needle)
  return type(text) == 'string' and text:find(needle, 1, true) ~= nil
end

local function path_of(relative)
  return config.root .. '/' .. relative
end

local function read_file(path)
  return table.concat(vim.fn.readfile(path), '\n')
end

local function server_alive()
  return server_exit == nil
end

local function open(relative, filetype)
  local bufnr = vim.fn.bufadd(path_of(relative))
  vim.fn.bufload(bufnr)
  vim.bo[bufnr].buflisted = true
  vim.bo[bufnr].filetype = filetype
  if not vim.lsp.buf_attach_client(bufnr, client_id) then fail('could not attach to ' .. relative) end
  return bufnr
end

-- The LSP position (UTF-16 columns, what the server negotiated with Neovim) of a needle in a buffer,
-- plus `shift` bytes; lines before the needle may hold non-ASCII text.
local function position_of(bufnr, needle, shift)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local start = line:find(needle, 1, true)
    if start then
      local _, utf16 = vim.str_utfindex(line, start - 1 + (shift or 0))
      return { line = index - 1, character = utf16 }
    end
  end
  fail('no "' .. needle .. '" in ' .. vim.api.nvim_buf_get_name(bufnr))
end

local function position_params(bufnr, position)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position }
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, config.wait_ms)
  if not responses then fail(method .. ': ' .. tostring(err)) end
  local response = responses[client_id]
  if not response then fail(method .. ': no answer from paperlens') end
  if response.err then fail(method .. ' failed: ' .. vim.inspect(response.err)) end
  return response.result
end

-- Polls `probe` until it returns a truthy value or the wait runs out; returns the last value.
-- Used where the answer depends on the initial workspace index, which is built in the background.
local function eventually(probe)
  local deadline = vim.loop.now() + config.wait_ms
  local value = probe()
  while not value and vim.loop.now() < deadline and server_alive() do
    vim.wait(100)
    value = probe()
  end
  return value
end

local function locations(result)
  if is_null(result) then return {} end
  if result.uri or result.targetUri then return { result } end
  return result
end

local function location_path(location)
  return vim.uri_to_fname(location.uri or location.targetUri)
end

local function location_range(location)
  return location.range or location.targetSelectionRange
end

local function codes(bufnr)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(found, tostring(diagnostic.code))
  end
  table.sort(found)
  return found
end

local function has_code(bufnr, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == code then return diagnostic end
  end
  return nil
end

local function describe_diagnostics(bufnr)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(lines, string.format('%s %d:%d %s', tostring(d.code), d.lnum, d.col, d.message))
  end
  return table.concat(lines, '; ')
end

local function completion_items(result)
  if is_null(result) then return {} end
  return result.items or result
end

local function labels(items)
  local shown = {}
  for index, item in ipairs(items) do
    if index > 8 then break end
    table.insert(shown, item.label)
  end
  return table.concat(shown, ' | ')
end

-- Accepts a completion item as Neovim's completion does: its textEdit (or insertText at the cursor)
-- and any additionalTextEdits, in the server's position encoding.
local function accept(bufnr, item, cursor)
  local edits = {}
  if not is_null(item.textEdit) then
    local edit = item.textEdit
    table.insert(edits, { range = edit.range or edit.replace, newText = edit.newText })
  else
    table.insert(edits, { range = { start = cursor, ['end'] = cursor }, newText = item.insertText or item.label })
  end
  for _, edit in ipairs(is_null(item.additionalTextEdits) and {} or item.additionalTextEdits) do
    table.insert(edits, edit)
  end
  vim.lsp.util.apply_text_edits(edits, bufnr, vim.lsp.get_client_by_id(client_id).offset_encoding)
end

local function last_line(bufnr)
  local count = vim.api.nvim_buf_line_count(bufnr)
  return count - 1, vim.api.nvim_buf_get_lines(bufnr, count - 1, count, false)[1]
end

-- Types `text` on a new last line of the buffer and asks for completion at its end (invoked, as with
-- <C-x><C-o>); returns the items and the cursor.
local function type_and_complete(bufnr, text)
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '', text })
  local line_number, typed = last_line(bufnr)
  local _, column = vim.str_utfindex(typed)
  local cursor = { line = line_number, character = column }
  local params = position_params(bufnr, cursor)
  params.context = { triggerKind = 1 }
  return completion_items(request(bufnr, 'textDocument/completion', params)), cursor
end

-- Types `text` as `type_and_complete` does, accepts the first item whose label or detail contains
-- `wanted`, and returns the line.
local function complete(bufnr, text, wanted)
  local items, cursor = type_and_complete(bufnr, text)
  for _, item in ipairs(items) do
    if contains(item.label, wanted) or contains(item.detail, wanted) then
      accept(bufnr, item, cursor)
      local _, accepted = last_line(bufnr)
      return accepted
    end
  end
  fail('completing "' .. text .. '": no "' .. wanted .. '" among ' .. #items .. ' items: ' .. labels(items))
end

-- Types `text` as `complete` does and accepts the first item, as pressing Enter on the list's first
-- line does; returns the line.
local function complete_first(bufnr, text)
  local items, cursor = type_and_complete(bufnr, text)
  if #items == 0 then fail('completing "' .. text .. '": no items') end
  accept(bufnr, items[1], cursor)
  local _, accepted = last_line(bufnr)
  return accepted
end

local function main()
  vim.o.swapfile = false
  vim.o.hidden = true
  local buffers = {}

  local initialized = run_check('initialize', function()
    client_id = vim.lsp.start_client({
      name = 'paperlens',
      cmd = server_cmd({ 'lsp', '--catalog', config.catalog, '--offline' }),
      root_dir = config.root,
      on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
      handlers = {
        ['window/logMessage'] = function(_, params) table.insert(server_log, params.message) end,
      },
    })
    if not client_id then fail('vim.lsp.start_client did not start the server') end
    vim.wait(config.wait_ms, function()
      local client = vim.lsp.get_client_by_id(client_id)
      return not server_alive() or (client ~= nil and client.initialized == true)
    end, 20)
    if not server_alive() then fail('the server exited with code ' .. tostring(server_exit.code)) end
    local client = vim.lsp.get_client_by_id(client_id)
    if not (client and client.initialized) then fail('no initialize answer within ' .. config.wait_ms .. ' ms') end
    buffers.notes = open('notes.md', 'markdown')
    buffers.model = open('model.py', 'python')
    buffers.draft = open('draft.md', 'markdown')
    buffers.paper = open('paper.tex', 'tex')
    return 'initialized ' .. (client.server_capabilities and 'with capabilities' or '')
  end)

  if initialized then
    run_check('hover', function()
      -- Citation ranges cover the id; the line starts with non-ASCII text, so byte and UTF-16
      -- columns differ.
      local citation = position_of(buffers.notes, '2404.16112')
      local result = request(buffers.notes, 'textDocument/hover', position_params(buffers.notes, position_of(buffers.notes, '2404.16112', 4)))
      if is_null(result) then fail('no hover on arXiv:2404.16112') end
      local markdown = result.contents.value or ''
      if not contains(markdown, MAMBA_360) then fail('hover does not name the paper: ' .. markdown) end
      local start = result.range and result.range.start
      if not start or start.line ~= citation.line or start.character ~= citation.character then
        fail(string.format('hover range starts at %s, the id at %d:%d (UTF-16, after "Pöppel")',
          vim.inspect(start), citation.line, citation.character))
      end
      return markdown
    end)

    run_check('definition', function()
      local result = request(buffers.notes, 'textDocument/definition', position_params(buffers.notes, position_of(buffers.notes, '2404.16112', 3)))
      local found = locations(result)
      if #found == 0 then fail('no definition for arXiv:2404.16112') end
      local path = location_path(found[1])
      local text = read_file(path)
      if not contains(text, '# ' .. MAMBA_360) or not contains(text, '## Abstract') then
        fail(path .. ' is not the abstract document: ' .. text:sub(1, 300))
      end
      -- Go there as the editor does, then come back.
      vim.lsp.util.jump_to_location(found[1], vim.lsp.get_client_by_id(client_id).offset_encoding)
      local shown = vim.api.nvim_buf_get_name(0)
      local first = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1] or ''
      if vim.loop.fs_realpath(shown) ~= vim.loop.fs_realpath(path) or not contains(first, MAMBA_360) then
        fail('jumping to the definition showed ' .. shown .. ' starting with ' .. first)
      end
      vim.api.nvim_set_current_buf(buffers.notes)
      return path
    end)

    run_check('definition_of_a_pandoc_key', function()
      local result = eventually(function()
        local found = locations(request(buffers.draft, 'textDocument/definition', position_params(buffers.draft, position_of(buffers.draft, '@zhou2021informer', 3))))
        return #found > 0 and found or nil
      end)
      if not result then fail('no definition for [@zhou2021informer]') end
      local path = location_path(result[1])
      local range = location_range(result[1])
      local line = vim.fn.readfile(path)[range.start.line + 1] or ''
      if vim.fn.fnamemodify(path, ':t') ~= 'refs.bib' or not contains(line, 'zhou2021informer') then
        fail('the key went to ' .. path .. ' line ' .. range.start.line .. ': ' .. line)
      end
      return path .. ':' .. range.start.line
    end)

    run_check('hover_on_a_latex_cite_key', function()
      local result = eventually(function()
        local hover = request(buffers.paper, 'textDocument/hover', position_params(buffers.paper, position_of(buffers.paper, 'zhou2021informer', 4)))
        return not is_null(hover) and contains(hover.contents.value, INFORMER) and hover or nil
      end)
      if not result then fail('no hover naming ' .. INFORMER .. ' on \\citep{zhou2021informer} in paper.tex') end
      local key = position_of(buffers.paper, 'zhou2021informer')
      if result.range.start.line ~= key.line or result.range.start.character ~= key.character then
        fail(string.format('the hover range starts at %s, the key at %d:%d', vim.inspect(result.range.start), key.line, key.character))
      end
      return result.contents.value
    end)

    run_check('latex_unknown_key_is_PL008', function()
      -- vaswani2017 and nobody2021 are unknown; the keys in the comment and in \verb are no citations.
      local function unresolved()
        local found = {}
        for _, d in ipairs(vim.diagnostic.get(buffers.paper)) do
          if d.code == 'PL008' then table.insert(found, d) end
        end
        return found
      end
      local settled = vim.wait(config.wait_ms, function() return #unresolved() == 2 end, 50)
      if not settled then fail('expected PL008 on vaswani2017 and nobody2021 only; got ' .. describe_diagnostics(buffers.paper)) end
      for _, key in ipairs({ 'vaswani2017', 'nobody2021' }) do
        local at = position_of(buffers.paper, key)
        local found = false
        for _, d in ipairs(unresolved()) do found = found or (d.lnum == at.line and d.col == at.character) end
        if not found then fail(string.format('no PL008 at %s (%d:%d): %s', key, at.line, at.character, describe_diagnostics(buffers.paper))) end
      end
      return describe_diagnostics(buffers.paper)
    end)

    run_check('diagnostics', function()
      local unresolved_key = position_of(buffers.draft, 'nobody2020')
      local typo = position_of(buffers.notes, 'arXiv:2313.00752')
      local settled = vim.wait(config.wait_ms, function()
        local key = has_code(buffers.draft, 'PL008')
        local keys = 0
        for _, code in ipairs(codes(buffers.draft)) do
          if code == 'PL008' then keys = keys + 1 end
        end
        return has_code(buffers.notes, 'PL001') ~= nil and has_code(buffers.notes, 'PL003') ~= nil
          and keys == 1 and key.lnum == unresolved_key.line
      end, 50)
      local summary = 'notes.md: ' .. describe_diagnostics(buffers.notes) .. ' || draft.md: ' .. describe_diagnostics(buffers.draft)
      if not settled then
        fail('expected PL001 and PL003 in notes.md and one PL008 on [@nobody2020] in draft.md; got ' .. summary)
      end
      local malformed = has_code(buffers.notes, 'PL001')
      if malformed.lnum ~= typo.line then fail('PL001 is on line ' .. malformed.lnum .. ', the typo on ' .. typo.line) end
      return summary
    end)

    run_check('references', function()
      local params = position_params(buffers.notes, position_of(buffers.notes, '2404.16112', 7))
      params.context = { includeDeclaration = true }
      local last = {}
      local found = eventually(function()
        last = locations(request(buffers.notes, 'textDocument/references', params))
        local files = {}
        for _, location in ipairs(last) do files[vim.fn.fnamemodify(location_path(location), ':t')] = location end
        return (files['notes.md'] and files['model.py']) and files or nil
      end)
      if not found then
        local seen = {}
        for _, location in ipairs(last) do table.insert(seen, location_path(location)) end
        fail('expected notes.md and model.py among the references to 2404.16112; got ' .. table.concat(seen, ', '))
      end
      local in_code = found['model.py']
      local line = vim.fn.readfile(path_of('model.py'))[in_code.range.start.line + 1] or ''
      local cited = line:sub(in_code.range.start.character + 1, in_code.range['end'].character)
      if cited ~= '2404.16112' and cited ~= 'arXiv:2404.16112' then fail('the model.py reference covers "' .. cited .. '" in: ' .. line) end
      return string.format('%d locations, model.py:%d', #last, in_code.range.start.line)
    end)

    run_check('completion', function()
      local accepted = complete(buffers.notes, 'Related: arXiv:Inform', INFORMER)
      if accepted ~= 'Related: arXiv:2012.07436' then fail('after arXiv: the id goes in; the line became: ' .. accepted) end
      return accepted
    end)

    -- Newer catalog papers contain these words too ("Order Matters: Sequence to sequence for sets").
    run_check('completion_of_a_title_start_picks_that_paper_first', function()
      local accepted = complete_first(buffers.notes, 'Following arXiv:sequence to sequence')
      if accepted ~= 'Following arXiv:1409.3215' then fail('the first item is not the title that starts so; the line became: ' .. accepted) end
      return accepted
    end)

    run_check('completion_in_prose_inserts_a_link', function()
      local accepted = complete(buffers.notes, 'Compare inform', INFORMER)
      if accepted:sub(1, #('Compare [' .. INFORMER)) ~= 'Compare [' .. INFORMER or accepted:sub(-#'](https://arxiv.org/abs/2012.07436)') ~= '](https://arxiv.org/abs/2012.07436)' then
        fail('in prose a Markdown link goes in; the line became: ' .. accepted)
      end
      return accepted
    end)

    run_check('completion_in_a_code_comment_inserts_the_id', function()
      local accepted = complete(buffers.model, '# see also informer', INFORMER)
      if accepted ~= '# see also arXiv:2012.07436' then fail('in a comment arXiv:ID goes in; the line became: ' .. accepted) end
      return accepted
    end)

    run_check('completion_of_a_pandoc_key', function()
      local accepted = complete(buffers.draft, 'As shown in [@zho', 'zhou2021informer')
      if accepted ~= 'As shown in [@zhou2021informer' then fail('inside [@ the key goes in; the line became: ' .. accepted) end
      return accepted
    end)

    run_check('accepted_completion_reaches_the_server', function()
      -- The accepted text is on the last line (notes.md cites 2012.07436 earlier too).
      local line_number, accepted = last_line(buffers.notes)
      local start = accepted:find('2012.07436', 1, true)
      if not start then fail('the accepted completion is gone: ' .. accepted) end
      local _, column = vim.str_utfindex(accepted, start + 1)
      local result = request(buffers.notes, 'textDocument/hover', position_params(buffers.notes, { line = line_number, character = column }))
      if is_null(result) or not contains(result.contents.value, INFORMER) then
        fail('hover on the accepted citation: ' .. vim.inspect(result))
      end
      return 'hover names ' .. INFORMER
    end)

    run_check('bib_changed_on_disk_updates_diagnostics', function()
      -- refs.bib is not open in Neovim: the key is added behind the editor's back, as a reference
      -- manager's export would. Neovim 0.7 cannot register file watchers, so the server watches itself.
      if not has_code(buffers.draft, 'PL008') then fail('no PL008 on [@nobody2020] to begin with: ' .. describe_diagnostics(buffers.draft)) end
      local bib = vim.fn.readfile(path_of('refs.bib'))
      vim.list_extend(bib, { '', '@article{nobody2020,', '  title = {Nobody Wrote This},', '  year = {2020}', '}' })
      vim.fn.writefile(bib, path_of('refs.bib'))
      local resolved = vim.wait(config.wait_ms, function() return has_code(buffers.draft, 'PL008') == nil end, 50)
      if not resolved then fail('[@nobody2020] still has PL008 after refs.bib gained the key: ' .. describe_diagnostics(buffers.draft)) end
      return 'draft.md: ' .. describe_diagnostics(buffers.draft)
    end)

    run_check('shutdown', function()
      vim.lsp.stop_client(client_id)
      vim.wait(config.wait_ms, function() return not server_alive() end, 20)
      if server_alive() then fail('the server did not exit after shutdown and exit') end
      if server_exit.code ~= 0 then fail('the server exited with code ' .. tostring(server_exit.code)) end
      return 'exit code 0'
    end)

    run_check('arxiv_lookup_refreshes_diagnostics_and_hover', function()
      -- A file the offline server never saw, cited papers the catalog lacks: one arXiv has, one it has not.
      vim.fn.writefile({ 'Transformers: arXiv:1706.03762. Typo: arXiv:2101.99999' }, path_of('lookup.md'))
      server_exit = nil
      client_id = vim.lsp.start_client({
        name = 'paperlens-online',
        cmd = server_cmd({ 'lsp', '--catalog', config.catalog }),
        cmd_env = { PAPERLENS_OFFLINE = '0', PAPERLENS_ARXIV_API = config.loopback_arxiv },
        root_dir = config.root,
        on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
      })
      if not client_id then fail('vim.lsp.start_client did not start the online server') end
      vim.wait(config.wait_ms, function()
        local client = vim.lsp.get_client_by_id(client_id)
        return not server_alive() or (client ~= nil and client.initialized == true)
      end, 20)
      if not server_alive() then fail('the online server exited with code ' .. tostring(server_exit.code)) end
      local bufnr = open('lookup.md', 'markdown')
      local at_id = position_params(bufnr, position_of(bufnr, '1706.03762', 3))

      -- Answered from the catalog at once: not there yet (or already looked up, on a fast machine).
      local first = request(bufnr, 'textDocument/hover', at_id)
      if is_null(first) or not contains(first.contents.value, '1706.03762') then fail('no hover on arXiv:1706.03762: ' .. vim.inspect(first)) end
      local settled = eventually(function()
        local found = codes(bufnr)
        return #found == 1 and found[1] == 'PL002'
      end)
      if not settled then fail('expected only PL002 (on 2101.99999) once the lookup landed; got: ' .. describe_diagnostics(bufnr)) end
      local after = request(bufnr, 'textDocument/hover', at_id)
      if is_null(after) or not contains(after.contents.value, ATTENTION) then fail('hover after the lookup: ' .. vim.inspect(after)) end

      vim.lsp.stop_client(client_id)
      vim.wait(config.wait_ms, function() return not server_alive() end, 20)
      if server_alive() or server_exit.code ~= 0 then fail('the online server did not exit with code 0') end
      return 'first hover: ' .. first.contents.value:gsub('\n', ' '):sub(1, 120) .. ' | then PL002 and ' .. ATTENTION
    end)
  end
end

local function write_result()
  vim.fn.writefile({ vim.fn.json_encode({ checks = checks, log = server_log }) }, config.result)
end

local ok, err = xpcall(main, on_error)
if not ok then table.insert(checks, { name = 'driver', ok = false, detail = tostring(err) }) end
if client_id and server_alive() then vim.lsp.stop_client(client_id, true) end
write_result()

local failed = 0
for _, check in ipairs(checks) do
  if not check.ok then
    failed = failed + 1
    io.stderr:write('FAILED ' .. check.name .. ': ' .. check.detail .. '\n')
  end
end
if failed > 0 then vim.cmd('cquit 1') end
vim.cmd('qall!')
