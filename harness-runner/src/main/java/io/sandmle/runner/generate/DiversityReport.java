package io.sandmle.runner.generate;

import io.sandmle.api.Task;
import io.sandmle.api.TaskDna;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How diverse a generation run is: kept tasks per modality, task type, metric and domain, and how far the
 * output's mix follows the seeds' (total variation distance, 0 = identical mix, 1 = disjoint).
 */
public final class DiversityReport {

    private final List<TaskDna> seeds;
    private final List<Task> tasks;

    public DiversityReport(List<TaskDna> seeds, List<Task> tasks) {
        this.seeds = List.copyOf(seeds);
        this.tasks = List.copyOf(tasks);
    }

    public Map<String, Integer> byModality() {
        return count(tasks, t -> t.modality().name());
    }

    public Map<String, Integer> byTaskType() {
        return count(tasks, Task::taskType);
    }

    public Map<String, Integer> byMetric() {
        return count(tasks, t -> family(t.metric()));
    }

    /** map-at-3 and map-at-k are one metric family for comparing mixes. */
    static String family(String metric) {
        return metric.startsWith("map-at-") ? "map-at-k" : metric;
    }

    public Map<String, Integer> byDomain() {
        return count(tasks, t -> t.attributes().getOrDefault("domain", "?"));
    }

    /** Total variation distance between the seeds' and the kept tasks' modality mix. */
    public double modalityDistance() {
        return distance(count(seeds, d -> d.modality().name()), byModality());
    }

    /** Total variation distance between the seeds' and the kept tasks' task-type mix. */
    public double taskTypeDistance() {
        return distance(count(seeds, TaskDna::taskType), byTaskType());
    }

    /** Total variation distance between the seeds' metric mix and the kept tasks' metric mix. */
    public double metricDistance() {
        return distance(count(seeds, d -> family(d.metric())), byMetric());
    }

    /** The report as Markdown tables. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Kept tasks: %d from %d seeds.%n%n", tasks.size(), seeds.size()));
        table(b, "modality", count(seeds, d -> d.modality().name()), byModality());
        table(b, "task type", count(seeds, TaskDna::taskType), byTaskType());
        table(b, "metric", count(seeds, d -> family(d.metric())), byMetric());
        table(b, "domain", Map.of(), byDomain());
        b.append(String.format(Locale.ROOT, "Total variation distance seeds -> kept tasks: modality %.3f, task type "
                + "%.3f, metric %.3f (0 = same mix).%n", modalityDistance(), taskTypeDistance(), metricDistance()));
        return b.toString();
    }

    private static void table(StringBuilder b, String what, Map<String, Integer> seeds, Map<String, Integer> kept) {
        Map<String, Integer> keys = new TreeMap<>(seeds);
        kept.keySet().forEach(k -> keys.putIfAbsent(k, 0));
        b.append("| ").append(what).append(" | seeds | kept tasks |\n|---|---:|---:|\n");
        for (String k : keys.keySet()) {
            b.append("| ").append(k).append(" | ").append(seeds.getOrDefault(k, 0)).append(" | ")
                    .append(kept.getOrDefault(k, 0)).append(" |\n");
        }
        b.append('\n');
    }

    static <T> Map<String, Integer> count(List<T> items, Function<T, String> key) {
        Map<String, Integer> m = new TreeMap<>();
        items.forEach(i -> m.merge(key.apply(i), 1, Integer::sum));
        return m;
    }

    static double distance(Map<String, Integer> a, Map<String, Integer> b) {
        double na = a.values().stream().mapToInt(Integer::intValue).sum();
        double nb = b.values().stream().mapToInt(Integer::intValue).sum();
        if (na == 0 || nb == 0) {
            return 1;
        }
        Map<String, Integer> keys = new TreeMap<>(a);
        b.keySet().forEach(k -> keys.putIfAbsent(k, 0));
        double sum = 0;
        for (String k : keys.keySet()) {
            sum += Math.abs(a.getOrDefault(k, 0) / na - b.getOrDefault(k, 0) / nb);
        }
        return sum / 2;
    }
}
