package io.sandmle.environments.mledojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Grade;
import io.sandmle.api.Task;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mle-dojo suite on small prepared folders, with the real leaderboards. */
class MleDojoSuiteTest {

    private static final Path BOARDS = PythonOracle.sharedDir().resolve("data/mle-dojo/leaderboards");

    @TempDir
    Path tmp;

    @Test
    void referenceWorkedExampleForSpooky() {
        HumanRank.Result r = HumanRank.fromDir(BOARDS.resolve("spooky-author-identification"), false).of(0.30);
        assertEquals(199, r.boards().get(0).position());
        assertEquals(1241, r.boards().get(0).total());
        assertEquals(72, r.boards().get(1).position());
        assertEquals(0.8916, r.score(), 5e-5);
    }

    @Test
    void insultsPublicBoardIsAllZerosSoAnyAucTopsIt() {
        HumanRank.Result r = HumanRank.fromDir(BOARDS.resolve("detecting-insults-in-social-commentary"), true).of(0.1);
        assertEquals(1.0, r.boards().get(1).positionScore());
    }

    @Test
    void gradesLiteAndGenericCompetitionsWithHumanRank() throws Exception {
        write("spooky-author-identification", "id,EAP,HPL,MWS\na,1,0,0\nb,0,1,0\nc,0,0,1\nd,1,0,0\n");
        write("GiveMeSomeCredit", "Id,Probability\n1,1\n2,0\n3,1\n4,0\n");
        MleDojoSuite suite = new MleDojoSuite();
        List<Task> tasks = suite.load(tmp, Map.of(MleDojoSuite.OPTION_LEADERBOARDS, BOARDS.toString()));
        assertEquals(2, tasks.size());
        Task spooky = tasks.stream().filter(t -> t.id().startsWith("spooky")).findFirst().orElseThrow();
        assertTrue(spooky.lowerIsBetter());
        assertEquals(tmp.resolve("spooky-author-identification/data/public"), spooky.publicDir());
        Path sub = tmp.resolve("sub.csv");
        Files.writeString(sub, "id,EAP,HPL,MWS\nd,0.7,0.2,0.1\nc,0.1,0.1,0.8\nb,0.2,0.6,0.2\na,0.6,0.3,0.1\n");
        Grade g = suite.grader(spooky).grade(spooky, sub);
        assertTrue(g.valid(), g.reason());
        double expected = -(Math.log(0.6) + Math.log(0.6) + Math.log(0.8) + Math.log(0.7)) / 4;
        assertEquals(expected, g.score(), 1e-12, "raw score, not rounded");
        assertEquals(HumanRank.fromDir(BOARDS.resolve("spooky-author-identification"), false).of(expected).score(),
                g.humanRank());
        assertNull(g.thresholds());

        Task credit = tasks.stream().filter(t -> t.id().equals("GiveMeSomeCredit")).findFirst().orElseThrow();
        assertEquals("roc-auc", credit.metric());
        assertFalse(credit.lowerIsBetter());
        Files.writeString(sub, "Id,Probability\n4,0.1\n3,0.8\n2,0.3\n1,0.9\n");
        Grade c = suite.grader(credit).grade(credit, sub);
        assertEquals(1.0, c.score());
        assertEquals(1.0, c.humanRank(), 1e-3);
        assertEquals(1.0, ScoreMode.RAW.reward(c));

        Files.writeString(sub, "Id,Probability,extra\n4,0.1,1\n3,0.8,1\n2,0.3,1\n1,0.9,1\n");
        Grade bad = suite.grader(credit).grade(credit, sub);
        assertFalse(bad.valid());
        assertTrue(bad.reason().contains("extra"), bad.reason());
        assertEquals(0.0, ScoreMode.POSITION.reward(bad));
    }

    private void write(String id, String answers) throws Exception {
        Path data = tmp.resolve(id).resolve("data");
        Files.createDirectories(data.resolve("public"));
        Files.createDirectories(data.resolve("private"));
        Files.writeString(data.resolve("private/test_answer.csv"), answers);
        Files.writeString(data.resolve("public/description.txt"), id);
    }
}
