package io.sandmle.reports.sections;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.ResourceUse;
import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Format;
import io.sandmle.reports.model.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each system's episodes cost the machine: CPU-seconds and peak memory measured by the steps' cgroups, and
 * GPU-seconds (time the episode held its GPUs × how many) where the executor knows them.
 */
public final class ResourceUseSection implements SectionBuilder {

    private static final double GIB = 1L << 30;

    @Override
    public String id() {
        return "resources";
    }

    @Override
    public Section build(ReportContext context) {
        Blocks b = new Blocks(id(), "Resource use");
        Map<String, List<ResourceUse>> bySystem = new LinkedHashMap<>();
        context.data().systems().forEach(s -> bySystem.put(s, new ArrayList<>()));
        for (EpisodeRecord e : context.input().episodes()) {
            if (e.resources() != null && bySystem.containsKey(e.system())) {
                bySystem.get(e.system()).add(e.resources());
            }
        }
        bySystem.values().removeIf(List::isEmpty);
        if (bySystem.isEmpty()) {
            return b.notice("No episode recorded its resource use (runs before resource accounting, or episodes "
                    + "that never opened a sandbox), so the section is left out.").done();
        }
        boolean gpus = bySystem.values().stream().flatMap(List::stream).anyMatch(u -> u.gpuSeconds() != null);
        List<String> headers = new ArrayList<>(List.of("System", "Episodes measured", "CPU-s per episode (mean)",
                "CPU-h in all", "Peak memory, GiB (highest)"));
        if (gpus) {
            headers.addAll(List.of("GPU-s per episode (mean, where known)", "GPU-h in all"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        bySystem.forEach((system, uses) -> {
            double cpuSeconds = uses.stream().mapToLong(ResourceUse::cpuMillis).sum() / 1000.0;
            long peak = uses.stream().mapToLong(ResourceUse::peakMemoryBytes).max().orElse(0);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(system), Format.cell(uses.size(), 0),
                    Format.cell(cpuSeconds / uses.size(), 1), Format.cell(cpuSeconds / 3600, 2),
                    Format.cell(peak / GIB, 2)));
            if (gpus) {
                List<Double> known = uses.stream().map(ResourceUse::gpuSeconds).filter(Objects::nonNull).toList();
                double total = known.stream().mapToDouble(Double::doubleValue).sum();
                row.add(known.isEmpty() ? Cell.text("unknown") : Format.cell(total / known.size(), 1));
                row.add(known.isEmpty() ? Cell.text("unknown") : Format.cell(total / 3600, 2));
            }
            rows.add(row);
        });
        b.text("CPU time is the user+system time of every code step's processes, summed over the episode; peak memory "
                + "is the highest any one step reached. Both are measured by the step's cgroup, so they are 0 on a "
                + "machine without writable cgroups."
                + (gpus ? " GPU-seconds are the time an episode held its GPUs (from its sandbox's opening to its "
                + "end) times how many it held: held, not busy; unknown where the executor cannot tell (Slurm)." : ""));
        b.table("Resource use per system over the episodes that recorded it.", headers, rows);
        return b.done();
    }
}
