#include "providers/HttpClient.h"

#include "domain/Json.h"
#include "domain/Logging.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace shotcraft::providers {

namespace {
// What the log may show of a URL: never user info or a query (some services take keys there).
QString safeUrl(const QUrl &url) {
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString networkErrorText(QNetworkReply::NetworkError e) {
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before the response was complete");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake failed");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QStringLiteral("the network is unavailable");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QStringLiteral("proxy error");
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return QStringLiteral("the server's response was not valid HTTP");
    default:
        return QStringLiteral("network error %1").arg(int(e));
    }
}

QString htmlOrText(const QByteArray &body) {
    const QByteArray head = body.left(512).trimmed().toLower();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body"))
        return QStringLiteral("an HTML page instead of an API response");
    QString text = QString::fromUtf8(body.left(200)).simplified();
    return text;
}
} // namespace

// ---------------------------------------------------------------------------------------------- request

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

HttpRequest HttpRequest::get(const QUrl &url) {
    HttpRequest r;
    r.url = url;
    return r;
}

HttpRequest HttpRequest::post(const QUrl &url, const QByteArray &contentType, const QByteArray &body) {
    HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.body = body;
    r.setHeader("Content-Type", contentType);
    return r;
}

HttpRequest HttpRequest::postJson(const QUrl &url, const QByteArray &json) {
    return post(url, "application/json", json);
}

QString HttpResponse::serviceMessage() const {
    const Json j = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (j.is_object()) {
        auto text = [](const Json &v) -> QString {
            return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
        };
        if (j.contains("error")) {
            const Json &e = j["error"];
            if (e.is_object() && e.contains("message"))
                return text(e["message"]);
            if (e.is_string())
                return text(e);
        }
        if (j.contains("detail")) {
            const Json &d = j["detail"];
            if (d.is_string())
                return text(d);
            if (d.is_array() && !d.empty() && d[0].is_object() && d[0].contains("msg"))
                return text(d[0]["msg"]);
        }
        if (j.contains("message"))
            return text(j["message"]);
    }
    return htmlOrText(body);
}

// ---------------------------------------------------------------------------------------------- call

HttpCall::HttpCall(HttpClient *client, HttpRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request)) {
    m_connectTimer = new QTimer(this);
    m_connectTimer->setSingleShot(true);
    m_totalTimer = new QTimer(this);
    m_totalTimer->setSingleShot(true);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &HttpCall::startAttempt);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        abortWith(HttpFailure::Timeout, QStringLiteral("could not connect to %1 within %2 s")
                                            .arg(m_request.url.host())
                                            .arg(m_request.timeouts.connectMs / 1000.0));
    });
    connect(m_totalTimer, &QTimer::timeout, this, [this] {
        abortWith(HttpFailure::Timeout, QStringLiteral("%1 did not finish answering within %2 s")
                                            .arg(m_request.url.host())
                                            .arg(m_request.timeouts.totalMs / 1000.0));
    });
}

QString HttpCall::describe() const {
    return QStringLiteral("%1 %2 %3")
        .arg(m_request.label.isEmpty() ? QStringLiteral("http") : m_request.label,
             QString::fromLatin1(m_request.method), safeUrl(m_request.url));
}

void HttpCall::startAttempt() {
    if (m_done || !m_client)
        return;
    ++m_attempt;
    m_buffer.clear();
    m_abortReason = HttpFailure::None;
    m_abortError.clear();

    QNetworkRequest req(m_request.url);
    for (const auto &[name, value] : m_request.headers)
        req.setRawHeader(name, value);
    req.setTransferTimeout(m_request.timeouts.transferMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    req.setMaximumRedirectsAllowed(m_request.maxRedirects);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkAccessManager *nam = m_client->checkOut(m_request.url);
    m_replyManager = nam;
    QNetworkReply *reply = nullptr;
    if (m_request.method == "GET")
        reply = nam->get(req);
    else
        reply = nam->sendCustomRequest(req, m_request.method, m_request.body);
    m_reply = reply;
    qCDebug(lcProviders).noquote() << describe() << "attempt" << m_attempt;

    auto connected = [this] {
        m_connectTimer->stop();
    };
    connect(reply, &QNetworkReply::requestSent, this, connected);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        m_connectTimer->stop();
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_request.maxResponseBytes)
            abortWith(HttpFailure::TooLarge,
                      QStringLiteral("%1 announced a %2-byte response, over the %3-byte limit")
                          .arg(m_request.url.host())
                          .arg(length.toLongLong())
                          .arg(m_request.maxResponseBytes));
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (sent > 0)
            m_connectTimer->stop();
        Q_EMIT uploadProgress(sent, total);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, &HttpCall::downloadProgress);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        m_connectTimer->stop();
        const QByteArray data = reply->readAll();
        if (m_buffer.size() + data.size() > m_request.maxResponseBytes) {
            abortWith(HttpFailure::TooLarge, QStringLiteral("the response from %1 exceeded the %2-byte limit")
                                                 .arg(m_request.url.host())
                                                 .arg(m_request.maxResponseBytes));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_request.streaming && status >= 200 && status < 300) {
            m_streamed = true;
            Q_EMIT chunk(data);
        }
        m_buffer += data;
    });
    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &target) {
        const QUrl from = m_request.url;
        if (target.scheme() == from.scheme() && target.host() == from.host() &&
            target.port(from.scheme() == QLatin1String("https") ? 443 : 80) ==
                from.port(from.scheme() == QLatin1String("https") ? 443 : 80)) {
            Q_EMIT reply->redirectAllowed();
        } else {
            // Another origin would receive our headers (and so the key): refuse.
            abortWith(HttpFailure::Redirect, QStringLiteral("%1 redirected to another host (%2); refused")
                                                 .arg(from.host(), target.host()));
        }
    });
    connect(reply, &QNetworkReply::finished, this, &HttpCall::onFinished);

    m_connectTimer->start(m_request.timeouts.connectMs);
    m_totalTimer->start(m_request.timeouts.totalMs);
}

