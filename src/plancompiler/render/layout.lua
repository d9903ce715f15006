-- Page layout for plancompiler's DOCX and HTML (runs before also_html.lua, under --sandbox).
--
-- * Title block: the document's first level-1 heading becomes the title (metadata `title`, so Word's
--   title property and pandoc's title block carry it), and the paragraph (or bullet list) of
--   "**Label:** value" lines right under it (gemeente, periode, datum, versie) becomes the title
--   block's detail lines, followed by the status the build passes (`status`). In Word the other
--   headings move up one level (also_html.lua moves them back for HTML). plancompiler's DOCX
--   post-processing (docx_layout.py) puts the title block on a page of its own.
-- * Figures: numbered captions ("Figuur 1. ...") from the short caption the build passes per figure
--   (`bijschrift-<naam>`), while the long description stays the image's alt text.
-- * Figure data: the Markdown refers to each figure by its path in the output folder; the figure's
--   data URI, which plancompiler wrote to PLANCOMPILER_FIGURES/<title>.png-uri (Word) or .svg-uri
--   (HTML), takes its place, so pandoc (in --sandbox) reads no file and the Markdown stays small.
-- Only metadata plancompiler set and plancompiler's own files are read; plan text stays text.

local stringify = pandoc.utils.stringify

-- The data URI of a figure (the image title is plancompiler's own word for it), or nil when the
-- build passes no figures folder. A figure the folder lacks is an error: no document without it.
local function figure_source(title, kind)
  local dir = os.getenv("PLANCOMPILER_FIGURES")
  if dir == nil or dir == "" or title == nil or not title:match("^[a-z]+$") then
    return nil
  end
  local fh = io.open(dir .. "/" .. title .. "." .. kind .. "-uri", "rb")
  if fh == nil then
    error("plancompiler: de gegevens van figuur '" .. title .. "' ontbreken")
  end
  local data = fh:read("a")
  fh:close()
  return data
end

local function figure_sources(doc)
  local kind = FORMAT:match("html") and "svg" or "png"
  doc.blocks = doc.blocks:walk({
    Image = function(img)
      local uri = figure_source(img.title, kind)
      if uri ~= nil then
        img.src = uri
        return img
      end
    end,
  })
end

local function is_label_para(block)
  if block == nil or block.t ~= "Para" then
    return false
  end
  local first = block.content[1]
  return first ~= nil and first.t == "Strong" and stringify(first):match(":$") ~= nil
end

-- A bullet list of "**Label:** value" items (the same details, written as a list) as one run of lines.
local function label_list_inlines(block)
  if block == nil or block.t ~= "BulletList" then
    return nil
  end
  local out = pandoc.Inlines({})
  for i, item in ipairs(block.content) do
    if #item ~= 1 or not (item[1].t == "Plain" or item[1].t == "Para") or not is_label_para(pandoc.Para(item[1].content)) then
      return nil
    end
    if i > 1 then
      out:insert(pandoc.LineBreak())
    end
    out:extend(item[1].content)
  end
  return out
end

local function title_block(doc)
  local blocks = doc.blocks
  local meta = doc.meta
  if meta.title ~= nil or #blocks == 0 or blocks[1].t ~= "Header" or blocks[1].level ~= 1 then
    return
  end
  meta.title = pandoc.MetaInlines(blocks[1].content)
  blocks:remove(1)
  local details = pandoc.Inlines({})
  if is_label_para(blocks[1]) then
    details = blocks[1].content
    blocks:remove(1)
  elseif label_list_inlines(blocks[1]) ~= nil then
    details = label_list_inlines(blocks[1])
    blocks:remove(1)
  end
  local status = meta.status and stringify(meta.status) or ""
  if status ~= "" and not stringify(details):match("Status:") then
    if #details > 0 then
      details:insert(pandoc.LineBreak())
    end
    details:insert(pandoc.Strong({pandoc.Str("Status:")}))
    details:insert(pandoc.Space())
    details:insert(pandoc.Str(status))
  end
  if #details > 0 then
    meta.date = pandoc.MetaInlines(details)
  end
  -- the title was the only level-1 heading: in Word the sections move up one level (Heading 1, which
  -- the table of contents and the navigation pane expect); HTML keeps <h2> under the title's <h1>
  if not FORMAT:match("html") then
    doc.meta["plancompiler-shifted"] = true
    doc.blocks = doc.blocks:walk({
      Header = function(h)
        h.level = math.max(1, h.level - 1)
        return h
      end,
    })
  end
end

local function number_figures(doc)
  local n = 0
  local meta = doc.meta
  doc.blocks = doc.blocks:walk({
    Figure = function(fig)
      n = n + 1
      if stringify(fig.caption.long):match("^Figuur %d") then
        return fig -- numbered in the Markdown already
      end
      local name = nil
      local alt = nil
      fig.content:walk({
        Image = function(img)
          name = name or img.title
          alt = alt or img.attributes.alt or stringify(img.caption)
        end,
      })
      local short = name and meta["bijschrift-" .. name]
      local label = pandoc.Inlines({pandoc.Str("Figuur"), pandoc.Space(), pandoc.Str(tostring(n) .. ".")})
      local text
      if short ~= nil then
        text = pandoc.Inlines(short)
      else
        text = pandoc.utils.blocks_to_inlines(fig.caption.long)
      end
      label:insert(pandoc.Space())
      label:extend(text)
      fig.caption = {long = {pandoc.Plain(label)}}
      if alt ~= nil and alt ~= "" then
        fig.content = fig.content:walk({
          Image = function(img)
            img.attributes.alt = alt
            return img
          end,
        })
      end
      return fig
    end,
  })
end

function Pandoc(doc)
  figure_sources(doc)
  title_block(doc)
  number_figures(doc)
  return doc
end
