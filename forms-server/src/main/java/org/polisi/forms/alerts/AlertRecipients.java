package org.polisi.forms.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.StaffRole;
import org.polisi.forms.intake.OutboxDao;

/**
 * Who an alert to a role really reaches: the school's active (not disabled) accounts with that role,
 * or, when it has none, its active headteachers in that role's place, or nobody. The one decision
 * behind the e-mail's recipients, its "why you received this" sentence, the reporter's confirmation
 * and the serve/dashboard warnings, so that none of them says a role was alerted when the outbox
 * sends it elsewhere (tester 3's fault 3; ADR 0089).
 */
public final class AlertRecipients {

    private final Jdbi jdbi;

    public AlertRecipients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Where an alert to one role goes.
     *
     * @param askedRole     the account word of the role the form's {@code notify} names
     * @param deliveredRole the account word of the role whose accounts get it: {@code askedRole}, or
     *                      {@code headteacher} in its place; empty when nobody can get it
     * @param emails        their addresses now (empty when nobody can get it, and in the record of an
     *                      alert already sent, which keeps no addresses)
     */
    public record Resolution(String askedRole, Optional<String> deliveredRole, List<String> emails) {

        /** Whether the alert goes to someone other than the role asked for (the headteacher in its place). */
        public boolean inPlace() {
            return deliveredRole.isPresent() && !deliveredRole.get().equals(askedRole);
        }

        /** Whether nobody active holds the role asked for (then it is told in person, whoever gets the e-mail). */
        public boolean roleUnheld() {
            return deliveredRole.isEmpty() || inPlace();
        }
    }

    /**
     * The roles the forms alert (their {@code notify}, every and urgent report) that no active account
     * of the school holds, as account words in the forms' order: their alerts go to the headteacher
     * (or nobody), which serve's log and the dashboard say (fault 3).
     */
    public List<String> unheld(String school, List<org.polisi.contract.FormDefinition> forms) {
        return forms.stream().flatMap(form -> java.util.stream.Stream.concat(form.alerts().incident().stream(),
                        form.alerts().urgent().stream()))
                .map(role -> StaffRole.fromFormWord(role).map(StaffRole::word).orElse(role)).distinct()
                .filter(role -> resolve(school, role).roleUnheld()).toList();
    }

    /**
     * One e-mail about one report: the addresses that get it (each exactly once for the report,
     * tester 4's fault 7), the roles they hold that the report alerts, and the roles nobody active
     * holds that they receive it in place of (ADR 0094).
     *
     * @param emails   the addresses, as stored, in order; never two that differ only in case
     * @param asRoles  the account words of the roles these addresses receive it as (their own roles)
     * @param inPlaceOf the account words of the alerted roles nobody active holds, which they stand in for
     * @param covers   every alerted role (account word) this e-mail answers for
     */
    public record Letter(List<String> emails, List<String> asRoles, List<String> inPlaceOf, List<String> covers) {
    }

    /**
     * The e-mails one report's alerts make: its roles resolved ({@link #resolve}) and their addresses
     * merged, so that a person who is alerted for several roles (the headteacher as themselves and in
     * place of an unheld role, or in place of two) gets one e-mail saying all of them. Addresses are
     * compared without regard to case (RFC 5321 leaves the local part's case to the receiving
     * server, but staff addresses are unique without it: ADR 0049). Addresses alerted for the same
     * roles share one e-mail, as before.
     *
     * @param school the school's id
     * @param askedRoles the roles (account words) of the report's unsent alerts; repeats are one
     * @return the e-mails, in the order of their first role; a role nobody can get is in none
     */
    public List<Letter> letters(String school, List<String> askedRoles) {
        Map<String, String> addresses = new LinkedHashMap<>();
        Map<String, Set<String>> as = new HashMap<>();
        Map<String, Set<String>> inPlace = new HashMap<>();
        Map<String, Set<String>> covers = new HashMap<>();
        for (String role : new LinkedHashSet<>(askedRoles)) {
            Resolution resolution = resolve(school, role);
            for (String email : resolution.emails()) {
                String key = org.polisi.forms.staff.EmailKey.of(email);     // one person however the address is spelt (ADR 0107)
                addresses.putIfAbsent(key, email);
                as.computeIfAbsent(key, any -> new LinkedHashSet<>()).add(resolution.deliveredRole().orElseThrow());
                covers.computeIfAbsent(key, any -> new LinkedHashSet<>()).add(role);
                if (resolution.inPlace()) {
                    inPlace.computeIfAbsent(key, any -> new LinkedHashSet<>()).add(role);
                }
            }
        }
        Map<List<List<String>>, List<String>> grouped = new LinkedHashMap<>();
        addresses.forEach((key, email) -> grouped.computeIfAbsent(List.of(List.copyOf(as.get(key)),
                        List.copyOf(inPlace.getOrDefault(key, Set.of())), List.copyOf(covers.get(key))),
                any -> new ArrayList<>()).add(email));
        return grouped.entrySet().stream().map(entry -> new Letter(List.copyOf(entry.getValue()),
                entry.getKey().get(0), entry.getKey().get(1), entry.getKey().get(2))).toList();
    }

    /** Resolves the role (an account word, e.g. {@code online-safety-coordinator}) at the school, reading the accounts now. */
    public Resolution resolve(String school, String role) {
        return jdbi.withExtension(OutboxDao.class, outbox -> {
            List<String> holders = outbox.staffEmails(school, role);
            if (!holders.isEmpty()) {
                return new Resolution(role, Optional.of(role), holders);
            }
            String head = StaffRole.HEADTEACHER.word();
            List<String> heads = role.equals(head) ? List.of() : outbox.staffEmails(school, head);
            return heads.isEmpty() ? new Resolution(role, Optional.empty(), List.of())
                    : new Resolution(role, Optional.of(head), heads);
        });
    }
}
