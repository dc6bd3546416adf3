package com.ticketing.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** common's spring.properties reaches Spring: null JDBC parameters are set without a parameter-type round trip. */
class SpringFlagsTest {

    @Test
    void shouldSetNullParametersWithoutAskingTheDriverForTheirType() {
        assertThat(SpringProperties.getFlag("spring.jdbc.getParameterType.ignore")).isTrue();
    }
}
