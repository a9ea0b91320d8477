package org.polisi.forms.receipts;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.storage.Times;

/**
 * Copies of a receipt by e-mail, queued in the outbox (kind {@value #KIND}) and sent by
 * {@link org.polisi.forms.alerts.AlertDelivery} with the alerts (docs/adr/0060).
 *
 * <p>Offered only where it is true that one will be sent: a mail server is set, and the form is a
 * consent, an agreement, a notice of objection or a withdrawal (an incident report's content never
 * goes by e-mail: ADR 0029). At most {@link #MOST_PER_RECORD} copies per record, so a receipt link
 * cannot be used to send mail to many addresses. The address is stored only in the outbox row, and
 * cleared once the mail server has taken the message, when the record is erased, or
 * {@link #GIVE_UP_AFTER} after it was asked for if it could not be sent by then.
 */
public final class ReceiptCopies {

    /** The outbox's {@code kind} of a receipt copy. */
    public static final String KIND = "receipt";
    /** Most copies one record may be sent. */
    public static final int MOST_PER_RECORD = 3;
    /** How long a copy that cannot be sent is tried before its address is deleted. */
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254 characters. */
    private static final int LONGEST_ADDRESS = 254;
    /** One @, something either side, a dot in the domain, no white space or control characters. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}.]+");
    private static final Set<FormKind> COPIED = Set.of(FormKind.CONSENT, FormKind.AGREEMENT, FormKind.OBJECTION,
            FormKind.WITHDRAWAL);

    private final Jdbi jdbi;
    private final boolean mailConfigured;
    private final Clock clock;

    /** @param mailConfigured whether an SMTP server is set ({@code alerts.smtp-host}): without one nothing is offered */
    public ReceiptCopies(Jdbi jdbi, boolean mailConfigured, Clock clock) {
        this.jdbi = jdbi;
        this.mailConfigured = mailConfigured;
        this.clock = clock;
    }

    /** Whether the receipt page of a record of this form offers a copy by e-mail. */
    public boolean offered(FormDefinition form) {
        return mailConfigured && COPIED.contains(form.kind());
    }

    /** What became of one copy asked for. */
    public enum State { SENT, QUEUED, NOT_SENT }

    /** What became of asking for a copy. */
    public enum Asked { QUEUED, TOO_MANY, NOT_OFFERED }

    /**
     * The address as it will be used: NFC, white space at either end removed (as HTML's value
     * sanitisation for {@code type=email} does); empty when it is not one address a mail server takes.
     */
    public static Optional<String> address(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
        if (address.isEmpty() || address.length() > LONGEST_ADDRESS || !ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            new jakarta.mail.internet.InternetAddress(address, true).validate();
            return Optional.of(address);
        } catch (jakarta.mail.internet.AddressException notAnAddress) {
            return Optional.empty();
        }
    }

    /**
     * Queues a copy of record {@code reference} of {@code form} to {@code address} (already checked by
     * {@link #address}), in {@code language}.
     */
    public Asked ask(String school, FormDefinition form, String reference, String address, String language) {
        if (!offered(form)) {
            return Asked.NOT_OFFERED;
        }
        return jdbi.inTransaction(handle -> {
            int already = handle.createQuery("SELECT count(*) FROM outbox WHERE kind = :kind AND school = :school "
                            + "AND reference = :reference")
                    .bind("kind", KIND).bind("school", school).bind("reference", reference).mapTo(Integer.class).one();
            if (already >= MOST_PER_RECORD) {
                return Asked.TOO_MANY;
            }
            handle.createUpdate("""
                            INSERT INTO outbox (school, kind, recipient_role, reference, raised_by, category, raised_at,
                                                recipient_address, language)
                            VALUES (:school, :kind, '', :reference, NULL, '', :at, :address, :language)""")
                    .bind("school", school).bind("kind", KIND).bind("reference", reference)
                    .bind("at", Times.format(clock.instant())).bind("address", address).bind("language", language)
                    .execute();
            return Asked.QUEUED;
        });
    }

    /** Each copy of the record asked for, oldest first: sent, waiting, or given up. */
    public List<State> copies(String school, String reference) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT sent_at, recipient_address FROM outbox
                        WHERE kind = :kind AND school = :school AND reference = :reference ORDER BY id""")
                .bind("kind", KIND).bind("school", school).bind("reference", reference)
                .map((row, context) -> row.getString(1) != null ? State.SENT
                        : row.getString(2) != null ? State.QUEUED : State.NOT_SENT)
                .list());
    }

    /**
     * Deletes the address of every copy not sent within {@link #GIVE_UP_AFTER} (the mail server
     * refused it or was unreachable all that time); returns how many. Run before each round of delivery.
     */
    public static int giveUpOld(org.jdbi.v3.core.Handle handle, Instant now) {
        return handle.createUpdate("""
                        UPDATE outbox SET recipient_address = NULL,
                               last_error = 'not sent within ' || :days || ' days: the address was deleted'
                        WHERE kind = :kind AND sent_at IS NULL AND recipient_address IS NOT NULL AND raised_at < :before""")
                .bind("kind", KIND).bind("days", String.valueOf(GIVE_UP_AFTER.toDays()))
                .bind("before", Times.format(now.minus(GIVE_UP_AFTER))).execute();
    }
}
