package com.ticketing.common.auth;

import com.ticketing.common.refusal.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomAdmissionTest {

    @Test
    void shouldAdmitToTheRoomsOwnScheduleOnly() {
        RoomAdmission admission = AdmittedArgumentResolver.admission("7");

        admission.requireSchedule(7);
        assertThatThrownBy(() -> admission.requireSchedule(8)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
            assertThat(r.code()).isEqualTo("QUEUE_NOT_ADMITTED");
        });
    }

    @Test
    void shouldRefuseARequestThatDidNotPassTheGatewaysAdmission() {
        for (String raw : new String[]{null, "", "0", "-1", "+7", " 7", "0x7", "7.0", "99999999999999999"}) {
            assertThatThrownBy(() -> AdmittedArgumentResolver.admission(raw)).as(String.valueOf(raw))
                    .isInstanceOfSatisfying(Refusal.class,
                            r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        }
    }
}
