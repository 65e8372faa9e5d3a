// The Director dock in the studio window (offscreen), as a user drives it: type a request to the
// offline interpreter, see the edit on the shot and a confirmation card, confirm, see the take arrive
// through the generation queue, follow a shot link to the storyboard, undo the message's edits as one
// step. Cancel sends nothing; a language-model profile that cannot be reached says so in one line.
#include "ChatPanel.h"
#include "GenerationController.h"
#include "MainWindow.h"
#include "StoryboardView.h"
#include "models/ProjectDocument.h"
#include "previz/PrevizProvider.h"
#include "providers/ProviderProfile.h"
#include "storage/ProjectStore.h"
#include "support/LlmTestServer.h"
#include "support/SampleProject.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace shotcraft;

namespace {
constexpr int generationTimeoutMs = 60000;

Project reread(const QString &path) {
    auto p = storage::ProjectStore::read(path);
    return p ? *p : Project();
}
} // namespace

class TestDirectorDock : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    ui::ChatPanel *open(ui::MainWindow &w) {
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        if (!w.openProject(m_path).ok())
            return nullptr;
        w.show();
        return w.findChild<ui::ChatPanel *>(QStringLiteral("chatPanel"));
    }
    static void type(ui::ChatPanel *panel, const QString &text) {
        auto *input = panel->findChild<QLineEdit *>(QStringLiteral("directorInput"));
        QVERIFY(input && input->isEnabled());
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("SHOTCRAFT_SETTINGS_DIR", m_dir.filePath(QStringLiteral("settings")).toUtf8());
    }

    void init() {
        m_path =
            m_dir.filePath(QStringLiteral("%1.shotcraft").arg(QLatin1String(QTest::currentTestFunction())));
        QVERIFY(storage::ProjectStore::create(m_path, test::sampleProject()).ok());
    }

    void editConfirmTakeUndo() {
        ui::MainWindow w;
        ui::ChatPanel *panel = open(w);
        QVERIFY(panel);
        const Shot before = *w.document()->project().findShot(QStringLiteral("1A"));
        QVERIFY(before.angle != CameraAngle::Low);

        type(panel, QStringLiteral("make 1A a low angle, warmer, and regenerate it"));
        // The edit is in the file at once; the regeneration waits on its card.
        QCOMPARE(reread(m_path).findShot(QStringLiteral("1A"))->angle, CameraAngle::Low);
        QCOMPARE(w.undoStack()->count(), 1);
        QVERIFY2(w.undoStack()->undoText().startsWith(QLatin1String("Director: ")),
                 qPrintable(w.undoStack()->undoText()));
        auto *confirm = panel->findChild<QPushButton *>(QStringLiteral("confirmSpend"));
        QVERIFY(confirm);
        QVERIFY(reread(m_path).jobs.isEmpty());

        // The answer names the shot as a link that selects it on the board.
        auto *conversation = panel->findChild<QTextBrowser *>(QStringLiteral("directorConversation"));
        QVERIFY(conversation->toHtml().contains(QStringLiteral("shot:%1").arg(before.id)));
        w.storyboard()->selectShot(w.document()->project().shots.last().id);
        Q_EMIT conversation->anchorClicked(QUrl(QStringLiteral("shot:%1").arg(before.id)));
        QCOMPARE(w.storyboard()->currentShotId(), before.id);

        QTest::mouseClick(confirm, Qt::LeftButton);
        const QString started = w.document()->project().chat.last().content;
        QVERIFY2(started.startsWith(QLatin1String("Started: ")), qPrintable(started));
        QTRY_VERIFY_WITH_TIMEOUT(!reread(m_path).takes.isEmpty(), generationTimeoutMs);
        const Project after = reread(m_path);
        QCOMPARE(after.takes.first().shotId, before.id);
        QVERIFY(!after.jobs.isEmpty());

        // Undo restores the shot as it was, in one step.
        w.undoStack()->undo();
        QCOMPARE(reread(m_path).findShot(QStringLiteral("1A"))->angle, before.angle);
        QCOMPARE(reread(m_path).findShot(QStringLiteral("1A"))->paletteHint, before.paletteHint);
        w.undoStack()->redo();
        QCOMPARE(reread(m_path).findShot(QStringLiteral("1A"))->angle, CameraAngle::Low);
    }

    void cancelSendsNothing() {
        ui::MainWindow w;
        ui::ChatPanel *panel = open(w);
        QVERIFY(panel);
        type(panel, QStringLiteral("regenerate scene 1"));
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("cancelSpend"));
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTest::qWait(200);
        const Project after = reread(m_path);
        QVERIFY(after.jobs.isEmpty() && after.takes.isEmpty());
        QVERIFY(after.chat.last().content.startsWith(QLatin1String("Cancelled: ")));
    }

    void stopCancelsTheQueuedRegenerations() {
        ui::MainWindow w;
        ui::ChatPanel *panel = open(w);
        QVERIFY(panel);
        type(panel, QStringLiteral("regenerate scene 1"));
        auto *confirm = panel->findChild<QPushButton *>(QStringLiteral("confirmSpend"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        auto *stop = panel->findChild<QPushButton *>(QStringLiteral("directorStop"));
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!stop->isEnabled() || !w.generator()->isBusy(), generationTimeoutMs);
        const Project after = reread(m_path);
        int cancelled = 0;
        for (const Job &job : after.jobs)
            cancelled += job.state == JobState::Cancelled ? 1 : 0;
        QVERIFY2(cancelled > 0, "Stop cancelled none of the queued regenerations");
        QVERIFY(after.takes.size() < after.jobs.size());
    }

    void languageModelTurnStreamsIntoTheDock() {
        test::LlmTestServer server(test::LlmProtocol::OpenAi);
        QVERIFY(server.listen());
        test::LlmScriptedReply list;
        list.toolCalls = {{QStringLiteral("list_shots"), QStringLiteral(R"({"scene":"1"})")}};
        server.enqueue(list);
        server.enqueue(
            test::LlmScriptedReply::text(QStringLiteral("Scene 1 opens on 1A, a wide of the pier.")));
        providers::ProviderProfile profile;
        profile.kind = providers::ProviderKind::OpenAiChat;
        profile.name = QStringLiteral("local-chat");
        profile.baseUrl = server.baseUrl().toString();
        profile.model = QStringLiteral("test-model");
        profile.maxRetries = 0;
        QVERIFY(providers::ProfileStore::upsert(profile).ok());
        ui::MainWindow w;
        ui::ChatPanel *panel = open(w);
        QVERIFY(panel);
        auto *picker = panel->findChild<QComboBox *>(QStringLiteral("directorInterpreter"));
        picker->setCurrentIndex(picker->findData(profile.name));
        type(panel, QStringLiteral("what happens in scene 1?"));
        QVERIFY(panel->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 30000);
        QCOMPARE(server.pending(), 0);
        auto *conversation = panel->findChild<QTextBrowser *>(QStringLiteral("directorConversation"));
        const QString text = conversation->toPlainText();
        QVERIFY2(text.contains(QLatin1String("list_shots")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Scene 1 opens on 1A, a wide of the pier.")), qPrintable(text));
        QVERIFY(conversation->toHtml().contains(
            QStringLiteral("shot:%1").arg(w.document()->project().findShot(QStringLiteral("1A"))->id)));
        QCOMPARE(w.undoStack()->count(), 0);
    }

    void unreachableModelIsOneLine() {
        // A local model profile on a port nothing listens on.
        providers::ProviderProfile profile;
        profile.kind = providers::ProviderKind::Ollama;
        profile.name = QStringLiteral("ollama-down");
        profile.baseUrl = QStringLiteral("http://127.0.0.1:9");
        profile.model = QStringLiteral("llama3");
        profile.maxRetries = 0;
        QVERIFY(providers::ProfileStore::upsert(profile).ok());
        ui::MainWindow w;
        ui::ChatPanel *panel = open(w);
        QVERIFY(panel);
        auto *picker = panel->findChild<QComboBox *>(QStringLiteral("directorInterpreter"));
        QCOMPARE(picker->currentIndex(), 0); // the offline interpreter by default
        const int ollama = picker->findData(profile.name);
        QVERIFY(ollama > 0);
        picker->setCurrentIndex(ollama);
        type(panel, QStringLiteral("make 1A a low angle"));
        auto *status = panel->findChild<QLabel *>(QStringLiteral("directorStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().isEmpty(), 30000);
        QVERIFY2(status->text().contains(profile.name), qPrintable(status->text()));
        QVERIFY(!status->text().contains(u'\n'));
        QCOMPARE(reread(m_path).findShot(QStringLiteral("1A"))->angle,
                 test::sampleProject().findShot(QStringLiteral("1A"))->angle);
    }
};

QTEST_MAIN(TestDirectorDock)
#include "tst_directordock.moc"
