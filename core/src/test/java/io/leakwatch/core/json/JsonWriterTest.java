package io.leakwatch.core.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest {

    @Test
    void escapesStringsAndWritesNonFiniteNumbersAsNull() {
        String json = new JsonWriter().beginObject()
                .name("text").value("a \"quoted\"\\ line\nand\u0001control")
                .name("nan").value(Double.NaN)
                .name("whole").value(3.0)
                .name("fraction").value(0.012345678)
                .name("list").beginArray().value(1).value(true).nullValue().endArray()
                .name("empty").beginArray().endArray()
                .endObject().toString();

        assertThat(json).isEqualTo("""
                {
                  "text": "a \\"quoted\\"\\\\ line\\nand\\u0001control",
                  "nan": null,
                  "whole": 3,
                  "fraction": 0.0123457,
                  "list": [
                    1,
                    true,
                    null
                  ],
                  "empty": []
                }""");
    }
}
