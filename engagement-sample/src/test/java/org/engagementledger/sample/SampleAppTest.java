package org.engagementledger.sample;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleAppTest {

    @Test
    void theSampleStoresItsScenarioAndReportsTheRefusedOverrun() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int stored = SampleApp.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertEquals(6, stored, output);
        assertTrue(output.contains("Refused (ceiling-exceeded): committed cost may not exceed the ceiling"), output);
        assertTrue(output.contains("FulfilmentAccepted"), output);
    }
}
