-- Write the document a second time, as standalone HTML, from the same parse.
-- plancompiler runs `pandoc --sandbox ... -o X.docx --lua-filter=also_html.lua` with the HTML target
-- in PLANCOMPILER_HTML_OUT: one pandoc process and one Markdown parse per document instead of two.
-- Word gets the figures as PNG; in the HTML each figure is swapped for its SVG, which plancompiler
-- wrote as a data URI to PLANCOMPILER_FIGURES/<title>.svg-uri (the image title is plancompiler's own
-- word for the figure). This file is plancompiler's own; nothing from a plan becomes code or a path.

local function svg_for(title)
  local dir = os.getenv("PLANCOMPILER_FIGURES")
  if dir == nil or dir == "" or not title:match("^[a-z]+$") then
    return nil
  end
  local fh = io.open(dir .. "/" .. title .. ".svg-uri", "rb")
  if fh == nil then
    return nil
  end
  local uri = fh:read("a")
  fh:close()
  return uri
end

-- A page break: the templates write an empty div with class "nieuwe-pagina" (no raw markup in the
-- Markdown). Word gets a page break; the HTML a div that print CSS breaks before.
local PAGE_BREAK_DOCX = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

function Div(div)
  if div.classes:includes("nieuwe-pagina") and FORMAT == "docx" then
    return pandoc.RawBlock("openxml", PAGE_BREAK_DOCX)
  end
  return nil
end

local function html_page_break(block)
  if block.format == "openxml" and block.text == PAGE_BREAK_DOCX then
    return pandoc.Div({}, pandoc.Attr("", {"nieuwe-pagina"}, {{"style", "break-before: page"}}))
  end
  return nil
end

function Pandoc(doc)
  local target = os.getenv("PLANCOMPILER_HTML_OUT")
  if target == nil or target == "" then
    return doc
  end
  local html_doc = doc:walk({
    RawBlock = html_page_break,
    Image = function(img)
      local uri = svg_for(img.title)
      if uri ~= nil then
        img.src = uri
      end
      return img
    end,
  })
  local template = pandoc.template.compile(pandoc.template.default("html5"))
  local html = pandoc.write(html_doc, "html5", {template = template})
  local fh = assert(io.open(target, "wb"))
  fh:write(html)
  fh:close()
  return doc
end
