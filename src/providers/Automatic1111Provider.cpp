#include "providers/Automatic1111Provider.h"

#include "domain/Logging.h"
#include "providers/NetworkImageJob.h"

namespace shotcraft::providers {

namespace {
int multipleOf8(int v) {
    return std::max(64, (v + 4) / 8 * 8);
}

class Automatic1111Job : public NetworkImageJob {
public:
    Automatic1111Job(const ProviderProfile &profile, ConcurrencyGate *gate, HttpClient *client,
                     const ImageRequest &request)
        : NetworkImageJob(profile, gate, client)
        , m_request(request) {}

protected:
    void begin() override {
        const ReferenceSelection refs = selectReferences(m_request, m_profile.effectiveReferenceLimit());
        m_result.referencesDropped = refs.dropped;
        for (const ReferenceData &r : refs.sent) {
            if (r.reference.role == ReferenceRole::ChainedTake && m_initImage.encoded.isEmpty())
                m_initImage = r;
            else
                m_units.append(r);
        }
        if (!m_initImage.encoded.isEmpty())
            m_result.referencesUsed.append(m_initImage.reference.referenceId);
        if (m_units.isEmpty()) {
            generate(QString());
            return;
        }
        send(request("GET", QStringLiteral("/controlnet/model_list")), [this](const HttpResponse &response) {
            QStringList available;
            if (response.ok()) {
                if (const Result<Json> j = jsonBody(response); j && j->contains("model_list"))
                    for (const Json &m : (*j)["model_list"])
                        if (m.is_string())
                            available.append(QString::fromStdString(m.get<std::string>()));
            } else if (response.failure == HttpFailure::Cancelled) {
                return;
            }
            const QString wanted = m_profile.option("ipadapter_model", QStringLiteral("ip-adapter_sd15"));
            const QString model = Automatic1111Provider::matchModel(available, wanted);
            if (model.isEmpty()) {
                qCWarning(lcProviders).noquote()
                    << m_profile.name << ": ControlNet model" << wanted
                    << "is not installed (or ControlNet is missing); references sent without IP-Adapter";
                for (const ReferenceData &r : std::as_const(m_units))
                    m_result.referencesDropped.append(r.reference.referenceId);
                m_units.clear();
            }
            generate(model);
        });
    }

private:
    void generate(const QString &controlNetModel) {
        const PromptPackage &pkg = m_request.package;
        const GenerationParams &p = pkg.params;
        Json body = {{"prompt", pkg.positive},
                     {"negative_prompt", pkg.negative},
                     {"seed", p.seed > 0 ? p.seed : -1},
                     {"steps", p.steps},
                     {"cfg_scale", p.cfg},
                     {"width", multipleOf8(p.width)},
                     {"height", multipleOf8(p.height)},
                     {"sampler_name", Automatic1111Provider::samplerName(p.sampler)},
                     {"batch_size", 1},
                     {"n_iter", 1}};
        if (!m_profile.model.isEmpty())
            body["override_settings"] = {{"sd_model_checkpoint", m_profile.model}};
        if (!m_units.isEmpty()) {
            Json args = Json::array();
            const double base = m_profile.numberOption("ipadapter_weight", 0.7);
            const QString module =
                m_profile.option("ipadapter_module", QStringLiteral("ip-adapter_clip_sd15"));
            for (const ReferenceData &r : std::as_const(m_units)) {
                args.push_back({{"enabled", true},
                                {"image", r.encoded.toBase64().toStdString()},
                                {"module", module},
                                {"model", controlNetModel},
                                {"weight", std::clamp(base * r.reference.weight, 0.0, 2.0)}});
                m_result.referencesUsed.append(r.reference.referenceId);
            }
            body["alwayson_scripts"] = {{"controlnet", {{"args", args}}}};
        }
        QString path = QStringLiteral("/sdapi/v1/txt2img");
        if (!m_initImage.encoded.isEmpty()) {
            path = QStringLiteral("/sdapi/v1/img2img");
            body["init_images"] = Json::array({m_initImage.encoded.toBase64().toStdString()});
            body["denoising_strength"] = m_profile.numberOption("denoising_strength", 0.6);
        }
        HttpRequest req = request("POST", path);
        req.body = QByteArray::fromStdString(body.dump());
        req.setHeader("Content-Type", "application/json");
        send(req, [this](const HttpResponse &response) { onResponse(response); });
    }

