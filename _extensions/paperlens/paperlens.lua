--[[
PaperLens for pandoc and Quarto: while a document is converted, checks its arXiv citations with
`paperlens check --offline` (the paperlens on PATH, its local catalog, no request to arXiv) and warns on
stderr about each error and warning: a malformed id, a paper arXiv does not have, a title that is not the
cited paper's. Papers the local catalog lacks are not reported: offline nothing is known about them.

  pandoc --lua-filter _extensions/paperlens/paperlens.lua paper.md -o paper.pdf
  quarto add OWNER/paperlens, then in _quarto.yml or the front matter:  filters: [paperlens]

To fail the conversion instead, set paperlens-fail-on in the document's metadata (front matter, or
`-M paperlens-fail-on=error`): warning fails on warnings and errors, error on errors, never (the default)
only warns.
]]

local RANK = { hint = 1, information = 2, warning = 3, error = 4 }
local FAIL_AT = { never = math.huge, warning = RANK.warning, error = RANK.error }

-- The report is paperlens's own JSON (objects, arrays, strings, numbers, true, false, null). pandoc.json
-- only exists from pandoc 3.1.1 on, and Debian's pandoc is older, so it is read here.
local function decode_json(text)
  local pos = 1
  local escapes = { b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

  local function skip_space()
    pos = text:find('[^ \t\r\n]', pos) or #text + 1
  end

  local function malformed()
    error('paperlens: the report is not JSON (at byte ' .. pos .. ')', 0)
  end

  local function hex4()
    local code = tonumber(text:sub(pos, pos + 3), 16) or malformed()
    pos = pos + 4
    return code
  end

  local function read_string()
    local parts = {}
    pos = pos + 1
    while true do
      local plain = text:match('^[^"\\]+', pos)
      if plain then
        parts[#parts + 1] = plain
        pos = pos + #plain
      end
      local c = text:sub(pos, pos)
      if c == '"' then
        pos = pos + 1
        return table.concat(parts)
      elseif c ~= '\\' then
        malformed()
      end
      local escaped = text:sub(pos + 1, pos + 1)
      pos = pos + 2
      if escaped == 'u' then
        local code = hex4()
        -- A character outside the BMP comes as a surrogate pair.
        if code >= 0xD800 and code < 0xDC00 and text:sub(pos, pos + 1) == '\\u' then
          pos = pos + 2
          code = 0x10000 + (code - 0xD800) * 0x400 + (hex4() - 0xDC00)
        end
        parts[#parts + 1] = utf8.char(code)
      else
        parts[#parts + 1] = escapes[escaped] or escaped
      end
    end
  end

  local read_value

  local function read_list(close, read_item)
    pos = pos + 1
    skip_space()
    if text:sub(pos, pos) == close then
      pos = pos + 1
      return
    end
    while true do
      read_item()
      skip_space()
      local c = text:sub(pos, pos)
      pos = pos + 1
      if c == close then return end
      if c ~= ',' then malformed() end
    end
  end

  function read_value()
    skip_space()
    local c = text:sub(pos, pos)
    if c == '{' then
      local object = {}
      read_list('}', function()
        skip_space()
        if text:sub(pos, pos) ~= '"' then malformed() end
        local key = read_string()
        skip_space()
        if text:sub(pos, pos) ~= ':' then malformed() end
        pos = pos + 1
        object[key] = read_value()
      end)
      return object
    elseif c == '[' then
      local array = {}
      read_list(']', function() array[#array + 1] = read_value() end)
      return array
    elseif c == '"' then
      return read_string()
    end
    for word, value in pairs({ ['true'] = true, ['false'] = false }) do
      if text:sub(pos, pos + #word - 1) == word then
        pos = pos + #word
        return value
      end
    end
    if text:sub(pos, pos + 3) == 'null' then
      pos = pos + 4
      return nil
    end
    local number = text:match('^-?[%d.eE+-]+', pos)
    if not number then malformed() end
    pos = pos + #number
    return tonumber(number)
  end

  return read_value()
end

-- The files the document was read from: Quarto renders an intermediate file and names the source in
-- quarto.doc.input_file; pandoc names its arguments, or "-" for standard input.
local function input_files()
  if quarto and quarto.doc and quarto.doc.input_file then
    return { quarto.doc.input_file }
  end
  local files = {}
  for _, file in ipairs(PANDOC_STATE.input_files) do
    if file ~= '-' then files[#files + 1] = file end
  end
  return files
end

local function fail_on(meta)
  local value = meta['paperlens-fail-on'] and pandoc.utils.stringify(meta['paperlens-fail-on']) or 'never'
  if not FAIL_AT[value] then
    error('paperlens: paperlens-fail-on is "' .. value .. '"; it must be error, warning or never', 0)
  end
  return value
end

-- paperlens exits 1 when it finds errors, which pandoc.pipe raises as an error holding the output; any
-- other failure (not on PATH, exit 2 with its message on stderr) has no report.
local function report_of_failed_run(err)
  local readable, code = pcall(function() return err.error_code end)
  if readable and code == 1 then return err.output end
  return nil
end

local function warn(text)
  io.stderr:write('paperlens: ', text, '\n')
end

function Pandoc(doc)
  local fail_level = fail_on(doc.meta)
  local threshold = FAIL_AT[fail_level]
  local files = input_files()
  if #files == 0 then
    warn('the document came from standard input, so no file was checked')
    return nil
  end

  local arguments = { 'check', '--offline', '--format', 'json' }
  for _, file in ipairs(files) do arguments[#arguments + 1] = file end
  local ran, result = pcall(pandoc.pipe, 'paperlens', arguments, '')
  local report = ran and result or report_of_failed_run(result)
  if not report then
    local why = 'could not check the document (is paperlens on PATH?): ' .. tostring(result)
    if threshold ~= math.huge then error('paperlens: ' .. why, 0) end
    warn(why)
    return nil
  end

  local failing = 0
  for _, d in ipairs(decode_json(report).diagnostics) do
    local rank = RANK[d.severity] or 0
    if rank >= RANK.warning then
      warn(string.format('%s:%d:%d: %s %s: %s', d.path, d.line, d.column, d.severity, d.code, d.message))
    end
    if rank >= threshold then failing = failing + 1 end
  end
  if failing > 0 then
    error(string.format('paperlens: %d finding%s at or above paperlens-fail-on (%s)', failing, failing == 1 and '' or 's', fail_level), 0)
  end
  return nil
end
