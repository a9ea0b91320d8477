-- Pandoc filter run by ./polisi import (site/.../importing/PageImporter.java).
-- The AsciiDoc writer silently drops raw HTML, forms, video and the like. This filter leaves a
-- marker in their place instead, so the importer can say what it could not convert, and where.
local function shorten(text)
  local flat = text:gsub('%s+', ' ')
  if #flat > 80 then flat = flat:sub(1, 77) .. '...' end
  return flat
end

local function closing(text)
  return text:match('^%s*</') ~= nil
end

function RawBlock(el)
  if el.format == 'asciidoc' or closing(el.text) then
    return el.format == 'asciidoc' and el or {}
  end
  return pandoc.RawBlock('asciidoc', '\n// polisi-import: not converted (' .. el.format .. '): ' .. shorten(el.text) .. '\n')
end

function RawInline(el)
  if el.format == 'asciidoc' then return el end
  if closing(el.text) then return {} end
  return pandoc.RawInline('asciidoc', '\u{27E6}polisi-import: ' .. el.format .. ': ' .. shorten(el.text) .. '\u{27E7}')
end

-- The AsciiDoc writer copies the document's words into the page almost as they are, so words
-- that look like AsciiDoc ("// ...", ":Name: ...", "{blank}", a "|" in a cell) would be read as
-- markup. Every word of text is handed over between two private-use marks instead (U+E000, U+E001),
-- untouched by the writer; AsciidocText.java escapes each marked run for where it stands on the
-- line (docs/adr/0103). Image descriptions stay unmarked: they are attribute text, not page text.
local OPEN, CLOSE = '\u{E000}', '\u{E001}'

local function mark(el)
  return pandoc.RawInline('asciidoc', OPEN .. el.text .. CLOSE)
end

local function unmark(inlines)
  local out = {}
  for _, el in ipairs(inlines) do
    if el.t == 'RawInline' and el.text:sub(1, #OPEN) == OPEN then
      table.insert(out, pandoc.Str(el.text:sub(#OPEN + 1, #el.text - #CLOSE)))
    else
      table.insert(out, el)
    end
  end
  return out
end

-- Keep this the script's last statement: with a returned list, pandoc runs these passes in order and
-- ignores global functions, so every filter defined above must be listed in the first pass (a Link
-- filter included, if one is defined: it then sees the link's words before they are marked).
return {
  { RawBlock = RawBlock, RawInline = RawInline, Link = Link },
  { Str = mark },
  { Image = function(el) el.caption = unmark(el.caption); return el end },
}
