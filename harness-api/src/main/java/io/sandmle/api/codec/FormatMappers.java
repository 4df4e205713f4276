package io.sandmle.api.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson settings of the files the API defines. They are part of those formats, so they live beside the
 * codecs rather than in a shared mapper whose settings may change for other reasons. Readers skip fields they
 * do not know, so a file written by a newer harness with an extra field still loads.
 */
final class FormatMappers {

    /** One JSON value per line. */
    static final JsonMapper LINES = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Indented with keys sorted, so the same value always gives the same bytes. */
    static final ObjectMapper STABLE = LINES.rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private FormatMappers() {
    }
}
