#include "providers/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace shotcraft::providers {

namespace {
std::atomic<double> g_timeScale{1.0};

std::optional<QDateTime> parseHttpDate(const QByteArray &text) {
    const QString s = QString::fromLatin1(text).trimmed();
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is what servers send; RFC 2822 covers offsets.
    QDateTime dt = QLocale::c().toDateTime(s, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (dt.isValid()) {
        dt.setTimeZone(QTimeZone::utc());
        return dt;
    }
    dt = QDateTime::fromString(s, Qt::RFC2822Date);
    if (dt.isValid())
        return dt;
    return std::nullopt;
}
} // namespace

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name) {
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool RetryPolicy::isSpendLimit(int status, const QByteArray &body) {
    if (status != 429)
        return false;
    return body.contains("insufficient_quota") || body.contains("billing_hard_limit_reached") ||
           body.contains("billing_not_active");
}

bool RetryPolicy::isRetryableStatus(int status, const QByteArray &body) {
    if (status == 408 || status == 409)
        return true;
    if (status == 429)
        return !isSpendLimit(status, body);
    return status >= 500;
}

qint64 RetryPolicy::backoffMs(int retry) const {
    const double d = double(baseDelayMs) * std::pow(2.0, std::clamp(retry, 0, 30));
    return std::min<qint64>(qint64(d), maxBackoffMs);
}

std::optional<qint64> RetryPolicy::serverDelayMs(const HttpHeaders &headers, const QDateTime &nowUtc) const {
    std::optional<qint64> wish;
    bool ok = false;
    const QByteArray ms = headerValue(headers, "retry-after-ms").trimmed();
    if (!ms.isEmpty()) {
        const double v = ms.toDouble(&ok);
        if (ok && v >= 0)
            wish = qint64(v);
    }
    if (!wish) {
        const QByteArray ra = headerValue(headers, "retry-after").trimmed();
        if (!ra.isEmpty()) {
            const double seconds = ra.toDouble(&ok);
            if (ok && seconds >= 0) {
                wish = qint64(seconds * 1000.0);
            } else if (const auto date = parseHttpDate(ra)) {
                wish = std::max<qint64>(0, nowUtc.msecsTo(*date));
            }
        }
    }
    if (!wish)
        return std::nullopt;
    return std::min(*wish, retryAfterCapMs);
}

qint64 RetryPolicy::delayMs(int retry, const HttpHeaders &headers) const {
    qint64 delay = 0;
    if (const auto wish = serverDelayMs(headers, QDateTime::currentDateTimeUtc())) {
        delay = *wish;
    } else {
        const qint64 base = backoffMs(retry);
        const double extra =
            jitter > 0 ? QRandomGenerator::global()->generateDouble() * jitter * double(base) : 0;
        delay = base + qint64(extra);
    }
    return qint64(double(delay) * timeScale());
}

void RetryPolicy::setTimeScale(double scale) {
    g_timeScale.store(std::max(0.0, scale));
}

double RetryPolicy::timeScale() {
    return g_timeScale.load();
}

} // namespace shotcraft::providers
