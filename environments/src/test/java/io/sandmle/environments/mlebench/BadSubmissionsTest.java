package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Grade;
import io.sandmle.api.Task;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken submissions of every kind: each is graded invalid (or not found) with one sentence, no
 * exception escapes, and the formats pandas accepts (BOM, CRLF, quoting, blank lines) grade exactly
 * like the clean file.
 */
class BadSubmissionsTest {

    private static final String AERIAL = "aerial-cactus-identification";
    private static final String ANSWERS = "id,has_cactus\na.jpg,1\nb.jpg,0\nc.jpg,1\nd.jpg,0\n";
    private static final String CLEAN = "id,has_cactus\na.jpg,0.9\nb.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n";

    @TempDir
    Path tmp;

    private final MleBenchLiteSuite suite = new MleBenchLiteSuite();
    private final Map<String, Task> tasks = new LinkedHashMap<>();

    @BeforeEach
    void data() throws Exception {
        answers(AERIAL, "test.csv", ANSWERS);
        answers("spooky-author-identification", "test.csv", "id,EAP,HPL,MWS\nx,1,0,0\ny,0,1,0\nz,0,0,1\n");
        answers("nomad2018-predict-transparent-conductors", "test.csv",
                "id,formation_energy_ev_natom,bandgap_energy_ev\n1,0.1,1.5\n2,0.2,2.5\n");
        answers("tabular-playground-series-may-2022", "test.csv", "id,target\n1,1\n2,0\n");
        for (Task t : suite.load(tmp.resolve("data"), Map.of())) {
            tasks.put(t.id(), t);
        }
    }

    private void answers(String id, String file, String text) throws Exception {
        Path priv = tmp.resolve("data").resolve(id).resolve("prepared/private");
        Files.createDirectories(priv);
        Files.createDirectories(priv.resolveSibling("public"));
        Files.writeString(priv.resolve(file), text);
    }

    private Grade grade(String competition, Path file) {
        Task t = tasks.get(competition);
        return suite.grader(t).grade(t, file);
    }

