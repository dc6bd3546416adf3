package com.ticketing.common.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

/**
 * Every request parameter, path variable and header bound to {@code long}/{@code Long} in every service is an
 * id (money travels in JSON bodies), and accepts plain decimal digits only, at most {@link Ids#MAX}. Spring's
 * default number binding also decodes {@code 0x10} and {@code #10} as hex and trims {@code " 5"} (its property
 * editors are the fallback even when a converter refuses), so the strict parsing is a binder editor. {@code 0x10},
 * {@code +5}, {@code " 5"}, {@code 1.5} and {@code 2^53} are client mistakes, and answering them as some id would
 * hide that: they become 400 {@code VALIDATION_FAILED}. A leading {@code -} parses, so that {@code -1} is refused by
 * the parameter's own {@code @Positive} with its message.
 */
@ControllerAdvice
public class DecimalIdBinding {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,19}");

    @InitBinder
    void decimalIdsOnly(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new DecimalIdEditor(true));
        binder.registerCustomEditor(long.class, new DecimalIdEditor(false));
    }

    /** Parses one id the strict way; {@link IllegalArgumentException} (a 400) for anything else. */
    static final class DecimalIdEditor extends PropertyEditorSupport {

        private final boolean allowEmpty;

        DecimalIdEditor(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                if (!allowEmpty) {
                    throw new IllegalArgumentException("a number is required");
                }
                setValue(null); // reported as a missing parameter
                return;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a decimal number");
            }
            long value = Long.parseLong(text); // NumberFormatException (an IllegalArgumentException) when out of range
            if (value > Ids.MAX) {
                throw new IllegalArgumentException("larger than " + Ids.MAX);
            }
            setValue(value);
        }
    }
}
