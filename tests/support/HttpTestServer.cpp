#include "support/HttpTestServer.h"

#include "support/HttpStatus.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QWebSocketServer>

namespace shotcraft::test {

namespace {
TestHttpResponse apiError(int status, const char *type, const char *code, const char *message) {
    return TestHttpResponse::json(
        status, {{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", code}}}});
}

// Answers for the generic faults; nullopt when the fault is not one of them.
std::optional<TestHttpResponse> genericFaultResponse(Fault fault) {
    switch (fault) {
    case Fault::RateLimitSeconds: {
        auto r = apiError(429, "requests", "rate_limit_exceeded", "Rate limit reached; try again in 50ms.");
        r.setHeader("retry-after", "0.05");
        return r;
    }
    case Fault::RateLimitMs: {
        auto r = apiError(429, "requests", "rate_limit_exceeded", "Rate limit reached.");
        r.setHeader("retry-after-ms", "50");
        return r;
    }
    case Fault::RateLimitDate: {
        auto r = apiError(429, "requests", "rate_limit_exceeded", "Rate limit reached.");
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(1);
        r.setHeader(
            "retry-after",
            QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1());
        return r;
    }
    case Fault::RateLimitQuota:
        return apiError(429, "insufficient_quota", "insufficient_quota",
                        "You exceeded your current quota, please check your plan and billing details.");
    case Fault::Status500:
        return apiError(500, "server_error", "server_error",
                        "The server had an error processing your request.");
    case Fault::Status503:
        return apiError(503, "server_error", "service_unavailable", "The engine is currently overloaded.");
    case Fault::Status529:
        return TestHttpResponse::json(
            529, {{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}});
    case Fault::Status400:
        return apiError(400, "invalid_request_error", "invalid_value", "Invalid value for 'size'.");
    case Fault::Status401:
        return apiError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.");
    case Fault::Status404:
        return apiError(404, "invalid_request_error", "model_not_found", "The model does not exist.");
    case Fault::Status422:
        return TestHttpResponse::json(422, {{"detail", Json::array({{{"loc", {"body", "width"}},
                                                                     {"msg", "value is not a valid integer"},
                                                                     {"type", "type_error.integer"}}})}});
    case Fault::HtmlErrorPage200:
        return TestHttpResponse::bytes(
            200, "text/html",
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
            "<h1>Bad Gateway</h1><p>nginx</p></body></html>");
    case Fault::WrongContentType:
        return TestHttpResponse::bytes(200, "application/octet-stream", solidPng(8, 8));
    default:
        return std::nullopt;
    }
}

quint32 crc32(const QByteArray &data) {
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(quint32 v) {
    QByteArray b(4, 0);
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data) {
    return be32(quint32(data.size())) + type + data + be32(crc32(type + data));
}
} // namespace

QByteArray pngHeaderClaiming(int width, int height) {
    QByteArray ihdr = be32(quint32(width)) + be32(quint32(height));
    ihdr += char(8); // bit depth
    ihdr += char(6); // RGBA
    ihdr += QByteArray(3, 0);
    // A deflate stream of a few zero bytes: the decoder would happily inflate it to gigabytes.
    const QByteArray idat = QByteArray::fromHex("789c63600000000100 01");
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat) +
           pngChunk("IEND", {});
}

QByteArray solidPng(int width, int height, quint32 rgb) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(rgb));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// ---------------------------------------------------------------------------------------------- request

QByteArray TestHttpRequest::header(const QByteArray &name) const {
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

Json TestHttpRequest::json() const {
    return Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

QList<MultipartPart> TestHttpRequest::multipart() const {
    QList<MultipartPart> parts;
    const QByteArray type = header("content-type");
    const qsizetype at = type.indexOf("boundary=");
    if (at < 0)
        return parts;
    QByteArray boundary = type.mid(at + 9);
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.indexOf('"', 1) - 1);
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break;
        pos += 2; // CRLF
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            break;
        const qsizetype next = body.indexOf("\r\n" + delimiter, headerEnd);
        if (next < 0)
            break;
        MultipartPart part;
        for (const QByteArray &line : body.mid(pos, headerEnd - pos).split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-disposition:")) {
                auto param = [&](const QByteArray &key) {
                    const qsizetype k = l.indexOf("; " + key + "=\"");
                    if (k < 0)
                        return QByteArray();
                    const qsizetype start = k + key.size() + 4;
                    return l.mid(start, l.indexOf('"', start) - start);
                };
                part.name = param("name");
                part.fileName = param("filename");
            } else if (l.toLower().startsWith("content-type:")) {
                part.contentType = l.mid(13).trimmed();
            }
        }
        part.data = body.mid(headerEnd + 4, next - headerEnd - 4);
        parts.append(part);
        pos = next + 2;
        pos = body.indexOf(delimiter, pos);
    }
    return parts;
}

TestHttpResponse TestHttpResponse::json(int status, const Json &body) {
    return bytes(status, "application/json", QByteArray::fromStdString(body.dump()));
}

TestHttpResponse TestHttpResponse::bytes(int status, const QByteArray &contentType, const QByteArray &body) {
    TestHttpResponse r;
    r.status = status;
    r.body = body;
    r.setHeader("Content-Type", contentType);
    return r;
}

void TestHttpResponse::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    headers.append({name, value});
}

// ---------------------------------------------------------------------------------------------- server

HttpTestServer::HttpTestServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &HttpTestServer::onNewConnection);
}

