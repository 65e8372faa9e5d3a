#include "providers/OpenAiImagesProvider.h"

#include "providers/NetworkImageJob.h"
#include "providers/Secrets.h"

#include <cmath>

namespace shotcraft::providers {

namespace {
const QList<QSize> kSizes = {QSize(1024, 1024), QSize(1536, 1024), QSize(1024, 1536)};

bool isContentPolicy(const HttpResponse &response) {
    if (response.status != 400)
        return false;
    const Json j = Json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object())
        return false;
    const Json &e = j["error"];
    const std::string code = e.contains("code") && e["code"].is_string() ? e["code"].get<std::string>() : "";
    return code == "content_policy_violation" || code == "moderation_blocked";
}

class OpenAiImagesJob : public NetworkImageJob {
public:
    OpenAiImagesJob(const ProviderProfile &profile, ConcurrencyGate *gate, HttpClient *client,
                    const ImageRequest &request)
        : NetworkImageJob(profile, gate, client)
        , m_request(request) {}

protected:
    void begin() override {
        Secrets::readKey(m_profile, this, [this](const Result<QString> &key) {
            if (isDone())
                return;
            if (!key) {
                fail(FailureKind::Permanent, key.error());
                return;
            }
            post(*key);
        });
    }

private:
    void post(const QString &key) {
        const PromptPackage &pkg = m_request.package;
        const QSize size = OpenAiImagesProvider::nearestSize(pkg.params.width, pkg.params.height);
        const QByteArray sizeText =
            QByteArray::number(size.width()) + 'x' + QByteArray::number(size.height());
        const QString model = m_profile.model.isEmpty() ? QStringLiteral("gpt-image-1") : m_profile.model;
        const QString quality = m_profile.option("quality");
        const ReferenceSelection refs =
            selectReferences(m_request, std::min(16, m_profile.effectiveReferenceLimit()));
        for (const ReferenceData &r : refs.sent)
            m_result.referencesUsed.append(r.reference.referenceId);
        m_result.referencesDropped = refs.dropped;
        m_result.model = model;
        m_result.seedUsed = pkg.params.seed; // the API takes no seed; recorded for the take's history

        HttpRequest req;
        if (refs.sent.isEmpty()) {
            req = request("POST", QStringLiteral("/v1/images/generations"));
            Json body = {{"model", model},
                         {"prompt", OpenAiImagesProvider::promptText(pkg)},
                         {"n", 1},
                         {"size", sizeText.toStdString()}};
            if (!quality.isEmpty())
                body["quality"] = quality;
            if (model.startsWith(QLatin1String("dall-e")))
                body["response_format"] = "b64_json";
            req.body = QByteArray::fromStdString(body.dump());
            req.setHeader("Content-Type", "application/json");
        } else {
            req = request("POST", QStringLiteral("/v1/images/edits"));
            MultipartBody form;
            form.addField("model", model.toUtf8());
            form.addField("prompt", OpenAiImagesProvider::promptText(pkg).toUtf8());
            form.addField("n", "1");
            form.addField("size", sizeText);
            if (!quality.isEmpty())
                form.addField("quality", quality.toUtf8());
            const QString fidelity = m_profile.option("input_fidelity", QStringLiteral("high"));
            if (!fidelity.isEmpty() && !model.startsWith(QLatin1String("dall-e")))
                form.addField("input_fidelity", fidelity.toUtf8());
            for (const ReferenceData &r : refs.sent) {
                const QByteArray mime = sniffImageMimeType(r.encoded);
                const QByteArray ext = mime == "image/jpeg" ? "jpg" : mime == "image/webp" ? "webp" : "png";
                form.addFile("image[]",
                             "reference-" + QByteArray::number(r.reference.referenceId) + '.' + ext, mime,
                             r.encoded);
            }
            req.body = form.body();
            req.setHeader("Content-Type", form.contentType());
        }
        req.setHeader("Authorization", "Bearer " + key.toUtf8());
        send(req, [this](const HttpResponse &response) { onResponse(response); });
    }

    void onResponse(const HttpResponse &response) {
        if (!response.ok()) {
            if (isContentPolicy(response)) {
                fail(FailureKind::ContentPolicy,
                     QStringLiteral("OpenAI refused the prompt (content policy): %1")
                         .arg(response.serviceMessage()));
                return;
            }
            failFromHttp(response, QStringLiteral("OpenAI Images"));
            return;
        }
        const Result<Json> json = jsonBody(response);
        if (!json) {
            fail(FailureKind::Transient, QStringLiteral("OpenAI Images: ") + json.error());
            return;
        }
        const Json &j = *json;
        if (!j.contains("data") || !j["data"].is_array() || j["data"].empty() || !j["data"][0].is_object() ||
            !j["data"][0].contains("b64_json") || !j["data"][0]["b64_json"].is_string()) {
            fail(FailureKind::Transient,
                 QStringLiteral("OpenAI Images: the answer carried no b64_json image"));
            return;
        }
        const Result<QByteArray> bytes =
            decodeBase64(QByteArray::fromStdString(j["data"][0]["b64_json"].get<std::string>()));
        if (!bytes) {
            fail(FailureKind::Transient, QStringLiteral("OpenAI Images: ") + bytes.error());
            return;
        }
        finishWithImage(*bytes);
    }

    ImageRequest m_request;
};
} // namespace

OpenAiImagesProvider::OpenAiImagesProvider(const ProviderProfile &profile, HttpClient *client,
                                           QObject *parent)
    : ImageProvider(parent)
    , m_profile(profile)
    , m_client(client)
    , m_gate(new ConcurrencyGate(profile.maxConcurrency, this)) {
}

ImageProviderCaps OpenAiImagesProvider::caps() const {
    ImageProviderCaps c;
    c.maxReferences = std::min(16, m_profile.effectiveReferenceLimit());
    c.maxConcurrency = std::max(1, m_profile.maxConcurrency);
    c.dialect = PromptDialect::Natural;
    c.allowedSizes = kSizes;
    return c;
}

ImageJob *OpenAiImagesProvider::generate(const ImageRequest &request) {
    auto *job = new OpenAiImagesJob(m_profile, m_gate, m_client, request);
    job->start();
    return job;
}

QSize OpenAiImagesProvider::nearestSize(int width, int height) {
    if (width <= 0 || height <= 0)
        return kSizes.first();
    const double want = std::log(double(width) / double(height));
    QSize best = kSizes.first();
    double bestDistance = 1e9;
    for (const QSize &s : kSizes) {
        const double d = std::abs(std::log(double(s.width()) / double(s.height())) - want);
        if (d < bestDistance) {
            bestDistance = d;
            best = s;
        }
    }
    return best;
}

QString OpenAiImagesProvider::promptText(const PromptPackage &package) {
    if (package.negative.trimmed().isEmpty())
        return package.positive;
    return package.positive + QStringLiteral("\n\nAvoid: ") + package.negative;
}

} // namespace shotcraft::providers
