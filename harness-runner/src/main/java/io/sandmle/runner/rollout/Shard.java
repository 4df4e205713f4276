package io.sandmle.runner.rollout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count}: the part of an evaluation plan one process runs, so that n processes on n
 * nodes sharing only a file system run the plan between them.
 *
 * <p>The cut: the plan's distinct episode ids in sorted order, the k-th going to shard {@code k mod count}. Sorting
 * makes the cut depend only on which episodes the plan holds (which {@link EvalPlan#fingerprint} pins), not on the
 * order a suite lists its tasks in; taking positions modulo n rather than a hash of the id keeps the shards' sizes
 * within one episode of each other on small plans too, and spreads the seeds of one task (whose episodes cost about
 * the same) over the shards. Together the shards are exactly the plan, each episode in one shard.
 *
 * @param index this shard, from 0
 * @param count how many shards the plan is cut into, at least 1
 */
public record Shard(int index, int count) {

    /** The whole plan in one process (an unsharded run). */
    public static final Shard WHOLE = new Shard(0, 1);
    private static final Pattern TEXT = Pattern.compile("(-?\\d{1,9})/(-?\\d{1,9})");
    private static final Pattern FOLDER = Pattern.compile("(\\d{1,9})-of-(\\d{1,9})");

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + " has " + count + " shards; the "
                    + "number after the slash is how many processes share the plan, at least 1.");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + " names no shard; with " + count
                    + " shards the first number is 0 to " + (count - 1) + " (Slurm's SLURM_ARRAY_TASK_ID).");
        }
    }

    /** Reads {@code i/n}, as {@code --shard} is written. */
    public static Shard parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard '" + text + "' is not of the form i/n (e.g. 0/4 for the first "
                    + "of four shards).");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The shard a folder named by {@link #folderName()} holds; empty for any other name. */
    public static Optional<Shard> ofFolderName(String name) {
        Matcher m = FOLDER.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return count >= 1 && index < count ? Optional.of(new Shard(index, count)) : Optional.empty();
    }

    /** The folder, under {@code <run>/shards/}, that this shard writes its own run store into. */
    public String folderName() {
        return index + "-of-" + count;
    }

    /** This shard's run folder inside the run folder {@code runDir}. */
    public Path folderIn(Path runDir) {
        return runDir.resolve("shards").resolve(folderName());
    }

    /** The episodes of {@code plan} this shard runs, in plan order. */
    public List<EpisodeSpec> select(List<EpisodeSpec> plan) {
        Set<String> mine = new HashSet<>(selectIds(EvalPlan.ids(plan)));
        return plan.stream().filter(s -> mine.contains(s.episodeId())).toList();
    }

    /** The ids of {@code planIds} this shard runs, sorted. */
    public List<String> selectIds(Collection<String> planIds) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(planIds));
        List<String> mine = new ArrayList<>();
        for (int k = index; k < sorted.size(); k += count) {
            mine.add(sorted.get(k));
        }
        return mine;
    }

    /** {@code i/n}, as {@code --shard} is written. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
