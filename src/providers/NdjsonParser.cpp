#include "providers/NdjsonParser.h"

namespace shotcraft::providers {

QList<QByteArray> NdjsonParser::feed(const QByteArray &bytes) {
    QList<QByteArray> out;
    m_buffer.append(bytes);
    qsizetype start = 0;
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0; nl = m_buffer.indexOf('\n', start)) {
        const QByteArray line = m_buffer.mid(start, nl - start).trimmed();
        if (!line.isEmpty())
            out.append(line);
        start = nl + 1;
    }
    m_buffer.remove(0, start);
    return out;
}

QList<QByteArray> NdjsonParser::finish() {
    QList<QByteArray> out;
    const QByteArray line = m_buffer.trimmed();
    if (!line.isEmpty())
        out.append(line);
    m_buffer.clear();
    return out;
}

} // namespace shotcraft::providers
