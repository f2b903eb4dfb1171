package io.leakwatch.reports.cli;

import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.reports.LeakingRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {
    @Test
    void readsEveryKindOfValueInDocumentOrder() throws Exception {
        Object value = JsonReader.read(" {\"b\": [1, -2.5e3, 0.125, true, false, null], \"a\": {\"x\": \"y\"},"
                + " \"e\": {}, "
                + "\"l\": []}\n");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("b", "a", "e", "l");
        assertThat(map.get("b")).isEqualTo(java.util.Arrays.asList(1.0, -2500.0, 0.125, true, false, null));
        assertThat(map.get("a")).isEqualTo(Map.of("x", "y"));
        assertThat(map.get("e")).isEqualTo(Map.of());
        assertThat(map.get("l")).isEqualTo(List.of());
    }

    @Test
    void decodesEveryEscapeIncludingSurrogatePairs() throws Exception {
        assertThat(JsonReader.read("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 \\u2190\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é \uD83D\uDE00 ←");
    }

    @Test
    void readsWhatTheMonitorWritesBackToTheSameValues() throws Exception {
        String json = AnalysisJson.write(LeakingRun.analysis());

        Map<?, ?> root = (Map<?, ?>) JsonReader.read(json);
        assertThat(root.get("schemaVersion")).isEqualTo((double) AnalysisJson.SCHEMA_VERSION);
        assertThat(root.get("verdict")).isEqualTo("LEAK");
        assertThat(root.get("reason")).isEqualTo(LeakingRun.analysis().reason());
        assertThat((List<?>) root.get("gcTimeline")).hasSize(30);
    }

    @Test
    void malformedDocumentsNameTheLineAndColumnOfTheFirstError() {
        assertError("{\"a\": 1,}", "line 1, column 9: expected a member name in double quotes");
        assertError("[1, 2,]", "line 1, column 7: unexpected ']' where a value should be");
        assertError("{\n  \"a\" 1}", "line 2, column 7: expected ':'");
        assertError("[01]", "line 1, column 3: a number with a leading zero");
        assertError("[1.]", "line 1, column 4: expected a digit after the decimal point");
        assertError("\"tab\there\"", "line 1, column 5: a control character (U+0009) inside a string");
        assertError("\"\\x\"", "line 1, column 3: unknown escape '\\x' in a string");
        assertError("\"\\u12g4\"", "expected four hex digits after \\u");
        assertError("{\"a\": tru}", "line 1, column 7: unexpected 't' where a value should be");
        assertError("{\"a\": 1} x", "line 1, column 10: unexpected 'x' after the document's end");
        assertError("", "the document ends where a value should be");
        assertError("{\"a\": \"open", "the document ends inside a string");
        assertError("[".repeat(100), "nested deeper than 64 levels");
        assertError("// comment\n{}", "line 1, column 1: unexpected '/' where a value should be");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> JsonReader.read(text)).isInstanceOf(JsonReader.MalformedJsonException.class)
                .hasMessageContaining(message);
    }
}
