package com.ticketing.common.web;

import com.ticketing.common.config.CommonDefaultsEnvironmentPostProcessor;
import com.ticketing.common.config.CommonWebAutoConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The platform's strict input, as every service gets it from common: ids and JSON bodies. */
class StrictInputTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new IdController())
            .setControllerAdvice(new DecimalIdBinding(), new RestErrorHandler()).build();

    @RestController
    static class IdController {

        @GetMapping("/things/{id}")
        String byPath(@PathVariable long id) {
            return Long.toString(id);
        }

        @GetMapping("/things")
        String byQuery(@RequestParam(required = false) Long id) {
            return String.valueOf(id);
        }
    }

    record Charge(long userId, Long amount) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "+5", " 5", "5 ", "#10", "1.5", "1e3", "9007199254740992", "99999999999999999999"})
    void shouldRefuseAnIdThatIsNotAPlainDecimalUpTo2To53With400Json(String id) throws Exception {
        mvc.perform(get("/things/{id}", id)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value(ErrorCodes.VALIDATION_FAILED));
        mvc.perform(get("/things").param("id", id)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value(ErrorCodes.VALIDATION_FAILED));
    }

    @Test
    void shouldTakeAPlainDecimalIdUpTo2To53() throws Exception {
        mvc.perform(get("/things/{id}", "9007199254740991")).andExpect(status().isOk())
                .andExpect(content().string("9007199254740991"));
        mvc.perform(get("/things").param("id", "16")).andExpect(status().isOk()).andExpect(content().string("16"));
    }

    @Test
    void shouldRefuseDuplicateFieldsFloatsForIntegersAndQuotedNumbersButIgnoreUnknownFields() {
        new WebApplicationContextRunner()
                .withInitializer(context -> new CommonDefaultsEnvironmentPostProcessor()
                        .postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommonWebAutoConfiguration.class))
                .run(context -> {
                    JsonMapper json = context.getBean(JsonMapper.class);

                    assertThat(json.readValue("{\"userId\": 1, \"amount\": 100, \"note\": \"x\"}", Charge.class))
                            .isEqualTo(new Charge(1, 100L));
                    for (String bad : new String[]{
                            "{\"userId\": 1, \"amount\": 1, \"amount\": 9999999}",
                            "{\"userId\": 1.0, \"amount\": 100}",
                            "{\"userId\": 1, \"amount\": 1.5}",
                            "{\"userId\": 1, \"amount\": \"100\"}",
                            "{\"userId\": null, \"amount\": 100}",
                            "{\"userId\": 1, \"amount\": 100} {}"}) {
                        assertThatThrownBy(() -> json.readValue(bad, Charge.class)).as(bad)
                                .isInstanceOf(JacksonException.class);
                    }
                });
    }
}
