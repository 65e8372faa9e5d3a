#include "providers/Secrets.h"

#include "domain/Logging.h"

#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

#include <qt6keychain/keychain.h>

namespace shotcraft::providers {

namespace {
std::atomic<bool> g_keychainEnabled{true};
std::atomic<int> g_keychainTimeoutMs{5000};
const QString kService = QStringLiteral("Shotcraft");

QString keychainKey(const QString &secretName) {
    return QStringLiteral("provider/") + secretName;
}

QString envValue(const QString &variable) {
    return QString::fromLocal8Bit(qgetenv(variable.toLocal8Bit().constData())).trimmed();
}

// Runs a keychain job with a deadline. Whatever comes first (the job's answer or the deadline)
// reaches `done` exactly once, on `context`'s thread.
template <typename JobT, typename OnDone>
void runKeychainJob(JobT *job, QObject *context, OnDone onDone,
                    std::function<void(const QString &)> onTimeout) {
    auto fired = std::make_shared<bool>(false);
    QPointer<QObject> ctx(context);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, context, [fired, onDone, job](QKeychain::Job *) {
        if (*fired)
            return;
        *fired = true;
        onDone(job);
    });
    QObject::connect(timer, &QTimer::timeout, context, [fired, onTimeout] {
        if (*fired)
            return;
        *fired = true;
        onTimeout(QStringLiteral("the system keychain did not answer"));
    });
    job->setAutoDelete(true);
    // Never let QtKeychain write a key into a plain settings file.
    job->setInsecureFallback(false);
    timer->start(g_keychainTimeoutMs.load());
    job->start();
}
} // namespace

QString Secrets::environmentVariable(const QString &secretName) {
    QString upper;
    for (const QChar c : secretName)
        upper += c.isLetterOrNumber() ? c.toUpper() : QChar(u'_');
    return QStringLiteral("SHOTCRAFT_%1_API_KEY").arg(upper);
}

std::optional<QString> Secrets::fromEnvironment(const ProviderProfile &profile) {
    QString v = envValue(environmentVariable(profile.effectiveSecretName()));
    if (v.isEmpty() && !profile.vendor().isEmpty())
        v = envValue(environmentVariable(profile.vendor()));
    if (v.isEmpty())
        return std::nullopt;
    return v;
}

QString Secrets::source(const ProviderProfile &profile) {
    return fromEnvironment(profile) ? QStringLiteral("environment") : QStringLiteral("keychain");
}

void Secrets::setKeychainEnabled(bool enabled) {
    g_keychainEnabled.store(enabled);
}

bool Secrets::keychainEnabled() {
    return g_keychainEnabled.load() && qEnvironmentVariableIsEmpty("SHOTCRAFT_NO_KEYCHAIN");
}

void Secrets::setKeychainTimeoutMs(int ms) {
    g_keychainTimeoutMs.store(std::max(1, ms));
}

void Secrets::readKey(const ProviderProfile &profile, QObject *context,
                      std::function<void(const Result<QString> &)> done) {
    auto later = [context, done](Result<QString> r) {
        QTimer::singleShot(0, context, [done, r] { done(r); });
    };
    if (const auto env = fromEnvironment(profile)) {
        later(*env);
        return;
    }
    const QString variable = environmentVariable(profile.effectiveSecretName());
    if (!profile.needsKey()) {
        later(QString());
        return;
    }
    if (!keychainEnabled()) {
        later(
            Result<QString>::failure(QStringLiteral("no API key for %1: set %2 or store one in the keychain")
                                         .arg(profile.name, variable)));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(keychainKey(profile.effectiveSecretName()));
    const QString name = profile.name;
    runKeychainJob(
        job, context,
        [done, name, variable](QKeychain::Job *j) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
            if (read->error() == QKeychain::NoError && !read->textData().isEmpty()) {
                done(read->textData());
                return;
            }
            qCInfo(lcProviders) << "keychain has no key for" << name << "(" << read->error() << ")";
            const QString why = read->error() == QKeychain::EntryNotFound
                                    ? QStringLiteral("none stored in the keychain")
                                    : QStringLiteral("keychain unavailable: %1").arg(read->errorString());
            done(Result<QString>::failure(
                QStringLiteral("no API key for %1 (%2); set %3").arg(name, why, variable)));
        },
        [done, name, variable](const QString &why) {
            done(Result<QString>::failure(
                QStringLiteral("no API key for %1 (%2); set %3").arg(name, why, variable)));
        });
}

void Secrets::storeKey(const QString &secretName, const QString &key, QObject *context,
                       std::function<void(const Status &)> done) {
    if (!keychainEnabled()) {
        QTimer::singleShot(0, context, [done] {
            done(Status::failure(
                QStringLiteral("the system keychain is disabled; use the environment variable")));
        });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(keychainKey(secretName));
    job->setTextData(key);
    runKeychainJob(
        job, context,
        [done](QKeychain::Job *j) {
            done(j->error() == QKeychain::NoError
                     ? Status::success()
                     : Status::failure(QStringLiteral("could not store the key: %1").arg(j->errorString())));
        },
        [done](const QString &why) { done(Status::failure(why)); });
}

void Secrets::deleteKey(const QString &secretName, QObject *context,
                        std::function<void(const Status &)> done) {
    if (!keychainEnabled()) {
        QTimer::singleShot(0, context, [done] { done(Status::success()); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(keychainKey(secretName));
    runKeychainJob(
        job, context,
        [done](QKeychain::Job *j) {
            done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound
                     ? Status::success()
                     : Status::failure(QStringLiteral("could not delete the key: %1").arg(j->errorString())));
        },
        [done](const QString &why) { done(Status::failure(why)); });
}

} // namespace shotcraft::providers
