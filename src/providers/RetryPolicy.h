// When and how long the HTTP layer waits before resending a failed request. Mirrors the official
// OpenAI and Anthropic clients: retry connection errors, timeouts, 408, 409, 429, 5xx and 529 with
// backoff min(0.5 * 2^n, 8 s) plus jitter; honour retry-after-ms, then retry-after (seconds, may be a
// float, or an HTTP date) up to a cap; never retry 400/401/403/404/422 or a spend-limit 429.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

#include <optional>

namespace shotcraft::providers {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct RetryPolicy {
    int maxRetries = 2;             // resends after the first attempt
    qint64 baseDelayMs = 500;       // backoff for the first retry
    qint64 maxBackoffMs = 8000;     // backoff never exceeds this
    qint64 retryAfterCapMs = 60000; // a server's Retry-After is honoured up to this
    double jitter = 0.25;           // up to this fraction of the delay is added at random

    // Whether a response with this status (and body) is worth sending again.
    static bool isRetryableStatus(int status, const QByteArray &body);
    // A 429 that means "out of money", not "slow down" (OpenAI's insufficient_quota and friends).
    static bool isSpendLimit(int status, const QByteArray &body);

    // Backoff before retry number `retry` (0 = first retry), without jitter, unscaled.
    qint64 backoffMs(int retry) const;
    // The delay the server asked for, from retry-after-ms or retry-after (seconds or HTTP date),
    // capped at retryAfterCapMs; nullopt when it asked for nothing usable.
    std::optional<qint64> serverDelayMs(const HttpHeaders &headers, const QDateTime &nowUtc) const;
    // The delay to wait before retry number `retry`: the server's wish or backoff with jitter,
    // multiplied by the time scale.
    qint64 delayMs(int retry, const HttpHeaders &headers) const;

    // Test hook: every delay is multiplied by this (default 1.0), so tests run retries in
    // milliseconds. Thread-safe.
    static void setTimeScale(double scale);
    static double timeScale();
};

// Case-insensitive header lookup; empty when absent.
QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name);

} // namespace shotcraft::providers
