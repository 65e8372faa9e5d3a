#include "providers/ProviderRegistry.h"

#include "providers/HttpClient.h"
#include "providers/Secrets.h"

#include <QTimer>

namespace shotcraft::providers {

void testConnection(const ProviderProfile &profile, QObject *context,
                    std::function<void(const Status &status, const QString &detail)> done,
                    HttpClient *client) {
    if (Status s = profile.validate(); !s) {
        QTimer::singleShot(0, context, [done, s] { done(s, QString()); });
        return;
    }
    if (profile.kind == ProviderKind::Previz) {
        QTimer::singleShot(0, context,
                           [done] { done(Status::success(), QStringLiteral("built-in, always available")); });
        return;
    }
    Secrets::readKey(profile, context, [profile, context, done, client](const Result<QString> &key) {
        if (!key) {
            done(Status::failure(key.error()), QString());
            return;
        }
        QString path;
        switch (profile.kind) {
        case ProviderKind::ComfyUi:
            path = QStringLiteral("/system_stats");
            break;
        case ProviderKind::Automatic1111:
            path = QStringLiteral("/sdapi/v1/options");
            break;
        case ProviderKind::Ollama:
            path = QStringLiteral("/api/tags");
            break;
        default:
            path = QStringLiteral("/v1/models");
        }
        HttpRequest req = HttpRequest::get(profile.url(path));
        req.timeouts = profile.timeouts();
        req.timeouts.totalMs = std::min(req.timeouts.totalMs, 30000);
        req.retry.maxRetries = 0;
        req.label = profile.name + QStringLiteral(" test");
        if (!key->isEmpty()) {
            if (profile.kind == ProviderKind::Anthropic) {
                req.setHeader("x-api-key", key->toUtf8());
                req.setHeader("anthropic-version", "2023-06-01");
            } else {
                req.setHeader("Authorization", "Bearer " + key->toUtf8());
            }
        }
        HttpCall *call = (client ? client : &HttpClient::instance())->send(req);
        QObject::connect(call, &HttpCall::finished, context, [profile, done, path](const HttpResponse &r) {
            if (r.ok()) {
                if (!r.header("content-type").toLower().contains("json")) {
                    done(Status::failure(
                             QStringLiteral("%1 answered %2 with %3, not JSON: is this a %4 server?")
                                 .arg(profile.baseUrl, path, QString::fromLatin1(r.header("content-type")),
                                      enumName(profile.kind))),
                         QString());
                    return;
                }
                done(Status::success(),
                     QStringLiteral("%1 answered %2 (HTTP %3)").arg(profile.baseUrl, path).arg(r.status));
                return;
            }
            if (r.status == 401 || r.status == 403) {
                done(Status::failure(QStringLiteral("the key was rejected (%1)").arg(r.error)), QString());
                return;
            }
            done(Status::failure(r.error), QString());
        });
    });
}

} // namespace shotcraft::providers
