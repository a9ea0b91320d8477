package org.polisi.site.history;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published history of the {@code content/} folder, read once per build with JGit: for every
 * file under it, each commit of the current branch's first-parent line (the published line: a merge
 * counts once, on the day it was merged) that added, changed or deleted it. Dates and times (to the
 * minute) are the commit's in Europe/London, where the schools are.
 */
public final class ContentHistory implements AutoCloseable {
    /**
     * One commit's change to one file: its text after the commit, {@code null} if the commit deleted
     * it; {@code order} grows from older to newer commits (it is not a time).
     */
    public record FileChange(String commit, LocalDate date, java.time.LocalTime time, long order, String text) {
    }

    private static final ZoneId SCHOOLS = ZoneId.of("Europe/London");

    private final Repository repository;
    private final Path workTree;
    private final String contentPrefix;
    private final Map<String, List<ObjectId[]>> changes = new HashMap<>();
    private final Map<String, RevCommit> commits = new HashMap<>();
    private final Map<String, Long> positions = new HashMap<>();

    private ContentHistory(Repository repository, Path contentDir, List<Path> only) throws IOException {
        this.repository = repository;
        this.workTree = repository.getWorkTree().toPath().toRealPath();
        this.contentPrefix = workTree.relativize(contentDir.toRealPath()).toString().replace('\\', '/');
        List<String> paths = new ArrayList<>();
        for (Path folder : only) {
            Path real = folder.toRealPath();
            if (real.startsWith(workTree)) {
                paths.add(workTree.relativize(real).toString().replace('\\', '/'));
            }
        }
        if (only.isEmpty() || !paths.isEmpty()) {      // none of them in the repository: no changes to read
            read(only.isEmpty() ? null : paths);
        }
    }

    /**
     * The history of {@code contentDir}, or empty when it is not inside a git work tree with at
     * least one commit (a source tree without {@code .git}: the build then shows no history).
     *
     * @throws IOException when a repository is found but cannot be read
     */
    public static Optional<ContentHistory> open(Path contentDir) throws IOException {
        return open(contentDir, List.of());
    }

    /**
     * As {@link #open(Path)}, reading the changes of the files under {@code only} (folders or files
     * inside the content folder that exist now) and no others: a reader of a few files' history
     * (the form files', {@code translation.FormTranslations}) does not walk every file's changes.
     *
     * @param only the folders or files to read; every file of the content folder when empty
     */
    public static Optional<ContentHistory> open(Path contentDir, List<Path> only) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(contentDir.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare() || repository.resolve(Constants.HEAD) == null) {
            repository.close();
            return Optional.empty();
        }
        return Optional.of(new ContentHistory(repository, contentDir, only));
    }

    /** @param only the repository paths to read, {@code null} for the whole content folder */
    private void read(List<String> only) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(repository.resolve(Constants.HEAD)));
            TreeFilter underContent = only != null ? org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(only)
                    : contentPrefix.isEmpty() ? TreeFilter.ALL : PathFilter.create(contentPrefix);
            long newestFirst = 0;
            for (RevCommit commit : walk) {
                positions.put(commit.name(), -newestFirst++);
                try (TreeWalk tree = new TreeWalk(reader)) {
                    tree.setRecursive(true);
                    if (commit.getParentCount() > 0) {
                        tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                    } else {
                        tree.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
                    }
                    tree.addTree(commit.getTree());
                    tree.setFilter(AndTreeFilter.create(underContent, TreeFilter.ANY_DIFF));
                    while (tree.next()) {
                        commits.put(commit.name(), commit);
                        changes.computeIfAbsent(tree.getPathString(), p -> new ArrayList<>())
                                .add(0, new ObjectId[]{commit.copy(), tree.getObjectId(1).copy()});
                    }
                }
            }
        }
    }

    /** The repository path of a file in the work tree ({@code content/schools/x/en/p.adoc}), or empty if outside it. */
    public Optional<String> pathOf(Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(workTree) ? Optional.of(workTree.relativize(real).toString().replace('\\', '/')) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The commits that changed {@code repositoryPath}, oldest first, with the file's text after each. */
    public List<FileChange> changesOf(String repositoryPath) throws IOException {
        List<FileChange> list = new ArrayList<>();
        for (ObjectId[] change : changes.getOrDefault(repositoryPath, List.of())) {
            RevCommit commit = commits.get(change[0].name());
            String text = change[1].equals(ObjectId.zeroId()) ? null
                    : new String(repository.open(change[1]).getBytes(), StandardCharsets.UTF_8);
            java.time.ZonedDateTime when = Instant.ofEpochSecond(commit.getCommitTime()).atZone(SCHOOLS);
            list.add(new FileChange(commit.name(), when.toLocalDate(), when.toLocalTime().withSecond(0).withNano(0),
                    positions.get(commit.name()), text));
        }
        return list;
    }

    /**
     * Writes the content folder as it was at {@code commit} into {@code target} (which must not
     * exist yet), so the build's own loader and fork resolver can read that version.
     */
    public void writeContentAt(String commit, Path target) throws IOException {
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
            tree.setRecursive(true);
            if (!contentPrefix.isEmpty()) {
                tree.setFilter(PathFilter.create(contentPrefix));
            }
            while (tree.next()) {
                String relative = contentPrefix.isEmpty() ? tree.getPathString()
                        : tree.getPathString().substring(contentPrefix.length() + 1);
                Path file = target.resolve(relative);
                Files.createDirectories(file.getParent());
                Files.write(file, repository.open(tree.getObjectId(0)).getBytes());
            }
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
