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
