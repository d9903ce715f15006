-- Write the document a second time, as standalone HTML, from the same parse.
-- plancompiler runs `pandoc --sandbox ... -o X.docx --lua-filter=also_html.lua` with the HTML target
-- in PLANCOMPILER_HTML_OUT: one pandoc process and one Markdown parse per document instead of two.
-- This file is plancompiler's own; nothing from a plan ever becomes Lua code or a path here.
function Pandoc(doc)
  local target = os.getenv("PLANCOMPILER_HTML_OUT")
  if target == nil or target == "" then
    return doc
  end
  local template = pandoc.template.compile(pandoc.template.default("html5"))
  local html = pandoc.write(doc, "html5", {template = template})
  local fh = assert(io.open(target, "wb"))
  fh:write(html)
  fh:close()
  return doc
end
