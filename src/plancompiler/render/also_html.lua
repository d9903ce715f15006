-- HTML for plancompiler: its own stylesheet embedded, columns sized by their content, and, when the
-- main output is a DOCX, the same document written a second time as standalone HTML from one parse.
--
-- plancompiler runs `pandoc --sandbox ... -o X.docx --lua-filter=layout.lua --lua-filter=also_html.lua`
-- with the HTML target in PLANCOMPILER_HTML_OUT: one pandoc process and one Markdown parse per document
-- instead of two. For an HTML-only build (`-t html`) this filter only prepares the document.
-- Word gets the figures as PNG; in the HTML each figure is swapped for its SVG, which plancompiler
-- wrote as a data URI to PLANCOMPILER_FIGURES/<title>.svg-uri (the image title is plancompiler's own
-- word for the figure). The stylesheet is the file PLANCOMPILER_CSS. This file is plancompiler's own;
-- nothing from a plan becomes code or a path.

local function read_file(path)
  local fh = io.open(path, "rb")
  if fh == nil then
    return nil
  end
  local data = fh:read("a")
  fh:close()
  return data
end

local function svg_for(title)
  local dir = os.getenv("PLANCOMPILER_FIGURES")
  if dir == nil or dir == "" or not title:match("^[a-z]+$") then
    return nil
  end
  return read_file(dir .. "/" .. title .. ".svg-uri")
end

-- The stylesheet, and no fixed column widths (pandoc derives them from the Markdown source's dashes;
-- the browser does better from the content, with the stylesheet's full-width tables).
local function for_html(doc)
  local path = os.getenv("PLANCOMPILER_CSS")
  local css = path and path ~= "" and read_file(path) or nil
  if css ~= nil then
    doc.meta["header-includes"] = pandoc.MetaBlocks({pandoc.RawBlock("html", "<style>\n" .. css .. "</style>")})
    doc.meta["document-css"] = false -- pandoc's own stylesheet (a 36em column) is replaced, not added to
  end
  doc.meta.author = nil -- the gemeente is already in the title block
  local shift = doc.meta["plancompiler-shifted"] and 1 or 0 -- undo layout.lua's shift for Word
  doc.meta["plancompiler-shifted"] = nil
  if shift == 1 then
    doc.meta["plancompiler-toc-shift"] = true
  end
  -- a document whose sections each start a new page in Word (docx_layout.LAYOUT, the draaiboek: one
  -- activity per page) gets the same breaks in print: every section after the first
  local new_pages = os.getenv("PLANCOMPILER_NEW_PAGES") == "1"
  local sections = 0
  return doc:walk({
    Header = function(h)
      h.level = h.level + shift
      if new_pages and h.level == 2 then
        sections = sections + 1
        if sections > 1 then
          h.attributes["style"] = "break-before: page"
        end
      end
      return h
    end,
    Table = function(tbl)
      for i, spec in ipairs(tbl.colspecs) do
        tbl.colspecs[i] = {spec[1], pandoc.ColWidthDefault}
      end
      return tbl
    end,
  })
end

-- Write `doc` (as the DOCX gets it) as standalone HTML to `target`; bundle.lua calls this too.
function write_html(doc, target)
  local html_doc = for_html(doc:walk({
    Image = function(img)
      local uri = svg_for(img.title)
      if uri ~= nil then
        img.src = uri
      end
      return img
    end,
  }))
  local options = {template = pandoc.template.compile(pandoc.template.default("html5"))}
  if PANDOC_WRITER_OPTIONS.table_of_contents then
    options.table_of_contents = true
    -- the sections go back to <h2> under the title's <h1> (for_html): one level deeper
    options.toc_depth = PANDOC_WRITER_OPTIONS.toc_depth + (html_doc.meta["plancompiler-toc-shift"] and 1 or 0)
  end
  local html = pandoc.write(html_doc, "html5", options)
  local fh = assert(io.open(target, "wb"))
  fh:write(html)
  fh:close()
end

function Pandoc(doc)
  if FORMAT:match("html") then
    return for_html(doc)
  end
  local target = os.getenv("PLANCOMPILER_HTML_OUT")
  if target ~= nil and target ~= "" then
    write_html(doc, target)
  end
  return doc
end
