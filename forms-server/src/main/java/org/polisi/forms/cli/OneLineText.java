package org.polisi.forms.cli;

import org.polisi.forms.text.TypedText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The text policy of a one-line answer (ADR 0022, ADR 0098) for every option of the command line
 * whose text is stored or looked up in the database: a person's name ({@code user add --name}), who
 * asked or made a change ({@code --by}), why ({@code erase --because}), an address, a school, a
 * reference, a form, a person searched for. (A NUL in a value looked up made PostgreSQL's driver
 * fail with an exception instead of a message.) The web refuses a line break in a one-line field and removes other
 * control characters; a person typing a command can type it again, so here every control character
 * is refused with a message that says which and where, rather than removed: a stored {@code --by}
 * of "Ann", CR, LF, "X", ESC, "[31m" would reach a terminal or a line-based file as a forged line or
 * an escape sequence (tester 5's fault 8).
 *
 * <p>Input: the option's value as the shell passed it. Output: the value in Unicode normalisation
 * form C (UAX #15), otherwise as typed. Refused (picocli prints the message and the command exits
 * with 2, storing nothing): a control character (Unicode category Cc: C0 with tab, CR and LF, DEL,
 * C1), U+2028 or U+2029, a lone surrogate, or a value with no visible character.
 */
public final class OneLineText implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new TypeConversionException("it holds " + described(c) + " at character " + (i + 1)
                        + ": give it on one line, with no control characters");
            }
        }
        if (TypedText.hasLoneSurrogate(value)) {
            throw new TypeConversionException("it is not valid text (a lone UTF-16 surrogate)");
        }
        String text = TypedText.normalise(value);
        if (!TypedText.hasVisibleCharacter(text)) {
            throw new TypeConversionException("it shows no character: give a name or words");
        }
        return text;
    }

    private static String described(char c) {
        return switch (c) {
            case '\n' -> "a line feed";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            case '\u001b' -> "an escape character (U+001B)";
            default -> "the control character U+" + String.format("%04X", (int) c);
        };
    }
}
