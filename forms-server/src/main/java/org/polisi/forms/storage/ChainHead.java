package org.polisi.forms.storage;

/** The newest link of a school's chain. */
public record ChainHead(String school, long lastSeq, String lastHash) {
}
