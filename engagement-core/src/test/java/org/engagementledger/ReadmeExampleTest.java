package org.engagementledger;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadmeExampleTest {

    @Test
    void theReadmeExampleStoresThreeEventsAndRefusesTheOverrun() {
        List<String> lines = runCapturingOutput();

        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("Refused: committed cost may not exceed the ceiling: ceiling 100000.00 EUR, committed 900.00 EUR, "
                + "attempted 160000.00 EUR (over by 60900.00 EUR); amend the ceiling first", lines.get(0));
        assertTrue(lines.get(1).startsWith("0 procurement-lead (AGENCY_BUYER, municipality-northvale) EngagementCommissioned["), lines.get(1));
        assertTrue(lines.get(2).startsWith("1 procurement-lead (AGENCY_BUYER, municipality-northvale) EngagementActivated["), lines.get(2));
        assertTrue(lines.get(3).startsWith("2 lead-consultant (CONSULTANT, brightpath-consulting) TimeLogged["), lines.get(3));
        assertTrue(lines.get(3).contains("amount=900.00 EUR"), lines.get(3));
    }

    @Test
    void theReadmeShowsTheExampleExactlyAsCompiled() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String source = Files.readString(root.resolve("engagement-core/src/test/java/org/engagementledger/FirstEngagementExample.java"));
        String snippet = dedent(between(source, "// README:begin\n", "        // README:end"));
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains(snippet), "README.md must contain the example from FirstEngagementExample.java:\n" + snippet);
    }

    private static List<String> runCapturingOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            FirstEngagementExample.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** The example is indented by eight spaces in the Java source and not at all in the README. */
    private static String dedent(String block) {
        return block.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).collect(Collectors.joining("\n", "", "\n"));
    }
}
