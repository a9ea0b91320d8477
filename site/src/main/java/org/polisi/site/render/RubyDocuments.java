package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.ast.Document;
import org.asciidoctor.jruby.ast.impl.NodeConverter;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.asciidoctor.jruby.internal.RubyHashUtil;
import org.jcodings.specific.UTF8Encoding;
import org.jruby.Ruby;
import org.jruby.RubyString;
import org.jruby.runtime.builtin.IRubyObject;
import org.jruby.util.ByteList;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code Asciidoctor.load} as AsciidoctorJ 2.5's {@code JRubyAsciidoctor.load(String, Map)} calls
 * it (the options as a Ruby hash with symbol keys, the result wrapped as an AST node), with one
 * difference: the source reaches Ruby as the UTF-8 bytes of {@link String#getBytes}, where
 * AsciidoctorJ's {@code Ruby.newString(String)} encodes it through a {@code CharBuffer} one
 * character at a time (JRuby 9.4's {@code RubyEncoding.doEncodeUTF8}). Both give a Ruby string
 * of the same bytes in UTF-8; this one costs a fraction of the CPU, which on a 100-school build
 * (4,242 pages, each with its ~250 header attributes) was about 5 % of the build's (docs/adr/0086).
 */
final class RubyDocuments {
    private RubyDocuments() {
    }

    /**
     * @param asciidoctor the instance whose JRuby runtime converts
     * @param source      a whole AsciiDoc document (the caller's text; nothing is read from disk here)
     * @param options     Asciidoctor's options, as {@code OptionsBuilder.asMap()} gives them
     * @return the parsed document, as {@code Asciidoctor.load} returns it
     */
    static Document load(Asciidoctor asciidoctor, String source, Map<String, Object> options) {
        Ruby ruby = JRubyRuntimeContext.get(asciidoctor);
        IRubyObject text = RubyString.newString(ruby, new ByteList(source.getBytes(StandardCharsets.UTF_8), UTF8Encoding.INSTANCE, false));
        IRubyObject document = ruby.getModule("Asciidoctor").callMethod("load",
                new IRubyObject[] {text, RubyHashUtil.convertMapToRubyHashWithSymbols(ruby, options)});
        return (Document) NodeConverter.createASTNode(document);
    }
}
