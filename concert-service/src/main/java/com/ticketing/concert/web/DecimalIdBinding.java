package com.ticketing.concert.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

/**
 * Request parameters and path variables bound to {@code long}/{@code Long} accept plain decimal numbers only.
 * Spring's default number binding also decodes {@code 0x10} and {@code #10} as hex (its property editors are
 * the fallback even when a converter refuses), so the strict parsing is a binder editor. An id like that is a
 * client mistake, and answering it as id 16 would hide it: it becomes a 400 {@code VALIDATION_FAILED}.
 */
@ControllerAdvice
class DecimalIdBinding {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,19}");

    @InitBinder
    void decimalIdsOnly(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new DecimalLongEditor(true));
        binder.registerCustomEditor(long.class, new DecimalLongEditor(false));
    }

    static final class DecimalLongEditor extends PropertyEditorSupport {

        private final boolean allowEmpty;

        DecimalLongEditor(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            String value = text == null ? "" : text.trim();
            if (value.isEmpty()) {
                if (!allowEmpty) {
                    throw new IllegalArgumentException("a number is required");
                }
                setValue(null); // reported as a missing parameter
                return;
            }
            if (!DECIMAL.matcher(value).matches()) {
                throw new IllegalArgumentException("not a decimal number");
            }
            setValue(Long.valueOf(value)); // NumberFormatException (an IllegalArgumentException) when out of range
        }
    }
}
