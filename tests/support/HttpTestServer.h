// A small HTTP/1.1 server on QTcpServer for protocol tests: it can do what a framework server
// cannot — drop the connection mid-body, truncate, drip bytes slowly, never answer — driven by a
// FaultScript. It counts requests in flight (and their peak), can answer 429 above a concurrency
// limit, and hands WebSocket upgrades to a QWebSocketServer on the same port (ComfyUI's /ws).
// Service servers (OpenAiImageServer, ComfyUiImageServer, Automatic1111ImageServer) sit on top.
#pragma once

#include "domain/Json.h"
#include "support/FaultScript.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace shotcraft::test {

struct MultipartPart {
    QByteArray name;
    QByteArray fileName;
    QByteArray contentType;
    QByteArray data;
};

struct TestHttpRequest {
    QByteArray method;
    QByteArray target; // path and query as sent
    QByteArray path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    Json json() const; // discarded value when the body is not JSON
    QList<MultipartPart> multipart() const;
};

struct TestHttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static TestHttpResponse json(int status, const Json &body);
    static TestHttpResponse bytes(int status, const QByteArray &contentType, const QByteArray &body);
    void setHeader(const QByteArray &name, const QByteArray &value);
};

class HttpTestServer : public QObject {
    Q_OBJECT
public:
    // Called for requests that no generic fault answered; `fault` is a service fault or None.
    using Handler = std::function<TestHttpResponse(const TestHttpRequest &request, Fault fault)>;

    explicit HttpTestServer(QObject *parent = nullptr);
    ~HttpTestServer() override;

    bool listen(); // 127.0.0.1, a free port
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Upgrade requests go to this server's handleConnection (it must not listen itself).
    void setWebSocketServer(QWebSocketServer *server) { m_webSockets = server; }

    FaultScript &faults() { return m_faults; }
    // Requests beyond this many in flight get 429 (retry-after-ms: 20). 0 = no limit.
    void setConcurrencyLimit(int limit) { m_concurrencyLimit = limit; }

    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    int requestCount() const { return int(m_requests.size()); }
    int rejectedOverLimit() const { return m_rejected; }
    const QList<TestHttpRequest> &requests() const { return m_requests; }
    int countPath(const QByteArray &pathPrefix) const;
    void resetCounters();

Q_SIGNALS:
    void requestReceived(const shotcraft::test::TestHttpRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, TestHttpRequest request);
    void respond(QTcpSocket *socket, const TestHttpRequest &request, Fault fault);
    void write(QTcpSocket *socket, const TestHttpResponse &response, Fault fault);
    void finishRequest(QTcpSocket *socket);

    QTcpServer *m_server;
    QWebSocketServer *m_webSockets = nullptr;
    Handler m_handler;
    FaultScript m_faults;
    int m_concurrencyLimit = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_rejected = 0;
    QList<TestHttpRequest> m_requests;
};

// A PNG whose header claims width x height pixels but carries no real image data.
QByteArray pngHeaderClaiming(int width, int height);
// A small valid PNG, solid colour.
QByteArray solidPng(int width, int height, quint32 rgb = 0x336699);

} // namespace shotcraft::test
