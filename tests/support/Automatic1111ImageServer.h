// A test stand-in for AUTOMATIC1111 / Forge with --api (protocols.md §6): /sdapi/v1/txt2img,
// /sdapi/v1/img2img (init_images), ControlNet IP-Adapter units in alwayson_scripts, and
// /controlnet/model_list. Answers {"images":[b64],"parameters":{...},"info":"<JSON string>"} with the
// seed actually used inside `info` (a random one when asked for -1). Records each request for the
// test to assert; service faults: InvalidBase64, DecompressionBomb, ServiceError (FastAPI 422).
#pragma once

#include "support/HttpTestServer.h"

namespace shotcraft::test {

struct ControlNetUnit {
    QString module;
    QString model;
    double weight = 0;
    QByteArray image; // decoded
};

struct Automatic1111Call {
    QByteArray endpoint; // "txt2img" or "img2img"
    QString prompt;
    QString negativePrompt;
    qint64 seed = 0;
    qint64 seedUsed = 0;
    int width = 0;
    int height = 0;
    int steps = 0;
    double cfgScale = 0;
    QString sampler;
    QList<QByteArray> initImages;
    double denoisingStrength = 0;
    QList<ControlNetUnit> controlNet;
};

class Automatic1111ImageServer : public QObject {
    Q_OBJECT
public:
    explicit Automatic1111ImageServer(QObject *parent = nullptr);
    bool listen() { return m_http.listen(); }
    QUrl baseUrl() const { return m_http.baseUrl(); }
    HttpTestServer &http() { return m_http; }

    // What GET /controlnet/model_list offers (exact names with their hashes).
    void setControlNetModels(const QStringList &models) { m_models = models; }
    // Seed used when a request asks for -1.
    void setRandomSeed(qint64 seed) { m_randomSeed = seed; }
    const QList<Automatic1111Call> &calls() const { return m_calls; }

private:
    TestHttpResponse handle(const TestHttpRequest &request, Fault fault);
    HttpTestServer m_http;
    QStringList m_models{QStringLiteral("ip-adapter_sd15 [6a3f6166]"),
                         QStringLiteral("control_v11p_sd15_openpose [cab727d4]")};
    qint64 m_randomSeed = 3141592653;
    QList<Automatic1111Call> m_calls;
};

} // namespace shotcraft::test
