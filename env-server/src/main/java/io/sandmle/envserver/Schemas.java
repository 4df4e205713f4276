package io.sandmle.envserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schemas of the protocol (message envelope, reset request, action, observation, state), read from
 * this package's {@code *.schema.json} files: served as they are by {@code GET /schema} and checked against
 * every incoming message, so the documentation and the check cannot drift apart.
 */
final class Schemas {

    enum Name { MESSAGE, RESET, ACTION, OBSERVATION, STATE }

    private final Map<Name, JsonNode> documents = new LinkedHashMap<>();
    private final Map<Name, JsonSchema> validators = new LinkedHashMap<>();

    Schemas(ObjectMapper mapper) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (Name name : Name.values()) {
            String file = name.name().toLowerCase() + ".schema.json";
            try (InputStream in = Schemas.class.getResourceAsStream(file)) {
                JsonNode doc = mapper.readTree(in);
                documents.put(name, doc);
                validators.put(name, factory.getSchema(doc));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the schema " + file + ": " + e.getMessage(), e);
            }
        }
    }

    JsonNode document(Name name) {
        return documents.get(name);
    }

    /** What is wrong with {@code node} against a schema, one short sentence per problem; empty when valid. */
    List<String> problems(Name name, JsonNode node) {
        Set<ValidationMessage> errors = validators.get(name).validate(node);
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
