package dev.reelwatch.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParametersJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void noParametersAreWrittenAsJacksonWritesThem() throws Exception {
        assertEquals(JACKSON.writeValueAsString(Map.of()), ParametersJson.encode(Map.of()));
        assertEquals(Map.of(), ParametersJson.decode(ParametersJson.encode(Map.of())));
    }

    @Test
    void parametersReadBackInTheProvidersOrder() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("style", "noir");
        parameters.put("quote \" and \\ and\nnewline", "\u00e9\u20ac \ud83c\udfac");
        parameters.put("", "");
        parameters.put("camera", "dolly");

        Map<String, String> read = ParametersJson.decode(ParametersJson.encode(parameters));

        assertEquals(parameters, read);
        assertEquals(List.copyOf(parameters.keySet()), List.copyOf(read.keySet()));
    }
}
