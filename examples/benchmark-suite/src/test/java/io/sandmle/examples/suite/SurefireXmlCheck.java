package io.sandmle.examples.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs after the benchmark (in {@code mvn verify}) and reads the Surefire XML it left: one test case per
 * fixture competition × seed, each carrying its grade (score, medal, valid, run folder) as the
 * {@code sandmle-result} line the engine prints for Surefire, plus the two rate tests; and the Open Test
 * Reporting XML written next to it, where the same grades are JUnit report entries.
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

    @Test
    void theOpenTestReportHoldsEveryTasksGradeAsReportEntries() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.list(XML.getParent())) {
            files = all.filter(p -> p.getFileName().toString().startsWith("junit-platform-events-")).toList();
        }
        assertTrue(!files.isEmpty(), "no junit-platform-events-*.xml in " + XML.getParent());
        Map<String, Map<String, String>> entriesByTest = new HashMap<>();
        for (Path file : files) {
            entriesByTest.putAll(reportedEntries(file));
        }
        List<String> episodes = entriesByTest.keySet().stream().filter(n -> n.contains(", seed ")).toList();
        assertEquals(10, episodes.size(), "5 competitions x 2 seeds report entries: " + entriesByTest.keySet());
        for (String name : episodes) {
            Map<String, String> entries = entriesByTest.get(name);
            for (String key : List.of("score", "medal", "valid", "runDir", "episodeDir", "endReason")) {
                assertTrue(entries.containsKey(key), key + " reported for " + name + ": " + entries);
            }
        }
        Map<String, String> medalRate = entriesByTest.get("medal rate >= 20% (Wilson 95% upper bound)");
        assertTrue(medalRate != null && medalRate.containsKey("ciLower") && medalRate.containsKey("ciUpper"),
                "the medal-rate test reports its interval: " + medalRate);
    }

    /** Test name to its report entries, joining each {@code reported} event to its {@code started} event's name. */
    private static Map<String, Map<String, String>> reportedEntries(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        Map<String, String> names = new HashMap<>();
        NodeList started = doc.getElementsByTagNameNS("*", "started");
        for (int i = 0; i < started.getLength(); i++) {
            Element e = (Element) started.item(i);
            names.put(e.getAttribute("id"), e.getAttribute("name"));
        }
        Map<String, Map<String, String>> byTest = new HashMap<>();
        NodeList reported = doc.getElementsByTagNameNS("*", "reported");
        for (int i = 0; i < reported.getLength(); i++) {
            Element e = (Element) reported.item(i);
            Map<String, String> entries = byTest.computeIfAbsent(names.get(e.getAttribute("id")), k -> new HashMap<>());
            NodeList entryNodes = e.getElementsByTagNameNS("*", "entry");
            for (int j = 0; j < entryNodes.getLength(); j++) {
                Element entry = (Element) entryNodes.item(j);
                entries.put(entry.getAttribute("key"), entry.getTextContent());
            }
        }
        return byTest;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