HttpTestServer::~HttpTestServer() = default;

bool HttpTestServer::listen() {
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 HttpTestServer::port() const {
    return m_server->serverPort();
}

QUrl HttpTestServer::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

int HttpTestServer::countPath(const QByteArray &pathPrefix) const {
    int n = 0;
    for (const TestHttpRequest &r : m_requests)
        n += r.path.startsWith(pathPrefix) ? 1 : 0;
    return n;
}

void HttpTestServer::resetCounters() {
    m_requests.clear();
    m_maxInFlight = m_inFlight;
    m_rejected = 0;
}

void HttpTestServer::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setProperty("busy", false);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            // A request still being answered (hang, drip) when the client gives up.
            if (socket->property("busy").toBool()) {
                socket->setProperty("busy", false);
                --m_inFlight;
            }
            socket->deleteLater();
        });
    }
}

void HttpTestServer::onReadyRead(QTcpSocket *socket) {
    if (m_webSockets && socket->property("buffer").toByteArray().isEmpty()) {
        const QByteArray head = socket->peek(4096).toLower();
        if (head.contains("upgrade: websocket")) {
            socket->disconnect(this);
            m_webSockets->handleConnection(socket);
            // The handshake bytes are already waiting: make the WebSocket server look at them.
            QTimer::singleShot(0, socket, [socket] { Q_EMIT socket->readyRead(); });
            return;
        }
    }
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    while (!socket->property("busy").toBool()) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        TestHttpRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        const qsizetype q = request.target.indexOf('?');
        request.path = q < 0 ? request.target : request.target.left(q);
        if (q >= 0)
            request.query = QUrlQuery(QString::fromUtf8(request.target.mid(q + 1)));
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            break;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        dispatch(socket, std::move(request));
    }
    socket->setProperty("buffer", buffer);
}

void HttpTestServer::dispatch(QTcpSocket *socket, TestHttpRequest request) {
    socket->setProperty("busy", true);
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    m_requests.append(request);
    Q_EMIT requestReceived(request);

    Fault fault = m_faults.take(request.path);
    if (m_concurrencyLimit > 0 && m_inFlight > m_concurrencyLimit) {
        ++m_rejected;
        TestHttpResponse r =
            apiError(429, "requests", "rate_limit_exceeded", "Too many concurrent requests.");
        r.setHeader("retry-after-ms", "20");
        write(socket, r, Fault::None);
        return;
    }
    if (fault == Fault::Hang)
        return; // counted in flight until the client disconnects
    int delay = m_faults.latencyMs + (fault == Fault::Latency ? std::max(50, m_faults.latencyMs) : 0);
    QPointer<QTcpSocket> guard(socket);
    auto go = [this, guard, request, fault] {
        if (guard)
            respond(guard, request, fault);
    };
    if (delay > 0)
        QTimer::singleShot(delay, this, go);
    else
        go();
}

void HttpTestServer::respond(QTcpSocket *socket, const TestHttpRequest &request, Fault fault) {
    if (auto generic = genericFaultResponse(fault)) {
        write(socket, *generic, Fault::None);
        return;
    }
    TestHttpResponse response = m_handler ? m_handler(request, isServiceFault(fault) ? fault : Fault::None)
                                          : TestHttpResponse::json(404, {{"error", "no handler"}});
    write(socket, response, fault);
}

void HttpTestServer::write(QTcpSocket *socket, const TestHttpResponse &response, Fault fault) {
    QByteArray body = response.body;
    if (fault == Fault::TruncatedJson)
        body = body.left(body.size() / 2);
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    bool hasType = false;
    for (const auto &[k, v] : response.headers) {
        head += k + ": " + v + "\r\n";
        hasType = hasType || k.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType)
        head += "Content-Type: application/json\r\n";
    const qsizetype promised = fault == Fault::DropMidBody ? body.size() * 2 + 64 : body.size();
    head += "Content-Length: " + QByteArray::number(promised) + "\r\n\r\n";

    if (fault == Fault::DropMidBody) {
        socket->write(head + body.left(body.size() / 2));
        socket->flush();
        QTimer::singleShot(10, socket, [this, socket] {
            finishRequest(socket);
            socket->abort();
        });
        return;
    }
    if (fault == Fault::SlowDrip) {
        socket->write(head);
        auto *timer = new QTimer(socket);
        auto offset = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, body, offset] {
            socket->write(body.mid(*offset, m_faults.dripChunk));
            *offset += m_faults.dripChunk;
            if (*offset >= body.size()) {
                timer->stop();
                timer->deleteLater();
                finishRequest(socket);
            }
        });
        timer->start(m_faults.dripIntervalMs);
        return;
    }
    socket->write(head + body);
    finishRequest(socket);
}

void HttpTestServer::finishRequest(QTcpSocket *socket) {
    if (!socket->property("busy").toBool())
        return;
    socket->setProperty("busy", false);
    --m_inFlight;
    // A request may have arrived while this one was being answered.
    if (!socket->property("buffer").toByteArray().isEmpty() || socket->bytesAvailable() > 0)
        QTimer::singleShot(0, socket, [this, socket] { onReadyRead(socket); });
}

} // namespace shotcraft::test
