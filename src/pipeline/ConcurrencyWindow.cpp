#include "pipeline/ConcurrencyWindow.h"

#include <algorithm>

namespace shotcraft::pipeline {

namespace {
// Multiplicative decrease: a gentler factor than TCP's 0.5 because an image service's limit is a
// small integer and halving 5 to 2 would waste most of a 4-slot server.
constexpr double kDecrease = 0.7;
// Below the level that last overloaded the service the window regains one slot per window of
// successes; at that level's doorstep it probes this many times more slowly.
constexpr double kProbeSlowdown = 4.0;
} // namespace

ConcurrencyWindow::ConcurrencyWindow(int cap) {
    setCap(cap);
}

void ConcurrencyWindow::setCap(int cap) {
    m_cap = std::max(1, cap);
    m_window = double(m_cap);
    m_overloadLevel = 0;
}

int ConcurrencyWindow::limit() const {
    return std::clamp(int(m_window + 1e-9), 1, m_cap);
}

ConcurrencyWindow::Ticket ConcurrencyWindow::acquire() {
    ++m_inFlight;
    return Ticket{++m_nextSequence, m_inFlight};
}

void ConcurrencyWindow::free() {
    m_inFlight = std::max(0, m_inFlight - 1);
}

void ConcurrencyWindow::succeeded(const Ticket &) {
    free();
    const bool nearOverload = m_overloadLevel > 0 && m_window + 1.0 >= double(m_overloadLevel);
    const double step = 1.0 / std::max(1.0, m_window);
    m_window = std::min(double(m_cap), m_window + (nearOverload ? step / kProbeSlowdown : step));
}

void ConcurrencyWindow::overloaded(const Ticket &ticket) {
    free();
    if (ticket.sequence <= m_decreasedAt)
        return; // sent before the last decrease: that overshoot was already answered
    m_overloadLevel = std::max(1, ticket.inFlightAtSend);
    const double base = std::min(m_window, double(ticket.inFlightAtSend));
    m_window = std::max(1.0, base * kDecrease);
    // The service accepted inFlightAtSend - 1 at once; never drop below that when it is known.
    m_window = std::max(m_window, std::min(double(ticket.inFlightAtSend - 1), m_window + 1.0));
    m_decreasedAt = m_nextSequence;
}

void ConcurrencyWindow::released(const Ticket &) {
    free();
}

} // namespace shotcraft::pipeline
