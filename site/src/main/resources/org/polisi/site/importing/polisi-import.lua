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

function Link(el)
  local out = pandoc.List({ pandoc.RawInline('asciidoc', '\u{27E6}polisi-link ' .. hex(el.target) .. '\u{27E7}') })
  out:extend(words(el.content))
  out:insert(pandoc.RawInline('asciidoc', '\u{27E6}/polisi-link\u{27E7}'))
  return out
end
