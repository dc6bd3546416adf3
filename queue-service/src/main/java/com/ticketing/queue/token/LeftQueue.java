package com.ticketing.queue.token;

import com.ticketing.queue.domain.Release;

/** Answer to an explicit leave: what was freed ({@code NOTHING} when the token held no place any more). */
public record LeftQueue(Release released) {
}
