-- Several short documents of one plan in one pandoc process (runs first, before layout.lua).
--
-- plancompiler gives pandoc the Markdown files of documents that share their options (the same
-- formats and layout: no table of contents, no page per section); pandoc reads them as one text.
-- Each document starts with its title, the only level-1 heading it has. This filter splits the text
-- there, hands the first document on to the other filters and pandoc's own writer, and makes every
-- further one itself, exactly as the command line makes the first: layout.lua, also_html.lua (the
-- HTML, when asked for), then pandoc's DOCX writer with the same writer options. The targets come
-- from PLANCOMPILER_BUNDLE: a JSON list of [docx path, html path or "", page title] per further
-- document, all plancompiler's own. The start of a pandoc process costs about as much as converting
-- a short document; this saves it for all but one. Nothing from a plan becomes code or a path.

local dir = PANDOC_SCRIPT_FILE:match("^(.*[/\\])") or ""

-- A filter file of plancompiler's, loaded into a table of its own (its global Pandoc stays there).
local function load(name)
  local env = setmetatable({}, {__index = _G})
  assert(loadfile(dir .. name, "t", env))()
  return env
end

local function write_file(path, data)
  local fh = assert(io.open(path, "wb"))
  fh:write(data)
  fh:close()
end

function Pandoc(doc)
  local spec = os.getenv("PLANCOMPILER_BUNDLE")
  if spec == nil or spec == "" then
    return doc
  end
  local further = pandoc.json.decode(spec, false)
  local parts = {}
  for _, block in ipairs(doc.blocks) do
    if block.t == "Header" and block.level == 1 then
      parts[#parts + 1] = pandoc.Blocks({})
    end
    if #parts == 0 then
      error("plancompiler: het eerste document begint niet met zijn titel")
    end
    parts[#parts]:insert(block)
  end
  if #parts ~= #further + 1 then
    error("plancompiler: " .. (#further + 1) .. " documenten verwacht, maar " .. #parts .. " titels gevonden")
  end
  local layout, also_html = load("layout.lua"), load("also_html.lua")
  for i, target in ipairs(further) do
    local one = doc:clone()
    one.blocks = parts[i + 1]
    if target[3] ~= "" then
      one.meta.pagetitle = target[3]
    end
    one = layout.Pandoc(one)
    if target[2] ~= "" then
      also_html.write_html(one, target[2])
    end
    write_file(target[1], pandoc.write(one, "docx", PANDOC_WRITER_OPTIONS))
  end
  doc.blocks = parts[1]
  return doc
end