void HttpCall::abortWith(HttpFailure failure, const QString &error) {
    if (m_done)
        return;
    if (m_abortReason == HttpFailure::None) {
        m_abortReason = failure;
        m_abortError = error;
    }
    if (m_reply && m_reply->isRunning()) {
        m_reply->abort(); // emits finished -> onFinished
        return;
    }
    if (!m_reply || m_reply->isFinished()) {
        // Between attempts (waiting to retry) or already over: finish right here.
        m_retryTimer->stop();
        HttpResponse r;
        r.failure = m_abortReason;
        r.error = m_abortError;
        r.attempts = m_attempt;
        complete(std::move(r));
    }
}

void HttpCall::cancel() {
    abortWith(HttpFailure::Cancelled, QStringLiteral("cancelled"));
}

void HttpCall::onFinished() {
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    if (m_client && m_replyManager)
        m_client->checkIn(m_replyManager, m_request.url);
    m_replyManager = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    m_connectTimer->stop();
    m_totalTimer->stop();

    HttpResponse r;
    r.attempts = m_attempt;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        m_buffer += reply->readAll();
    r.body = m_buffer;
    const QString host = m_request.url.host();
    const QNetworkReply::NetworkError err = reply->error();

    if (m_abortReason != HttpFailure::None) {
        r.failure = m_abortReason;
        r.error = m_abortError;
    } else if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
        // Our abort() has a reason set; this one came from the transfer-timeout timer.
        r.failure = HttpFailure::Timeout;
        r.error =
            QStringLiteral("%1 went silent for %2 s").arg(host).arg(m_request.timeouts.transferMs / 1000.0);
    } else if (err == QNetworkReply::TooManyRedirectsError || err == QNetworkReply::InsecureRedirectError) {
        r.failure = HttpFailure::Redirect;
        r.error = QStringLiteral("%1 redirected too often").arg(host);
    } else if (r.status != 0 && (r.status < 200 || r.status >= 300) &&
               (err == QNetworkReply::NoError || err >= 100)) {
        // A status arrived and the error is only Qt's name for it (400 maps to a "protocol" error,
        // 404 to a content error, 5xx to server errors), not a transport failure (codes below 100).
        r.failure = HttpFailure::Status;
        const QString message = r.serviceMessage();
        r.error = message.isEmpty() ? QStringLiteral("HTTP %1 from %2").arg(r.status).arg(host)
                                    : QStringLiteral("HTTP %1 from %2: %3").arg(r.status).arg(host, message);
    } else if (err != QNetworkReply::NoError) {
        r.failure = HttpFailure::Network;
        r.error = QStringLiteral("%1: %2").arg(host, networkErrorText(err));
    }

    if (r.failure == HttpFailure::None && r.header("content-encoding").isEmpty()) {
        // Qt may report a connection closed mid-body as a normal end: hold it to its Content-Length.
        bool known = false;
        const qint64 promised = r.header("content-length").toLongLong(&known);
        if (known && qint64(m_buffer.size()) < promised) {
            r.failure = HttpFailure::Network;
            r.error = QStringLiteral("%1: the connection closed after %2 of %3 bytes")
                          .arg(host)
                          .arg(m_buffer.size())
                          .arg(promised);
        }
    }

    switch (r.failure) {
    case HttpFailure::Network:
    case HttpFailure::Timeout:
        r.retryable = !m_streamed;
        break;
    case HttpFailure::Status:
        r.retryable = !m_streamed && RetryPolicy::isRetryableStatus(r.status, r.body);
        break;
    default:
        r.retryable = false;
    }

    if (r.ok()) {
        qCInfo(lcProviders).noquote() << describe() << "->" << r.status << "in attempt" << m_attempt;
        complete(std::move(r));
        return;
    }
    if (r.retryable && m_attempt <= m_request.retry.maxRetries) {
        const qint64 delay = m_request.retry.delayMs(m_attempt - 1, r.headers);
        qCInfo(lcProviders).noquote()
            << describe() << "failed (" << r.error << "), retry" << m_attempt << "in" << delay << "ms";
        Q_EMIT retrying(m_attempt, delay, r.error);
        m_retryTimer->start(int(std::min<qint64>(delay, 24 * 3600 * 1000)));
        return;
    }
    qCInfo(lcProviders).noquote() << describe() << "failed:" << r.error;
    complete(std::move(r));
}

