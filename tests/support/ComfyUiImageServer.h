// A test stand-in for ComfyUI (protocols.md §5): POST /upload/image (multipart), POST /prompt
// (validates the graph: known checkpoints, uploaded LoadImage files, no unfilled {{slots}}; answers
// 400 with node_errors otherwise), "runs" each prompt after a latency while sending
// execution_start / progress / executing{node:null} over the /ws websocket (same port, by
// clientId), then GET /history/{id} and GET /view serve the result. The websocket can be switched
// off to exercise the polling fallback. Service faults: ServiceError (the run fails with an
// execution_error), DecompressionBomb (/view serves a 20000x20000 header).
#pragma once

#include "support/HttpTestServer.h"

#include <QHash>
#include <QPointer>

class QWebSocket;
class QWebSocketServer;

namespace shotcraft::test {

struct ComfyUiCall {
    QString clientId;
    QString promptId;
    Json graph;
    QString positive;
    QString negative;
    qint64 seed = 0;
    int width = 0;
    int height = 0;
    QString checkpoint;
    QList<QByteArray> referenceImages; // bytes of the uploaded files the LoadImage nodes name
    int ipAdapterNodes = 0;
};

class ComfyUiImageServer : public QObject {
    Q_OBJECT
public:
    explicit ComfyUiImageServer(QObject *parent = nullptr);
    ~ComfyUiImageServer() override;
    bool listen() { return m_http.listen(); }
    QUrl baseUrl() const { return m_http.baseUrl(); }
    HttpTestServer &http() { return m_http; }

    void setWebSocketEnabled(bool enabled);
    void setCheckpoints(const QStringList &names) { m_checkpoints = names; }
    void setRunMs(int ms) { m_runMs = ms; } // how long a prompt "runs"
    const QList<ComfyUiCall> &calls() const { return m_calls; }
    int uploads() const { return int(m_uploads.size()); }
    int maxRunning() const { return m_maxRunning; }
    int webSocketClients() const { return m_sockets.size(); }

private:
    TestHttpResponse handle(const TestHttpRequest &request, Fault fault);
    TestHttpResponse queuePrompt(const TestHttpRequest &request, Fault fault);
    void finishPrompt(const QString &promptId, const QString &clientId, bool failed, Fault viewFault);
    void sendTo(const QString &clientId, const Json &message);

    HttpTestServer m_http;
    QWebSocketServer *m_webSockets;
    QHash<QString, QPointer<QWebSocket>> m_sockets;
    QHash<QString, QByteArray> m_uploads;
    QHash<QString, Json> m_history;
    QHash<QString, Fault> m_viewFaults;
    QStringList m_checkpoints{QStringLiteral("sd_xl_base_1.0.safetensors"),
                              QStringLiteral("flux1-kontext-dev.safetensors")};
    QList<ComfyUiCall> m_calls;
    int m_runMs = 30;
    int m_running = 0;
    int m_maxRunning = 0;
    int m_counter = 0;
};

} // namespace shotcraft::test
