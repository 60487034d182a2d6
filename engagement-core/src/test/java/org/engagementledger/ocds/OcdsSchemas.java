package org.engagementledger.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.DisallowSchemaLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official OCDS 1.1.5 JSON Schemas (draft-04), validated offline: the schemas' URL prefix
 * {@value #OFFICIAL_PREFIX} is mapped to the copies in {@code src/test/resources/ocds-1.1.5/}, and any
 * other remote schema is refused ({@link DisallowSchemaLoader}) instead of being downloaded, so that a
 * missing mapping fails the test.
 */
final class OcdsSchemas {

    static final String OFFICIAL_PREFIX = "https://standard.open-contracting.org/schema/1__1__5/";
    static final String RELEASE_SCHEMA = OFFICIAL_PREFIX + "release-schema.json";
    static final String RELEASE_PACKAGE_SCHEMA = OFFICIAL_PREFIX + "release-package-schema.json";
    static final String RECORD_PACKAGE_SCHEMA = OFFICIAL_PREFIX + "record-package-schema.json";

    /** Keywords of the OCDS schemas that only annotate (merge rules, codelists, deprecation). */
    private static final List<String> OCDS_KEYWORDS = List.of("omitWhenMerged", "wholeListMerge", "versionId", "codelist",
            "openCodelist", "deprecated");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV4())
                    .keywords(OCDS_KEYWORDS.stream().map(AnnotationKeyword::new).toList())
                    .build())
            .schemaMappers(mappers -> mappers.mapPrefix(OFFICIAL_PREFIX, "classpath:ocds-1.1.5/"))
            .schemaLoaders(loaders -> loaders
                    .add(new ClasspathSchemaLoader())
                    .add(DisallowSchemaLoader.getInstance())));

    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final JsonSchema RELEASE_PACKAGE = FACTORY.getSchema(SchemaLocation.of(RELEASE_PACKAGE_SCHEMA), CONFIG);
    private static final JsonSchema RECORD_PACKAGE = FACTORY.getSchema(SchemaLocation.of(RECORD_PACKAGE_SCHEMA), CONFIG);
    private static final JsonSchema RELEASE = FACTORY.getSchema(SchemaLocation.of(RELEASE_SCHEMA), CONFIG);
    private static final JsonSchema RELEASE_WITH_EXTENSION = releaseSchemaWithExtension();

    private OcdsSchemas() {
    }

    static Set<ValidationMessage> releasePackage(JsonNode json) {
        return RELEASE_PACKAGE.validate(json);
    }

    static Set<ValidationMessage> recordPackage(JsonNode json) {
        return RECORD_PACKAGE.validate(json);
    }

    static Set<ValidationMessage> release(JsonNode json) {
        return RELEASE.validate(json);
    }

    /**
     * Validates a release against the release schema patched with the ledger extension's
     * {@code release-schema.json}, made strict: no field of the extension outside its documented structure.
     */
    static Set<ValidationMessage> releaseWithExtension(JsonNode json) {
        return RELEASE_WITH_EXTENSION.validate(json);
    }

    static String describe(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private static JsonSchema releaseSchemaWithExtension() {
        ObjectNode schema = (ObjectNode) read("/ocds-1.1.5/release-schema.json");
        JsonNode patch = read(OcdsExtension.RELEASE_SCHEMA_PATCH);
        mergePatch(schema, patch);
        strict(schema.get("definitions"));
        String id = "urn:engagement-ledger:test:release-schema-with-extension";
        schema.put("id", id);
        return FACTORY.getSchema(SchemaLocation.of(id), schema, CONFIG);
    }

    /** RFC 7386 JSON merge patch, as OCDS applies an extension's release-schema.json. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    /** additionalProperties: false on every object of the extension's definitions, nested ones included. */
    private static void strict(JsonNode definitions) {
        definitions.fields().forEachRemaining(definition -> {
            if (definition.getKey().startsWith("EngagementLedger")) {
                closeObjects(definition.getValue());
            }
        });
    }

    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties")) {
                object.put("additionalProperties", false);
                object.get("properties").forEach(OcdsSchemas::closeObjects);
            }
            if (object.has("items")) {
                closeObjects(object.get("items"));
            }
        }
    }

    static JsonNode read(String resource) {
        try (InputStream in = OcdsSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
