// Incremental splitter for newline-delimited JSON (Ollama's native stream): bytes in arbitrary
// pieces go in, one complete line per JSON object comes out.
#pragma once

#include <QByteArray>
#include <QList>

namespace shotcraft::providers {

class NdjsonParser {
public:
    // Appends bytes and returns the complete, non-blank lines they finished (without the newline).
    QList<QByteArray> feed(const QByteArray &bytes);
    // Ends the stream: a last line without its newline is still delivered.
    QList<QByteArray> finish();

private:
    QByteArray m_buffer;
};

} // namespace shotcraft::providers
