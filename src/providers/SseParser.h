// Incremental parser for Server-Sent Events (text/event-stream), the framing of OpenAI and Anthropic
// streams. Bytes arrive in arbitrary pieces from the network; complete events come out.
#pragma once

#include <QByteArray>
#include <QList>

namespace shotcraft::providers {

struct SseEvent {
    QByteArray event; // empty when the stream names none (OpenAI)
    QByteArray data;  // the data lines joined with '\n'
    bool operator==(const SseEvent &) const = default;
};

class SseParser {
public:
    // Appends bytes and returns the events they completed (a blank line ends an event).
    QList<SseEvent> feed(const QByteArray &bytes);
    // Ends the stream: an event left without its blank line is still delivered.
    QList<SseEvent> finish();

private:
    void takeLine(const QByteArray &line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_buffer;
    QByteArray m_event;
    QByteArray m_data;
    bool m_hasData = false;
    bool m_pendingCr = false; // a '\r' ended the last piece: a following '\n' belongs to it
};

} // namespace shotcraft::providers
