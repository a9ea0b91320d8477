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

-- Every link is handed to the importer whole (ImportLinks.java): its address, and the words of its
-- text as the document holds them, each hex-encoded between markers, so that nothing pandoc's
-- AsciiDoc writer does (it escapes only '{') can change them. The importer decides whether the
-- address is a page (the build's own rule, check/SafeSchemes.java) and escapes the words for AsciiDoc.
local function hex(text)
  return (text:gsub('.', function(c) return string.format('%02x', string.byte(c)) end))
end

local FORMATTED = { Emph = true, Strong = true, Underline = true, Strikeout = true, Superscript = true,
  Subscript = true, SmallCaps = true, Span = true, Quoted = true }

local function words(inlines)
  local out = pandoc.List()
  for _, el in ipairs(inlines) do
    if el.t == 'Str' then
      out:insert(pandoc.RawInline('asciidoc', '\u{27E6}polisi-words ' .. hex(el.text) .. '\u{27E7}'))
    elseif el.t == 'Space' then
      out:insert(pandoc.RawInline('asciidoc', '\u{27E6}polisi-words 20\u{27E7}'))
    elseif el.t == 'Code' then
      out:insert(pandoc.RawInline('asciidoc', '`\u{27E6}polisi-words ' .. hex(el.text) .. '\u{27E7}`'))
    else
      if FORMATTED[el.t] then el.content = words(el.content) end
      out:insert(el)
    end
  end
  return out
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

function Link(el)
  local out = pandoc.List({ pandoc.RawInline('asciidoc', '\u{27E6}polisi-link ' .. hex(el.target) .. '\u{27E7}') })
  out:extend(words(el.content))
  out:insert(pandoc.RawInline('asciidoc', '\u{27E6}/polisi-link\u{27E7}'))
  return out
end

-- The AsciiDoc writer drops a table's merged cells (ColSpan, RowSpan): it prints the grid with an empty
-- cell wherever a merged cell reaches. In a table with any merge, every cell the document has starts with
-- a marker giving its row span, column span and whether it is in a header row ('h') or not ('b'); a grid
-- place with no marker is covered by a merged cell. AsciidocTable.java puts the merges back (docs/adr/0108).
local SPAN = '\u{27E6}polisi-span %d %d %s\u{27E7}'

local function merged(rows)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      if cell.row_span > 1 or cell.col_span > 1 then return true end
    end
  end
  return false
end

local function markRows(rows, head)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      local marker = pandoc.RawInline('asciidoc', string.format(SPAN, cell.row_span, cell.col_span, head and 'h' or 'b'))
      local first = cell.contents[1]
      if first and (first.t == 'Plain' or first.t == 'Para') then
        first.content:insert(1, marker)
      else
        cell.contents:insert(1, pandoc.Plain({ marker }))
      end
    end
  end
end

function Table(el)
  local any = merged(el.head.rows) or merged(el.foot.rows)
  for _, body in ipairs(el.bodies) do
    any = any or merged(body.head) or merged(body.body)
  end
  if not any then return nil end
  markRows(el.head.rows, true)
  for _, body in ipairs(el.bodies) do
    markRows(body.head, true)
    markRows(body.body, false)
  end
  markRows(el.foot.rows, false)
  return el
end

-- Keep this the script's last statement: with a returned list, pandoc runs these passes in order and
-- ignores global functions, so every filter defined above must be listed in the first pass (a Link
-- filter included, if one is defined: it then sees the link's words before they are marked).
return {
  { RawBlock = RawBlock, RawInline = RawInline, Link = Link, Table = Table },
  { Str = mark },
  { Image = function(el) el.caption = unmark(el.caption); return el end },
}
