#include "providers/ProviderProfile.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>

#include <memory>

namespace shotcraft::providers {

bool isImageKind(ProviderKind kind) {
    return kind == ProviderKind::Previz || kind == ProviderKind::OpenAiImages ||
           kind == ProviderKind::ComfyUi || kind == ProviderKind::Automatic1111;
}

bool isLlmKind(ProviderKind kind) {
    return !isImageKind(kind);
}

QUrl ProviderProfile::url(const QString &path) const {
    QString base = baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + (path.startsWith(u'/') ? path : u'/' + path));
}

HttpTimeouts ProviderProfile::timeouts() const {
    HttpTimeouts t;
    t.connectMs = connectTimeoutMs;
    t.transferMs = transferTimeoutMs;
    t.totalMs = totalTimeoutMs;
    return t;
}

RetryPolicy ProviderProfile::retryPolicy() const {
    RetryPolicy p;
    p.maxRetries = std::max(0, maxRetries);
    return p;
}

bool ProviderProfile::needsKey() const {
    return kind == ProviderKind::OpenAiImages || kind == ProviderKind::Anthropic ||
           (kind == ProviderKind::OpenAiChat && !url(QString()).host().startsWith(QLatin1String("127.")) &&
            url(QString()).host() != QLatin1String("localhost"));
}

QString ProviderProfile::vendor() const {
    switch (kind) {
    case ProviderKind::OpenAiImages:
    case ProviderKind::OpenAiChat:
        return QStringLiteral("openai");
    case ProviderKind::Anthropic:
        return QStringLiteral("anthropic");
    default:
        return {};
    }
}

int ProviderProfile::effectiveReferenceLimit() const {
    if (referenceLimit > 0)
        return referenceLimit;
    switch (kind) {
    case ProviderKind::OpenAiImages:
        return 16;
    case ProviderKind::ComfyUi:
        return 4;
    case ProviderKind::Automatic1111:
        return 3;
    case ProviderKind::Previz:
        return 8;
    default:
        return 0;
    }
}

QString ProviderProfile::option(const char *key, const QString &fallback) const {
    if (options.is_object() && options.contains(key)) {
        const Json &v = options[key];
        if (v.is_string())
            return QString::fromStdString(v.get<std::string>());
        if (v.is_number() || v.is_boolean())
            return QString::fromStdString(v.dump());
    }
    return fallback;
}

double ProviderProfile::numberOption(const char *key, double fallback) const {
    if (options.is_object() && options.contains(key)) {
        const Json &v = options[key];
        if (v.is_number())
            return v.get<double>();
        if (v.is_string()) {
            bool ok = false;
            const double d = QString::fromStdString(v.get<std::string>()).toDouble(&ok);
            if (ok)
                return d;
        }
    }
    return fallback;
}

Status ProviderProfile::validate() const {
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
    if (!namePattern.match(name).hasMatch())
        return Status::failure(
            QStringLiteral("profile name \"%1\" must be letters, digits, '-' or '_'").arg(name));
    if (kind != ProviderKind::Previz) {
        const QUrl u(baseUrl);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
            u.host().isEmpty())
            return Status::failure(
                QStringLiteral("profile %1: base URL \"%2\" is not an http(s) URL").arg(name, baseUrl));
    }
    if (maxConcurrency < 1 || maxConcurrency > 64)
        return Status::failure(QStringLiteral("profile %1: concurrency must be 1..64").arg(name));
    if (connectTimeoutMs < 1 || transferTimeoutMs < 1 || totalTimeoutMs < 1)
        return Status::failure(QStringLiteral("profile %1: timeouts must be positive").arg(name));
    return Status::success();
}

// ---------------------------------------------------------------------------------------------- store

namespace {
std::unique_ptr<QSettings> openSettings() {
    return std::make_unique<QSettings>(ProfileStore::settingsPath(), QSettings::IniFormat);
}
} // namespace

