package com.ticketing.gateway.security;

/** A user id as the services accept it: a positive decimal integer up to 2^53 − 1 (exact in JSON numbers). */
final class UserIds {

    static final long MAX = (1L << 53) - 1;

    private UserIds() {
    }

    static boolean isValid(String sub) {
        if (sub == null || sub.isEmpty() || sub.length() > 16 || sub.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < sub.length(); i++) {
            char c = sub.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(sub) <= MAX;
    }
}
