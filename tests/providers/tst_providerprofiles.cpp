// Profiles and secrets: settings round trip (in SHOTCRAFT_SETTINGS_DIR), validation, environment
// key lookup, the registry, "test connection", and the canary: with the suite's fake key in the
// environment, a run full of retries and failures leaves the key in no settings file and no log
// line — while the server proves the key really was sent.
#include "ImageTestKit.h"
#include "pipeline/ImageProviderFactory.h"
#include "providers/ProviderRegistry.h"
#include "providers/Secrets.h"
#include "support/OpenAiImageServer.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::providers;
using shotcraft::pipeline::createImageProvider;
using shotcraft::pipeline::imageProviderNames;
using namespace shotcraft::test;

namespace {
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previous && type >= QtWarningMsg)
        g_previous(type, context, message);
}
} // namespace

class TestProviderProfiles : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QByteArray m_key;

    static Status testConnectionNow(const ProviderProfile &p, QString *detail = nullptr) {
        Status result = Status::failure(QStringLiteral("no answer"));
        bool done = false;
        QObject context;
        testConnection(p, &context, [&](const Status &s, const QString &d) {
            result = s;
            if (detail)
                *detail = d;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return Status::failure(QStringLiteral("test connection never answered"));
        return result;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_settings.isValid());
        qputenv("SHOTCRAFT_SETTINGS_DIR", m_settings.path().toLocal8Bit());
        Secrets::setKeychainEnabled(false);
        RetryPolicy::setTimeScale(0.02);
        if (qEnvironmentVariableIsEmpty("SHOTCRAFT_OPENAI_API_KEY"))
            qputenv("SHOTCRAFT_OPENAI_API_KEY", "sk-canary-local-5f4e3d2c1b0a");
        m_key = qgetenv("SHOTCRAFT_OPENAI_API_KEY");
    }

    void defaultsWithoutASettingsFile() {
        QFile::remove(ProfileStore::settingsPath());
        const QList<ProviderProfile> profiles = ProfileStore::load();
        QStringList names;
        for (const ProviderProfile &p : profiles)
            names.append(p.name);
        QCOMPARE(names, (QStringList{QStringLiteral("previz"), QStringLiteral("openai"),
                                     QStringLiteral("comfyui"), QStringLiteral("automatic1111")}));
        QVERIFY(ProfileStore::settingsPath().startsWith(m_settings.path()));
    }

    void roundTrip() {
        ProviderProfile p;
        p.name = QStringLiteral("comfy-studio");
        p.kind = ProviderKind::ComfyUi;
        p.baseUrl = QStringLiteral("http://10.0.0.5:8188");
        p.model = QStringLiteral("juggernautXL.safetensors");
        p.maxConcurrency = 3;
        p.transferTimeoutMs = 45000;
        p.referenceLimit = 2;
        p.options = {{"template", "flux-kontext"}, {"poll_ms", 500}};
        QVERIFY(ProfileStore::upsert(p).ok());
        const auto back = ProfileStore::find(QStringLiteral("comfy-studio"));
        QVERIFY(back.has_value());
        QCOMPARE(*back, p);
        QCOMPARE(back->effectiveReferenceLimit(), 2);
        QVERIFY(ProfileStore::remove(QStringLiteral("comfy-studio")).ok());
        QVERIFY(!ProfileStore::find(QStringLiteral("comfy-studio")).has_value());
        QVERIFY(!ProfileStore::remove(QStringLiteral("comfy-studio")).ok());
    }

    void validation_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << QStringLiteral("openai-2") << QStringLiteral("https://api.openai.com") << 2
                            << true;
        QTest::newRow("space in name")
            << QStringLiteral("my openai") << QStringLiteral("https://x.y") << 1 << false;
        QTest::newRow("ftp url") << QStringLiteral("a") << QStringLiteral("ftp://x.y") << 1 << false;
        QTest::newRow("no host") << QStringLiteral("a") << QStringLiteral("http://") << 1 << false;
        QTest::newRow("zero concurrency")
            << QStringLiteral("a") << QStringLiteral("http://x.y") << 0 << false;
    }
    void validation() {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(int, concurrency);
        QFETCH(bool, valid);
        ProviderProfile p;
        p.name = name;
        p.kind = ProviderKind::OpenAiImages;
        p.baseUrl = url;
        p.maxConcurrency = concurrency;
        QCOMPARE(p.validate().ok(), valid);
        if (!valid)
            QVERIFY(!ProfileStore::upsert(p).ok());
    }

    void environmentKeys() {
        QCOMPARE(Secrets::environmentVariable(QStringLiteral("comfy-local")),
                 QStringLiteral("SHOTCRAFT_COMFY_LOCAL_API_KEY"));
        ProviderProfile p;
        p.name = QStringLiteral("openai-backup");
        p.kind = ProviderKind::OpenAiImages;
        // No SHOTCRAFT_OPENAI_BACKUP_API_KEY: falls back to the vendor's variable.
        QCOMPARE(Secrets::fromEnvironment(p).value_or(QString()), QString::fromLocal8Bit(m_key));
        qputenv("SHOTCRAFT_OPENAI_BACKUP_API_KEY", "sk-own-key");
        QCOMPARE(Secrets::fromEnvironment(p).value_or(QString()), QStringLiteral("sk-own-key"));
        qunsetenv("SHOTCRAFT_OPENAI_BACKUP_API_KEY");
        ProviderProfile local;
        local.name = QStringLiteral("comfy");
        local.kind = ProviderKind::ComfyUi;
        QVERIFY(!local.needsKey());
    }

    void keychainWithoutBackendFailsCleanly() {
        // Whatever this machine has (usually no secret service), the keychain answers or times out.
        Secrets::setKeychainEnabled(true);
        Secrets::setKeychainTimeoutMs(1500);
        ProviderProfile p;
        p.name = QStringLiteral("nokey");
        p.kind = ProviderKind::Anthropic;
        p.secretName = QStringLiteral("shotcraft-test-absent");
        const QByteArray saved = qgetenv("SHOTCRAFT_ANTHROPIC_API_KEY");
        qunsetenv("SHOTCRAFT_ANTHROPIC_API_KEY");
        bool done = false;
        QString error;
        QObject context;
        Secrets::readKey(p, &context, [&](const Result<QString> &key) {
            done = true;
            error = key.ok() ? QString() : key.error();
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        qputenv("SHOTCRAFT_ANTHROPIC_API_KEY", saved);
        Secrets::setKeychainEnabled(false);
        QVERIFY2(error.contains(QStringLiteral("SHOTCRAFT_SHOTCRAFT_TEST_ABSENT_API_KEY")),
                 qPrintable(error));
    }

    void registryCreatesByKind() {
        QString error;
        auto previz = createImageProvider(QStringLiteral("previz"), &error);
        QVERIFY2(previz, qPrintable(error));
        QCOMPARE(previz->name(), QStringLiteral("previz"));
        for (const ProviderProfile &p : ProfileStore::defaults()) {
            auto provider = createImageProvider(p, &error);
            QVERIFY2(provider, qPrintable(error));
            QVERIFY(provider->caps().maxConcurrency >= 1);
        }
        QVERIFY(!createImageProvider(QStringLiteral("no-such-profile"), &error));
        QVERIFY(error.contains(QStringLiteral("no-such-profile")));
        ProviderProfile chat;
        chat.name = QStringLiteral("chat");
        chat.kind = ProviderKind::OpenAiChat;
        chat.baseUrl = QStringLiteral("http://127.0.0.1:1");
        QVERIFY(!createImageProvider(chat, &error));
        QVERIFY(imageProviderNames().contains(QStringLiteral("comfyui")));
    }

    void testConnectionChecksKey() {
        OpenAiImageServer server;
        server.setExpectedKey(m_key);
        QVERIFY(server.listen());
        ProviderProfile p;
        p.name = QStringLiteral("openai-local");
        p.kind = ProviderKind::OpenAiImages;
        p.baseUrl = server.baseUrl().toString();
        QString detail;
        const Status ok = testConnectionNow(p, &detail);
        QVERIFY2(ok.ok(), qPrintable(ok.error()));
        QVERIFY(detail.contains(QStringLiteral("/v1/models")));
        server.setExpectedKey("sk-something-else");
        const Status rejected = testConnectionNow(p);
        QVERIFY(!rejected.ok());
        QVERIFY2(rejected.error().contains(QStringLiteral("rejected")), qPrintable(rejected.error()));
        p.baseUrl = QStringLiteral("http://127.0.0.1:9"); // nothing listens on discard
        QVERIFY(!testConnectionNow(p).ok());
    }

    void canaryKeyNeverWritten() {
        QVERIFY(m_key.size() >= 8);
        QLoggingCategory::setFilterRules(QStringLiteral("shotcraft.*=true\nqt.network.*=true"));
        g_previous = qInstallMessageHandler(captureMessages);

        OpenAiImageServer server;
        server.setExpectedKey(m_key);
        QVERIFY(server.listen());
        ProviderProfile p;
        p.name = QStringLiteral("openai-canary");
        p.kind = ProviderKind::OpenAiImages;
        p.baseUrl = server.baseUrl().toString();
        p.maxConcurrency = 2;
        QVERIFY(ProfileStore::upsert(p).ok());
        QString error;
        auto provider = createImageProvider(QStringLiteral("openai-canary"), &error);
        QVERIFY2(provider, qPrintable(error));
        server.http().faults().push(Fault::RateLimitMs);
        server.http().faults().push(Fault::Status500);
        server.http().faults().push(Fault::Status401, 1);
        for (int i = 0; i < 3; ++i)
            runJob(provider->generate(requestWithReferences(i)));
        QVERIFY(testConnectionNow(p).ok());

        qInstallMessageHandler(g_previous);
        QLoggingCategory::setFilterRules(QString());

        // The key did travel, only where it belongs.
        QVERIFY(!server.calls().isEmpty());
        QCOMPARE(server.calls().first().authorization, "Bearer " + m_key);
        QVERIFY(g_log.size() > 3); // the logging really ran
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(QString::fromLocal8Bit(m_key)), qPrintable(line));
        QDirIterator it(m_settings.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_key), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= 1);
    }
};

QTEST_GUILESS_MAIN(TestProviderProfiles)
#include "tst_providerprofiles.moc"
