package com.ticketing.common.web;

/** The success envelope of every public and internal endpoint: {@code {"data": ...}}. */
public record ApiResponse<T>(T data) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(data);
    }
}
