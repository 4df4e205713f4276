package io.sandmle.environments.mlebench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lets tests in other packages lay the Lite fixtures out as MLE-Dojo data. */
public final class LiteFixturesAccess {

    private LiteFixturesAccess() {
    }

    /**
     * Writes {@code <dir>/<id>/data/private/test_answer.csv} (the fixture answers restricted to the
     * submission's columns, as MLE-Dojo's answers are) and returns generated submissions: the four
     * kinds, one with a row missing and one with an extra column.
     */
    public static List<Path> dojoCase(Path dir, LiteCompetition c, int seed) throws Exception {
        LiteFixtures fx = new LiteFixtures(seed * 31L + c.id().hashCode(), 30 + seed * 20);
        LiteFixtures.Data d = fx.write(dir.resolve("mlebench"), c);
        List<List<String>> answerRows = new ArrayList<>();
        for (List<String> row : d.answerRows()) {
            List<String> kept = new ArrayList<>();
            for (String col : d.submissionHeader()) {
                kept.add(row.get(d.answerHeader().indexOf(col)));
            }
            answerRows.add(kept);
        }
        Path answers = dir.resolve(c.id()).resolve("data/private/test_answer.csv");
        LiteFixtures.writeCsv(answers, d.submissionHeader(), answerRows);
        List<Path> subs = new ArrayList<>();
        Path subDir = dir.resolve(c.id()).resolve("subs");
        for (LiteFixtures.Variant v : LiteFixtures.Variant.values()) {
            subs.add(fx.writeSubmission(Files.createDirectories(subDir), v + ".csv", d, v));
        }
        List<List<String>> rows = fx.submissionRows(d, LiteFixtures.Variant.NOISY);
        rows.remove(0);
        Path dropped = subDir.resolve("DROP_ROW.csv");
        LiteFixtures.writeCsv(dropped, d.submissionHeader(), rows);
        subs.add(dropped);
        List<String> header = new ArrayList<>(d.submissionHeader());
        header.add("extra");
        List<List<String>> extra = fx.submissionRows(d, LiteFixtures.Variant.NOISY);
        extra.forEach(r -> r.add("1"));
        Path extraFile = subDir.resolve("EXTRA_COLUMN.csv");
        LiteFixtures.writeCsv(extraFile, header, extra);
        subs.add(extraFile);
        return subs;
    }
}
