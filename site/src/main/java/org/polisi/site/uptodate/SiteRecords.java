package org.polisi.site.uptodate;

import org.polisi.site.BuildOptions;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.RecordFields;
import org.polisi.site.render.Sealed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-site check (docs/adr/0067-per-school-builds.md): which sites a build may keep as they
 * are published, without loading, composing, rendering, checking or publishing them again, and the
 * record of each for the next build. One file in the build cache's folder
 * ({@code site/target/cache/site-records}), sealed ({@link Sealed}) after a format mark and
 * written whole or not at all; one that cannot be read whole is ignored and every site is built.
 *
 * <p>A site is kept when (1) what every site shares is what the last build read, (2) its own
 * inputs ({@link SiteInputs}) are too, (3) its published folder, forms manifest and archive of
 * agreed texts are exactly as that build left them ({@link OutputListing}), (4) that build
 * published it and recorded it (a record is written only for a published site, and only when every
 * problem of the build lay in the own folder of one site, so each site's findings are its own), and
 * (5) every other site its pages link to is kept as well (a link into a rebuilt or removed site is
 * checked again). {@code --release} and {@code --school} builds keep nothing.
 */
public final class SiteRecords {
    /** The records' file name in the cache folder. */
    public static final String FILE = "site-records";
    private static final String MARK = "polisi-site-records/1";

    private final Path file;
    private final BuildOptions options;
    private final SiteInputs inputs;

    private SiteRecords(Path file, BuildOptions options, SiteInputs inputs) {
        this.file = file;
        this.options = options;
        this.inputs = inputs;
    }

    /**
     * Fingerprints every site's inputs now.
     *
     * @param cacheDir the build cache's folder, where the records are kept
     * @return the check, or empty when the build keeps nothing ({@code --release}, {@code --school},
     *         or an input that cannot be read: the build then reports why)
     */
    public static Optional<SiteRecords> before(Path cacheDir, BuildOptions options) {
        if (options.release() || !options.schools().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SiteRecords(cacheDir.resolve(FILE), options, SiteInputs.of(options)));
        } catch (UncheckedIOException | SecurityException unreadable) {
            return Optional.empty();
        }
    }

    /** The fingerprint of site {@code id}'s inputs as this build read them (empty: no such folder). */
    public Optional<String> inputsOf(String id) {
        return inputs.of(id);
    }

    /** The records of the sites this build may keep as published, by site id, in the last build's order. */
    public Map<String, SiteRecord> unchanged() {
        List<SiteRecord> stored = read();
        Map<String, SiteRecord> kept = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (SiteRecord record : stored) {
            known.add(record.id());
            if (inputs.of(record.id()).equals(Optional.of(record.inputs()))
                    && OutputListing.of(outputs(options, record.id())).equals(record.outputs())) {
                kept.put(record.id(), record);
            }
        }
        boolean dropped = true;
        while (dropped) {      // a site linking into one that is built again is checked again, and so on
            dropped = kept.values().removeIf(record -> record.linksTo().stream()
                    .anyMatch(site -> (known.contains(site) || inputs.of(site).isPresent()) && !kept.containsKey(site)));
        }
        return kept;
    }

    /**
     * Stores {@code records} (the published sites' records, with this build's fingerprints), each
     * with its output listed as it is now; a site whose inputs changed while the build ran is left
     * out, and nothing is stored when what the sites share changed. A record that cannot be written
     * only costs the next build its shortcut.
     */
    public void record(List<SiteRecord> records) {
        try {
            Files.deleteIfExists(file);
            SiteInputs after = SiteInputs.of(options);
            if (!after.shared().equals(inputs.shared())) {
                return;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MARK);
            RecordFields.string(out, inputs.shared());
            List<SiteRecord> current = records.stream().filter(r -> after.of(r.id()).equals(Optional.of(r.inputs()))).toList();
            out.writeInt(current.size());
            for (SiteRecord record : current) {
                record.withOutputs(OutputListing.of(outputs(options, record.id()))).write(out);
            }
            out.flush();
            FileTrees.writeAtomically(file, Sealed.seal(bytes.toByteArray()));
        } catch (IOException | RuntimeException cannotRecord) {
            // the next build builds every site
        }
    }

    /** The stored records when they are whole, of this format and of the same shared inputs; otherwise none. */
    private List<SiteRecord> read() {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (IOException | RuntimeException absentOrUnreadable) {
            return List.of();
        }
        return Sealed.open(stored).map(body -> {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
                if (!MARK.equals(in.readUTF()) || !RecordFields.string(in).equals(inputs.shared())) {
                    return List.<SiteRecord>of();
                }
                List<SiteRecord> records = new ArrayList<>();
                for (int i = RecordFields.count(in); i > 0; i--) {
                    records.add(SiteRecord.read(in));
                }
                return in.available() == 0 ? records : List.<SiteRecord>of();
            } catch (IOException | RuntimeException damaged) {
                return List.<SiteRecord>of();
            }
        }).orElse(List.of());
    }

    /** What a site publishes for others: its folder, its forms manifest and its archive of agreed texts. */
    static List<Path> outputs(BuildOptions options, String id) {
        return List.of(options.outputDir().resolve(id), options.manifestsDir().resolve(id + ".json"),
                options.agreedTextsDir().resolve(id));
    }
}
