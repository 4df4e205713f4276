package io.sandmle.trainers.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Trajectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    private static Trajectory rollout(String task, int n) {
        return new Trajectory(1, task + "-" + n, task, "react", "p", n, List.of(), null, "answered", 0);
    }

    private static List<Trajectory> rollouts(int tasks, int each) {
        List<Trajectory> all = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (int t = 0; t < tasks; t++) {
                all.add(rollout("t" + t, n));
            }
        }
        return all;
    }

    private static Set<String> tasks(List<Trajectory> trajectories) {
        Set<String> ids = new HashSet<>();
        trajectories.forEach(t -> ids.add(t.taskId()));
        return ids;
    }

    @Test
    void holdsOutAShareOfTheTasksWithAllTheirRolloutsTheSameForTheSameSeed() {
        ValidationSplit split = ValidationSplit.of(rollouts(10, 3), 0.2, 4);
        assertEquals(2, tasks(split.validation()).size());
        assertEquals(6, split.validation().size());
        assertEquals(24, split.train().size());
        Set<String> straddling = tasks(split.train());
        straddling.retainAll(tasks(split.validation()));
        assertTrue(straddling.isEmpty(), "no task on both sides: " + straddling);
        assertEquals(split, ValidationSplit.of(rollouts(10, 3), 0.2, 4));
        assertNull(split.why());
    }

    @Test
    void holdsOutAtLeastOneTaskAndNeverAll() {
        assertEquals(1, tasks(ValidationSplit.of(rollouts(2, 2), 0.01, 0).validation()).size());
        ValidationSplit most = ValidationSplit.of(rollouts(2, 2), 0.9, 0);
        assertEquals(1, tasks(most.validation()).size());
        assertEquals(1, tasks(most.train()).size());
    }

    @Test
    void oneTaskOrAShareOfZeroTrainsOnEverything() {
        ValidationSplit single = ValidationSplit.of(rollouts(1, 5), 0.2, 0);
        assertEquals(5, single.train().size());
        assertTrue(single.validation().isEmpty());
        assertEquals("sft kept 5 trajectories from 1 task(s), too few to hold out a validation task, so it trains on "
                + "all of them for sft-epochs epochs without early stopping", single.why());
        ValidationSplit none = ValidationSplit.of(rollouts(4, 2), 0, 0);
        assertEquals(8, none.train().size());
        assertTrue(none.validation().isEmpty());
        assertNull(none.why(), "no split was asked for");
    }
}
