package org.polisi.site.fork;

import org.polisi.site.content.SourceLine;

import java.util.List;

/**
 * One change a school makes to a template page: {@code // polisi: replace roles template=3f2a9c1b7d0e}
 * and the lines that follow it, up to the next directive.
 */
public record Directive(Operation operation, String sectionId, String recordedHash, SourceLine line, List<SourceLine> content) {

    public enum Operation {
        REPLACE("replace"), REMOVE("remove"), INSERT_BEFORE("insert-before"), INSERT_AFTER("insert-after"), APPEND("append");

        private final String word;

        Operation(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean needsSection() {
            return this != APPEND;
        }

        public boolean recordsHash() {
            return this == REPLACE || this == REMOVE;
        }

        public static Operation fromWord(String word) {
            for (Operation operation : values()) {
                if (operation.word.equals(word)) {
                    return operation;
                }
            }
            return null;
        }
    }
}
