package io.sandmle.trainers.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sandmle.trainers.policy.ActionSpace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trainer's fresh policy chooses over the honest action space unless its {@code traps} setting asks otherwise. */
class StartingPolicyTest {

    @TempDir
    Path dir;

    @Test
    void aFreshPolicyIsHonestByDefaultAndKeepsTheTrapsWhenAskedTo() throws Exception {
        assertEquals(ActionSpace.HONEST, freshSpace(Map.of()));
        assertEquals(ActionSpace.WITH_TRAPS, freshSpace(Map.of("traps", "true")));
    }

    private ActionSpace freshSpace(Map<String, String> settings) throws Exception {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> true, settings, dir, null);
        return StartingPolicy.open(session, "embedded@test", GrpoSettings.from(settings)).policy().network().space();
    }
}
