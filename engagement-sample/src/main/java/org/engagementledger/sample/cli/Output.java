package org.engagementledger.sample.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.engagementledger.storage.LedgerJson;

/** Text or JSON output; JSON uses the ledger's own form (ids and amounts as strings, ISO dates). */
enum Output {
    text, json;

    private static final ObjectMapper JSON = LedgerJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
