#include "providers/SseParser.h"

namespace shotcraft::providers {

QList<SseEvent> SseParser::feed(const QByteArray &bytes) {
    QList<SseEvent> out;
    qsizetype start = 0;
    if (m_pendingCr && !bytes.isEmpty() && bytes.front() == '\n')
        start = 1;
    m_pendingCr = false;
    // Lines end in CRLF, LF or a lone CR (the SSE specification allows all three).
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        m_buffer.append(bytes.constData() + start, i - start);
        takeLine(m_buffer, out);
        m_buffer.clear();
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes.at(i + 1) == '\n')
                    ++i;
            } else {
                m_pendingCr = true;
            }
        }
        start = i + 1;
    }
    m_buffer.append(bytes.constData() + start, bytes.size() - start);
    return out;
}

QList<SseEvent> SseParser::finish() {
    QList<SseEvent> out;
    if (!m_buffer.isEmpty()) {
        takeLine(m_buffer, out);
        m_buffer.clear();
    }
    dispatch(out);
    return out;
}

void SseParser::takeLine(const QByteArray &line, QList<SseEvent> &out) {
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // a comment (keep-alive)
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_event = value;
    } else if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    }
    // id and retry only matter to a browser reconnecting; a chat stream is never resumed.
}

void SseParser::dispatch(QList<SseEvent> &out) {
    if (m_hasData)
        out.append({m_event, m_data});
    m_event.clear();
    m_data.clear();
    m_hasData = false;
}

} // namespace shotcraft::providers
