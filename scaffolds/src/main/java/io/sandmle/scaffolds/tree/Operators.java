package io.sandmle.scaffolds.tree;

import io.sandmle.api.ChatMessage;
import io.sandmle.scaffolds.support.TaskBrief;
import java.time.Duration;
import java.util.List;

/** One operator set for {@link TreeSearch}: the prompts for draft, improve and debug (AIDE's or AIRA's). */
public interface Operators {

    /**
     * What every operator prompt may show.
     *
     * @param brief       the task
     * @param memory      the memory block for this operator ("" when none)
     * @param dataPreview the data overview
     * @param timeLeft    episode wall time left
     * @param stepsLeft   model calls left
     * @param execTimeout the limit on one code run
     */
    record Context(TaskBrief brief, String memory, String dataPreview, Duration timeLeft, int stepsLeft,
                   Duration execTimeout) {
    }

    List<ChatMessage> draft(Context c);

    List<ChatMessage> improve(Context c, Node parent);

    List<ChatMessage> debug(Context c, Node parent);

    /** Whether debug prompts get the debug chain's history (aira-dojo) or no memory (AIDE). */
    boolean debugMemory();

    /** Whether a reply without a plan is re-asked (AIDE) or accepted (aira-dojo). */
    boolean requiresPlan();
}