void HttpCall::complete(HttpResponse response) {
    if (m_done)
        return;
    m_done = true;
    m_connectTimer->stop();
    m_totalTimer->stop();
    m_retryTimer->stop();
    if (m_client)
        m_client->m_calls.remove(this);
    Q_EMIT finished(response);
    deleteLater();
}

// ---------------------------------------------------------------------------------------------- client

HttpClient::HttpClient(QObject *parent)
    : QObject(parent) {
    qRegisterMetaType<shotcraft::providers::HttpResponse>();
}

HttpClient::~HttpClient() {
    cancelAll();
}

HttpClient &HttpClient::instance() {
    static thread_local QPointer<HttpClient> t_client;
    if (!t_client) {
        QThread *thread = QThread::currentThread();
        auto *client = new HttpClient;
        if (QCoreApplication::instance() && thread == QCoreApplication::instance()->thread()) {
            client->setParent(QCoreApplication::instance());
        } else {
            QObject::connect(thread, &QThread::finished, client, &QObject::deleteLater);
        }
        t_client = client;
    }
    return *t_client;
}

HttpCall *HttpClient::send(const HttpRequest &request) {
    auto *call = new HttpCall(this, request);
    m_calls.insert(call);
    // Started from the event loop so the caller can connect before anything is emitted.
    QTimer::singleShot(0, call, &HttpCall::startAttempt);
    return call;
}

namespace {
QString originOf(const QUrl &url) {
    return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}
} // namespace

QNetworkAccessManager *HttpClient::checkOut(const QUrl &url) {
    const QString origin = originOf(url);
    auto lane = std::find_if(m_lanes.begin(), m_lanes.end(), [&](const Lane &l) {
        return l.inFlight.value(origin) < kConnectionsPerManager;
    });
    if (lane == m_lanes.end()) {
        auto *manager = new QNetworkAccessManager(this);
        manager->setAutoDeleteReplies(false);
        m_lanes.push_back({manager, {}});
        lane = m_lanes.end() - 1;
        qCDebug(lcProviders) << "network lane" << m_lanes.size() << "opened for more connections";
    }
    ++lane->inFlight[origin];
    return lane->manager;
}

void HttpClient::checkIn(QNetworkAccessManager *manager, const QUrl &url) {
    for (Lane &lane : m_lanes) {
        if (lane.manager == manager) {
            int &count = lane.inFlight[originOf(url)];
            count = std::max(0, count - 1);
            return;
        }
    }
}

void HttpClient::cancelAll() {
    const QSet<HttpCall *> calls = m_calls;
    for (HttpCall *call : calls)
        call->cancel();
}

// ---------------------------------------------------------------------------------------------- multipart

MultipartBody::MultipartBody() {
    m_boundary = "----shotcraft" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

void MultipartBody::addField(const QByteArray &name, const QByteArray &value) {
    m_parts += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
               value + "\r\n";
}

void MultipartBody::addFile(const QByteArray &name, const QByteArray &fileName, const QByteArray &contentType,
                            const QByteArray &data) {
    m_parts += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" +
               fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + data + "\r\n";
}

QByteArray MultipartBody::contentType() const {
    return "multipart/form-data; boundary=" + m_boundary;
}

QByteArray MultipartBody::body() const {
    return m_parts + "--" + m_boundary + "--\r\n";
}

// ---------------------------------------------------------------------------------------------- gate

ConcurrencyGate::ConcurrencyGate(int limit, QObject *parent)
    : QObject(parent)
    , m_limit(std::max(1, limit)) {
}

void ConcurrencyGate::setLimit(int limit) {
    m_limit = std::max(1, limit);
    pump();
}

void ConcurrencyGate::acquire(QObject *context, std::function<void()> start) {
    m_waiting.push_back({context, std::move(start)});
    QTimer::singleShot(0, this, &ConcurrencyGate::pump);
}

void ConcurrencyGate::release() {
    if (m_inFlight > 0)
        --m_inFlight;
    QTimer::singleShot(0, this, &ConcurrencyGate::pump);
}

void ConcurrencyGate::pump() {
    while (m_inFlight < m_limit && !m_waiting.empty()) {
        Waiter w = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (!w.context)
            continue;
        ++m_inFlight;
        w.start();
    }
}

} // namespace shotcraft::providers
