package com.ticketing.user.auth;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

import java.util.List;

/**
 * Keeps no record of login sessions. Spring Authorization Server's OIDC support would otherwise create an
 * in-memory registry that grows with every login (sessions live in Redis here and their end is never reported
 * back to it) and that each replica fills differently. Without one, ID tokens carry no {@code sid} and
 * {@code /connect/logout} ends the browser's session after checking {@code id_token_hint} and the user, not
 * the session id.
 */
final class NoSessionRegistry implements SessionRegistry {

    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        return null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
    }

    @Override
    public void removeSessionInformation(String sessionId) {
    }
}
