package com.ticketing.common.warmup;

import org.springframework.context.ApplicationEvent;

/** Published once the warm-up is over (or was skipped): the process may take traffic. */
public class WarmedUp extends ApplicationEvent {

    private final int requests;

    public WarmedUp(Object source, int requests) {
        super(source);
        this.requests = requests;
    }

    /** Warm-up requests sent. */
    public int requests() {
        return requests;
    }
}