    void onResponse(const HttpResponse &response) {
        const QString who = QStringLiteral("AUTOMATIC1111");
        if (!response.ok()) {
            failFromHttp(response, who);
            return;
        }
        const Result<Json> json = jsonBody(response);
        if (!json) {
            fail(FailureKind::Transient, who + QStringLiteral(": ") + json.error());
            return;
        }
        const Json &j = *json;
        if (!j.contains("images") || !j["images"].is_array() || j["images"].empty() ||
            !j["images"][0].is_string()) {
            fail(FailureKind::Transient, who + QStringLiteral(": the answer carried no image"));
            return;
        }
        // `info` is JSON inside a JSON string: parse it a second time for the seed really used.
        m_result.seedUsed = m_request.package.params.seed;
        if (j.contains("info") && j["info"].is_string()) {
            const Json info = Json::parse(j["info"].get<std::string>(), nullptr, false);
            if (info.is_object() && info.contains("seed") && info["seed"].is_number_integer())
                m_result.seedUsed = info["seed"].get<qint64>();
        }
        const Result<QByteArray> bytes =
            decodeBase64(QByteArray::fromStdString(j["images"][0].get<std::string>()));
        if (!bytes) {
            fail(FailureKind::Transient, who + QStringLiteral(": ") + bytes.error());
            return;
        }
        finishWithImage(*bytes);
    }

    ImageRequest m_request;
    ReferenceData m_initImage;
    QList<ReferenceData> m_units;
};
} // namespace

Automatic1111Provider::Automatic1111Provider(const ProviderProfile &profile, HttpClient *client,
                                             QObject *parent)
    : ImageProvider(parent)
    , m_profile(profile)
    , m_client(client)
    , m_gate(new ConcurrencyGate(profile.maxConcurrency, this)) {
}

ImageProviderCaps Automatic1111Provider::caps() const {
    ImageProviderCaps c;
    c.maxReferences = m_profile.effectiveReferenceLimit();
    c.maxConcurrency = std::max(1, m_profile.maxConcurrency);
    c.dialect =
        m_profile.option("dialect") == QLatin1String("sd15") ? PromptDialect::Sd15 : PromptDialect::Sdxl;
    return c;
}

ImageJob *Automatic1111Provider::generate(const ImageRequest &request) {
    auto *job = new Automatic1111Job(m_profile, m_gate, m_client, request);
    job->start();
    return job;
}

QString Automatic1111Provider::samplerName(const QString &sampler) {
    static const QList<QPair<QString, QString>> names = {
        {QStringLiteral("euler"), QStringLiteral("Euler")},
        {QStringLiteral("euler_ancestral"), QStringLiteral("Euler a")},
        {QStringLiteral("dpmpp_2m"), QStringLiteral("DPM++ 2M")},
        {QStringLiteral("dpmpp_2m_sde"), QStringLiteral("DPM++ 2M SDE")},
        {QStringLiteral("dpmpp_sde"), QStringLiteral("DPM++ SDE")},
        {QStringLiteral("ddim"), QStringLiteral("DDIM")},
        {QStringLiteral("uni_pc"), QStringLiteral("UniPC")},
    };
    for (const auto &[ours, theirs] : names)
        if (sampler.compare(ours, Qt::CaseInsensitive) == 0)
            return theirs;
    return sampler.isEmpty() ? QStringLiteral("DPM++ 2M") : sampler;
}

QString Automatic1111Provider::matchModel(const QStringList &available, const QString &wanted) {
    if (wanted.isEmpty())
        return {};
    for (const QString &m : available)
        if (m == wanted)
            return m;
    for (const QString &m : available) // "ip-adapter_sd15" matches "ip-adapter_sd15 [6a3f6166]"
        if (m.section(u' ', 0, 0) == wanted)
            return m;
    return {};
}

} // namespace shotcraft::providers