    private Grade gradeText(String competition, String content) throws Exception {
        Path f = Files.createTempFile(tmp, "sub", ".csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return grade(competition, f);
    }

    private Grade gradeBytes(byte[] content) throws Exception {
        Path f = Files.createTempFile(tmp, "sub", ".csv");
        Files.write(f, content);
        return grade(AERIAL, f);
    }

    /** Invalid, with a single sentence naming the problem (checked by a word it must contain). */
    private static void invalid(Grade g, String mustMention) {
        assertFalse(g.valid());
        assertEquals(null, g.score());
        assertNotNull(g.reason());
        assertTrue(g.reason().endsWith("."), g.reason());
        assertFalse(g.reason().contains("\n"), g.reason());
        assertFalse(g.reason().contains("Exception"), g.reason());
        assertTrue(g.reason().toLowerCase().contains(mustMention.toLowerCase()),
                "'" + g.reason() + "' should mention " + mustMention);
        assertNotNull(g.thresholds(), "thresholds are reported even for invalid submissions");
    }

    @Test
    void everyKindOfBrokenSubmissionIsInvalidWithOneSentence() throws Exception {
        Grade missing = grade(AERIAL, tmp.resolve("nope.csv"));
        invalid(missing, "no submission file");
        assertFalse(missing.submissionExists());
        Path txt = Files.writeString(tmp.resolve("submission.txt"), CLEAN);
        Grade wrongSuffix = grade(AERIAL, txt);
        invalid(wrongSuffix, ".csv");
        assertFalse(wrongSuffix.submissionExists());
        Path dir = Files.createDirectories(tmp.resolve("dir.csv"));
        assertFalse(grade(AERIAL, dir).submissionExists());
        int kindsChecked = 3;

        invalid(gradeText(AERIAL, ""), "empty");
        invalid(gradeText(AERIAL, "id,has_cactus\n"), "rows");
        invalid(gradeText(AERIAL, "image,has_cactus\na.jpg,0.9\nb.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "missing the column 'id'");
        invalid(gradeText(AERIAL, "a.jpg,0.9\nb.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "missing");
        invalid(gradeText(AERIAL, CLEAN + "e.jpg,0.5\n"), "rows");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9\nb.jpg,0.2\nc.jpg,0.4\n"), "rows");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9\na.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "more than once");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9\nq.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "not one of the expected");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9\nb.jpg,NaN\nc.jpg,0.4\nd.jpg,0.6\n"), "nan");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9\nb.jpg,inf\nc.jpg,0.4\nd.jpg,0.6\n"), "probabilities");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9\nb.jpg,high\nc.jpg,0.4\nd.jpg,0.6\n"), "numeric");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,1.5\nb.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "between 0 and 1");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,-0.1\nb.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "between 0 and 1");
        invalid(gradeText(AERIAL, "id,has_cactus\na.jpg,0.9,7\nb.jpg,0.2\nc.jpg,0.4\nd.jpg,0.6\n"), "fields");
        invalid(gradeText(AERIAL, "id,has_cactus\n\"a.jpg,0.9\nb.jpg,0.2\n"), "never closed");
        invalid(gradeText("spooky-author-identification", "id,EAP,HPL,MWS\nx,0.5,0.3,0.201\ny,0.1,0.8,0.1\nz,0.2,0.2,0.6\n"),
                "sum to");
        invalid(gradeText("spooky-author-identification",
                "id,EAP,HPL,MWS,extra\nx,0.5,0.3,0.2,1\ny,0.1,0.8,0.1,1\nz,0.2,0.2,0.6,1\n"), "4 columns");
        invalid(gradeText("nomad2018-predict-transparent-conductors",
                "id,formation_energy_ev_natom,bandgap_energy_ev\n1,-0.1,1.5\n2,0.2,2.5\n"), "negative");
        invalid(gradeText("tabular-playground-series-may-2022", "id,target\nid_1,0.3\nid_2,0.4\n"), "text");
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[100] = 0;
        invalid(gradeBytes(junk), "binary");
        invalid(gradeBytes(new byte[] {'i', 'd', ',', 'h', '\n', (byte) 0xC3, 0x28, '\n'}), "utf-8");
        kindsChecked += 22;

        Path huge = tmp.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse: 2 GiB on paper, nothing on disk
        }
        try {
            invalid(grade(AERIAL, huge), "limit");
        } finally {
            Files.delete(huge);
        }
        kindsChecked++;
        assertEquals(26, kindsChecked);
    }

    @Test
    void formatsPandasAcceptsGradeLikeTheCleanFile() throws Exception {
        Grade clean = gradeText(AERIAL, CLEAN);
        assertTrue(clean.valid(), clean.reason());
        assertEquals(0.75, clean.score());
        byte[] bom = ("\uFEFF" + CLEAN).getBytes(StandardCharsets.UTF_8);
        assertEquals(clean.score(), gradeBytes(bom).score(), "UTF-8 byte-order mark");
        assertEquals(clean.score(), gradeText(AERIAL, CLEAN.replace("\n", "\r\n")).score(), "CRLF line ends");
        assertEquals(clean.score(), gradeText(AERIAL, CLEAN.replace("a.jpg,0.9", "\"a.jpg\",\"0.9\"")).score(), "quoted");
        assertEquals(clean.score(), gradeText(AERIAL, CLEAN + "\n\n").score(), "trailing blank lines");
        assertEquals(clean.score(), gradeText(AERIAL, "has_cactus,id\n0.9,a.jpg\n0.2,b.jpg\n0.4,c.jpg\n0.6,d.jpg\n")
                .score(), "columns in another order");
        assertEquals(clean.score(), gradeText(AERIAL, "id,has_cactus\nd.jpg,0.6\nc.jpg,0.4\nb.jpg,0.2\na.jpg,0.9\n")
                .score(), "rows in another order");
    }
}
