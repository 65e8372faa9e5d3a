#include "support/FaultScript.h"

#include <QMutexLocker>

namespace shotcraft::test {

bool isServiceFault(Fault fault) {
    return fault == Fault::InvalidBase64 || fault == Fault::DecompressionBomb ||
           fault == Fault::ContentPolicy || fault == Fault::ServiceError || fault == Fault::TruncatedJson ||
           fault == Fault::WrongContentType;
}

const char *faultName(Fault fault) {
    switch (fault) {
    case Fault::None:
        return "none";
    case Fault::Latency:
        return "latency";
    case Fault::RateLimitSeconds:
        return "429 retry-after seconds";
    case Fault::RateLimitMs:
        return "429 retry-after-ms";
    case Fault::RateLimitDate:
        return "429 retry-after date";
    case Fault::RateLimitQuota:
        return "429 insufficient_quota";
    case Fault::Status500:
        return "500";
    case Fault::Status503:
        return "503";
    case Fault::Status529:
        return "529";
    case Fault::Status400:
        return "400";
    case Fault::Status401:
        return "401";
    case Fault::Status404:
        return "404";
    case Fault::Status422:
        return "422";
    case Fault::DropMidBody:
        return "dropped mid-body";
    case Fault::TruncatedJson:
        return "truncated JSON";
    case Fault::HtmlErrorPage200:
        return "HTML page with 200";
    case Fault::WrongContentType:
        return "wrong content type";
    case Fault::SlowDrip:
        return "slow drip";
    case Fault::Hang:
        return "hang";
    case Fault::InvalidBase64:
        return "invalid base64";
    case Fault::DecompressionBomb:
        return "decompression bomb";
    case Fault::ContentPolicy:
        return "content policy";
    case Fault::ServiceError:
        return "service error";
    }
    return "?";
}

void FaultScript::push(Fault fault, int times, const QByteArray &pathContains) {
    QMutexLocker lock(&m_mutex);
    m_entries.append({fault, times, pathContains});
}

Fault FaultScript::take(const QByteArray &path) {
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        Entry &e = m_entries[i];
        if (!e.path.isEmpty() && !path.contains(e.path))
            continue;
        const Fault f = e.fault;
        if (--e.times <= 0)
            m_entries.removeAt(i);
        return f;
    }
    return Fault::None;
}

void FaultScript::clear() {
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

int FaultScript::pending() const {
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const Entry &e : m_entries)
        n += e.times;
    return n;
}

} // namespace shotcraft::test
