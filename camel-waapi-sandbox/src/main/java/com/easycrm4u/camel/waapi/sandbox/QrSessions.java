package com.easycrm4u.camel.waapi.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.easycrm4u.camel.waapi.model.QrSession;

/** The vendor's WhatsApp QR linked-device sessions, connected or not. Hands out copies only. */
final class QrSessions {

    static final String CONNECTED = "connected";
    static final String DISCONNECTED = "disconnected";

    private final Map<String, QrSession> sessions = new LinkedHashMap<>();

    synchronized void add(String sessionId, String sessionName, String e164, boolean connected) {
        Objects.requireNonNull(sessionId, "sessionId");
        if (!PhoneNumbers.isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
        sessions.put(sessionId, session(sessionId, sessionName, PhoneNumbers.digits(e164), status(connected)));
    }

    /** Connects or disconnects a session; the session after the change, or null when its status did not change. */
    synchronized QrSession setConnected(String sessionId, boolean connected) {
        QrSession session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("no QR session '" + sessionId + "'; the sessions are " + sessions.keySet());
        }
        if (session.getStatus().equals(status(connected))) {
            return null;
        }
        session.setStatus(status(connected));
        return copy(session);
    }

    /** Every session, connected or not. */
    synchronized List<QrSession> all() {
        return sessions.values().stream().map(QrSessions::copy).toList();
    }

    synchronized List<QrSession> connected() {
        return sessions.values().stream().filter(QrSessions::isConnected).map(QrSessions::copy).toList();
    }

    /**
     * The connected session chosen by id (and, when given, on that number) or else by number; null when there is none.
     */
    synchronized QrSession findConnected(String sessionId, String fromDigits) {
        for (QrSession session : sessions.values()) {
            boolean matches = sessionId != null
                    ? session.getSessionId().equals(sessionId)
                            && (fromDigits == null || session.getPhoneNumber().equals(fromDigits))
                    : session.getPhoneNumber().equals(fromDigits);
            if (matches && isConnected(session)) {
                return copy(session);
            }
        }
        return null;
    }

    static QrSession session(String sessionId, String sessionName, String phoneNumber, String status) {
        QrSession session = new QrSession();
        session.setSessionId(sessionId);
        session.setSessionName(sessionName);
        session.setPhoneNumber(phoneNumber);
        session.setStatus(status);
        return session;
    }

    static String status(boolean connected) {
        return connected ? CONNECTED : DISCONNECTED;
    }

    private static boolean isConnected(QrSession session) {
        return CONNECTED.equals(session.getStatus());
    }

    private static QrSession copy(QrSession session) {
        return session(session.getSessionId(), session.getSessionName(), session.getPhoneNumber(), session.getStatus());
    }
}
