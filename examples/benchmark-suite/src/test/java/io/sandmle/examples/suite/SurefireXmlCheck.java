package io.sandmle.examples.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs after the benchmark (in {@code mvn verify}) and reads the Surefire XML it left: one test case per
 * fixture competition × seed, each carrying its grade (score, medal, valid, run folder) as the
 * {@code sandmle-result} line the engine prints for Surefire, plus the two rate tests.
 */
class SurefireXmlCheck {

    private static final Path XML = Path.of("target/surefire-reports",
            "TEST-" + MleBenchLiteBenchmarkTest.class.getName() + ".xml");

    @Test
    void theSurefireReportHoldsEveryTasksGrade() throws Exception {
        assertTrue(Files.isRegularFile(XML), "run the benchmark first (mvn verify runs it): " + XML);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(XML.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        int graded = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name"));
            String out = text(c, "system-out");
            if (c.getAttribute("name").contains(", seed ")) {
                assertTrue(out.contains("sandmle-result "), "the grade of " + c.getAttribute("name") + ": " + out);
                for (String key : List.of("medal=", "valid=", "runDir=", "episodeDir=", "endReason=")) {
                    assertTrue(out.contains(key), key + " in " + out);
                }
                graded += out.contains("score=") ? 1 : 0;
            }
        }
        assertEquals(12, cases.getLength(), "5 competitions x 2 seeds + 2 rate tests: " + names);
        assertTrue(names.contains("spooky-author-identification, seed 1"), names.toString());
        assertTrue(names.contains("medal rate >= 20% (Wilson 95% upper bound)"), names.toString());
        assertEquals(10, graded, "every episode test carries a score");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