QString ProfileStore::settingsPath() {
    const QByteArray dir = qgetenv("SHOTCRAFT_SETTINGS_DIR");
    if (!dir.isEmpty())
        return QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("shotcraft.ini"));
    const QSettings platform(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Shotcraft"),
                             QStringLiteral("Shotcraft"));
    return platform.fileName();
}

QList<ProviderProfile> ProfileStore::defaults() {
    ProviderProfile previz;
    previz.name = QStringLiteral("previz");
    previz.kind = ProviderKind::Previz;
    previz.maxConcurrency = 2;

    ProviderProfile openai;
    openai.name = QStringLiteral("openai");
    openai.kind = ProviderKind::OpenAiImages;
    openai.baseUrl = QStringLiteral("https://api.openai.com");
    openai.model = QStringLiteral("gpt-image-1");
    openai.maxConcurrency = 2;
    openai.options = {{"quality", "medium"}, {"input_fidelity", "high"}};

    ProviderProfile comfy;
    comfy.name = QStringLiteral("comfyui");
    comfy.kind = ProviderKind::ComfyUi;
    comfy.baseUrl = QStringLiteral("http://127.0.0.1:8188");
    comfy.model = QStringLiteral("sd_xl_base_1.0.safetensors");
    comfy.options = {{"template", "auto"}};

    ProviderProfile a1111;
    a1111.name = QStringLiteral("automatic1111");
    a1111.kind = ProviderKind::Automatic1111;
    a1111.baseUrl = QStringLiteral("http://127.0.0.1:7860");
    a1111.options = {{"ipadapter_module", "ip-adapter_clip_sd15"}, {"ipadapter_model", "ip-adapter_sd15"}};

    return {previz, openai, comfy, a1111};
}

QList<ProviderProfile> ProfileStore::load() {
    auto settings = openSettings();
    const int n = settings->beginReadArray(QStringLiteral("providers"));
    QList<ProviderProfile> out;
    for (int i = 0; i < n; ++i) {
        settings->setArrayIndex(i);
        const QByteArray text = settings->value(QStringLiteral("profile")).toString().toUtf8();
        const Json j = Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
        if (!j.is_object())
            continue;
        try {
            ProviderProfile p = j.get<ProviderProfile>();
            if (!p.name.isEmpty())
                out.append(p);
        } catch (const Json::exception &) {
            // A hand-edited entry we cannot read is skipped, not fatal.
        }
    }
    settings->endArray();
    if (n == 0)
        return defaults();
    return out;
}

std::optional<ProviderProfile> ProfileStore::find(const QString &name) {
    for (const ProviderProfile &p : load())
        if (p.name == name)
            return p;
    return std::nullopt;
}

Status ProfileStore::save(const QList<ProviderProfile> &profiles) {
    for (const ProviderProfile &p : profiles)
        if (Status s = p.validate(); !s)
            return s;
    auto settings = openSettings();
    settings->remove(QStringLiteral("providers"));
    settings->beginWriteArray(QStringLiteral("providers"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue(QStringLiteral("profile"), QString::fromStdString(Json(profiles[i]).dump()));
    }
    settings->endArray();
    settings->sync();
    if (settings->status() != QSettings::NoError)
        return Status::failure(QStringLiteral("could not write %1").arg(settings->fileName()));
    return Status::success();
}

Status ProfileStore::upsert(const ProviderProfile &profile) {
    QList<ProviderProfile> all = load();
    bool replaced = false;
    for (ProviderProfile &p : all) {
        if (p.name == profile.name) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        all.append(profile);
    return save(all);
}

Status ProfileStore::remove(const QString &name) {
    QList<ProviderProfile> all = load();
    const qsizetype before = all.size();
    all.removeIf([&](const ProviderProfile &p) { return p.name == name; });
    if (all.size() == before)
        return Status::failure(QStringLiteral("no provider profile named %1").arg(name));
    return save(all);
}

} // namespace shotcraft::providers
