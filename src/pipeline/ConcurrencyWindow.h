// The sliding window of one image provider: how many requests may be in flight at this moment.
// A new request may start the moment one finishes (no batches). The window shrinks when the service
// signals overload (429, 5xx, timeouts: FailureKind::Transient) and grows back after successes
// (additive increase, multiplicative decrease), never above the provider's and the user's cap.
#pragma once

#include <QtGlobal>

namespace shotcraft::pipeline {

class ConcurrencyWindow {
public:
    // Identifies one request in flight, so that overloads reported by requests sent before the last
    // decrease (a burst of 429s for one overshoot) shrink the window only once.
    struct Ticket {
        quint64 sequence = 0;
        int inFlightAtSend = 0;
    };

    explicit ConcurrencyWindow(int cap = 1);

    void setCap(int cap);
    int cap() const { return m_cap; }
    // Requests allowed in flight now, 1..cap.
    int limit() const;
    double window() const { return m_window; }
    int inFlight() const { return m_inFlight; }
    bool canSend() const { return m_inFlight < limit(); }

    Ticket acquire();
    void succeeded(const Ticket &ticket);
    void overloaded(const Ticket &ticket);
    // Any other outcome (permanent failure, refusal, cancel): frees the slot, window unchanged.
    void released(const Ticket &ticket);

private:
    void free();

    int m_cap = 1;
    double m_window = 1.0;
    int m_inFlight = 0;
    quint64 m_nextSequence = 0;
    quint64 m_decreasedAt = 0; // sequence number at the last decrease
    int m_overloadLevel = 0;   // in-flight count that last overloaded the service (0: never)
};

} // namespace shotcraft::pipeline
