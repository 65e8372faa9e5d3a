// The whole headless workflow through the real executable, as a filmmaker scripts it: `run` on the
// demo story, then parse / info / dna / plan / prompt / stale on what it made, and `generate
// --provider` against local servers speaking the OpenAI Images, ComfyUI and AUTOMATIC1111 wire
// formats.
#include "storage/ProjectStore.h"
#include "support/Automatic1111ImageServer.h"
#include "support/CliRunner.h"
#include "support/ComfyUiImageServer.h"
#include "support/OpenAiImageServer.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;

using Outcome = test::CliOutcome;

class TestCliWorkflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runMadeFramesAndContactSheet();
    void parseReadsTheDemo();
    void infoCountsTheRun();
    void dnaPlanAndPromptAgree();
    void nothingIsStaleAfterARun();
    void everyTakeNamesTheLensOnItsCard();
    void generateThroughEachService_data();
    void generateThroughEachService();
    void canaryKeyIsNowhere();

private:
    // Runs shotcraft with an event loop turning, so in-process test servers can answer it.
    Outcome shotcraft(const QStringList &args, int timeoutMs = 240000);
    QTemporaryDir m_dir;
    QString m_out;
    QString m_project;
    Json m_run;
    QByteArray m_everythingPrinted; // all stdout and stderr of every run: the logs
};

Outcome TestCliWorkflow::shotcraft(const QStringList &args, int timeoutMs) {
    const Outcome o =
        test::runShotcraft(args, {m_dir.filePath(QStringLiteral("settings")), false, timeoutMs});
    m_everythingPrinted += o.out + o.err;
    return o;
}

void TestCliWorkflow::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_out = m_dir.filePath(QStringLiteral("storyboard"));
    const Outcome run = shotcraft({QStringLiteral("run"), test::demoStoryPath(), QStringLiteral("-o"), m_out,
                                   QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    m_run = run.json();
    QVERIFY2(m_run.is_object(), run.out.constData());
    m_project = QString::fromStdString(m_run.value("project", std::string()));
}

void TestCliWorkflow::runMadeFramesAndContactSheet() {
    QVERIFY(QFileInfo(m_project).isFile());
    const int shots = m_run.value("shots", 0);
    QVERIFY(shots >= 5); // at least one per scene of the demo
    QCOMPARE(m_run.value("failed", -1), 0);
    const QStringList frames =
        QDir(m_out + QStringLiteral("/frames")).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(int(frames.size()), shots);
    const QImage first(m_out + QStringLiteral("/frames/") + frames.first());
    QVERIFY(!first.isNull());
    QVERIFY(first.width() > first.height()); // the demo's widescreen frame
    const QImage sheet(m_out + QStringLiteral("/contact-sheet.png"));
    QVERIFY(!sheet.isNull());
    // Beside the frames: the PDF boards, the CSV shot list and (ffmpeg is a dependency) the animatic.
    QFile pdf(m_out + QStringLiteral("/storyboard.pdf"));
    QVERIFY2(pdf.open(QIODevice::ReadOnly), "run wrote no storyboard.pdf");
    QVERIFY(pdf.read(5) == "%PDF-");
    QCOMPARE(QString::fromStdString(m_run.value("pdf", std::string())), pdf.fileName());
    QFile csv(m_out + QStringLiteral("/shot-list.csv"));
    QVERIFY2(csv.open(QIODevice::ReadOnly), "run wrote no shot-list.csv");
    QVERIFY(csv.readLine().startsWith("scene,shot,"));
    QVERIFY2(QFileInfo(m_out + QStringLiteral("/animatic.mp4")).size() > 1000, "run wrote no animatic.mp4");
}

void TestCliWorkflow::parseReadsTheDemo() {
    const Outcome o = shotcraft({QStringLiteral("parse"), test::demoStoryPath(), QStringLiteral("--json")});
    QCOMPARE(o.exitCode, 0);
    const Json parsed = o.json();
    QCOMPARE(parsed.at("scenes").size(), size_t(5));
    QStringList names;
    for (const Json &c : parsed.at("characters"))
        names << QString::fromStdString(c.value("name", std::string()));
    for (const char *name : {"MARA", "ELIAS", "JUNE"})
        QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(u',')));
}

void TestCliWorkflow::infoCountsTheRun() {
    const Outcome o = shotcraft({QStringLiteral("info"), m_project, QStringLiteral("--json")});
    QCOMPARE(o.exitCode, 0);
    const Json info = o.json();
    QCOMPARE(info.value("scenes", 0), 5);
    QCOMPARE(info.value("acts", 0), 3); // the demo marks its three acts with sections
    QCOMPARE(info.value("shots", 0), m_run.value("shots", -1));
    QVERIFY(info.value("takes", 0) >= info.value("shots", 0)); // every shot, plus the look book
}

void TestCliWorkflow::dnaPlanAndPromptAgree() {
    const Outcome dna = shotcraft({QStringLiteral("dna"), m_project, QStringLiteral("--json")});
    QCOMPARE(dna.exitCode, 0);
    QVERIFY(dna.json().at("characters").size() >= 3);
    QVERIFY(!dna.json().at("palettes").empty());

    // The first shot with a character in it.
    const QStringList frames =
        QDir(m_out + QStringLiteral("/frames")).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QString shotWithPeople;
    Json plan;
    for (const QString &frame : frames) {
        const QString number = frame.section(QStringLiteral("_sh"), 1).section(u'.', 0, 0);
        const Outcome o = shotcraft(
            {QStringLiteral("plan"), m_project, QStringLiteral("--shot"), number, QStringLiteral("--json")});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        plan = o.json();
        if (!plan.at("characters").empty()) {
            shotWithPeople = number;
            break;
        }
    }
    QVERIFY(!shotWithPeople.isEmpty());
    const Outcome prompt =
        shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("--shot"), shotWithPeople,
                   QStringLiteral("--dialect"), QStringLiteral("natural"), QStringLiteral("--json")});
    QVERIFY2(prompt.exitCode == 0, prompt.err.constData());
    const QString positive = QString::fromStdString(prompt.json().value("positive", std::string()));
    for (const Json &who : plan.at("characters")) {
        const QString tokens = QString::fromStdString(who.value("tokens", std::string()));
        QVERIFY2(positive.contains(tokens), qPrintable(tokens));
    }
    QVERIFY(!QString::fromStdString(prompt.json().value("negative", std::string())).isEmpty());
    QVERIFY(!prompt.json().at("rationale").empty());
}

void TestCliWorkflow::nothingIsStaleAfterARun() {
    const Outcome o = shotcraft({QStringLiteral("stale"), m_project, QStringLiteral("--json")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.json().at("staleTakes").empty());
}

namespace {
// The lens row of a package's rationale, the way it names a lens: "40 mm T2 on Super 35".
QString lensRow(const PromptPackage &package, bool reason = false) {
    for (const RationaleEntry &e : package.rationale)
        if (e.aspect == QLatin1String("lens"))
            return reason ? e.reason : e.choice;
    return {};
}
bool namesLens(const QString &row, const Lens &lens) {
    return row.startsWith(QStringLiteral("%1 mm T%2 ").arg(lens.focalLengthMm).arg(lens.aperture, 0, 'g', 2));
}
} // namespace

void TestCliWorkflow::everyTakeNamesTheLensOnItsCard() {
    // The card shows the shot's lens; every take `run` made, and `shotcraft prompt`, must name it too.
    const QString copy = m_dir.filePath(QStringLiteral("lens-check.shotcraft"));
    QVERIFY(QFile::copy(m_project, copy));
    auto store = storage::ProjectStore::open(copy);
    QVERIFY2(store.ok(), qPrintable(store.error()));
    auto project = (*store)->load();
    QVERIFY(project.ok());
    QVERIFY(!project->shots.isEmpty());
    for (const Shot &shot : project->shots) {
        const QList<Take> takes = (*store)->takesOfShot(shot.id);
        QVERIFY(!takes.isEmpty());
        for (const Take &take : takes)
            QVERIFY2(namesLens(lensRow(take.package), shot.lens),
                     qPrintable(QStringLiteral("shot %1: card %2 mm T%3, take says \"%4\"")
                                    .arg(shot.number)
                                    .arg(shot.lens.focalLengthMm)
                                    .arg(shot.lens.aperture)
                                    .arg(lensRow(take.package))));
        // A new project's lenses are the genre's choices, and say so.
        QVERIFY2(lensRow(takes.first().package, true).contains(QLatin1String(" lens set (")),
                 qPrintable(lensRow(takes.first().package, true)));
    }

    // A lens set by hand reaches the prompt, with what the genre would have taken as the reason.
    Shot edited = project->shots.first();
    edited.lens = {135.0, 1.4, Sensor::FullFrame};
    QVERIFY((*store)->save(edited).ok());
    store->reset(); // close the file before the command opens it
    const Outcome prompt =
        shotcraft({QStringLiteral("prompt"), copy, QStringLiteral("--shot"), edited.number,
                   QStringLiteral("--dialect"), QStringLiteral("natural"), QStringLiteral("--json")});
    QVERIFY2(prompt.exitCode == 0, prompt.err.constData());
    const PromptPackage package = prompt.json().get<PromptPackage>();
    QVERIFY2(namesLens(lensRow(package), edited.lens), qPrintable(lensRow(package)));
    QVERIFY(package.positive.contains(QLatin1String("135 mm lens at T1.4 on full frame")));
}

void TestCliWorkflow::generateThroughEachService_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("OpenAI Images") << QStringLiteral("openai-images");
    QTest::newRow("ComfyUI") << QStringLiteral("comfyui");
    QTest::newRow("AUTOMATIC1111") << QStringLiteral("automatic1111");
}

void TestCliWorkflow::generateThroughEachService() {
    QFETCH(QString, kind);
    test::OpenAiImageServer openAi;
    test::ComfyUiImageServer comfy;
    test::Automatic1111ImageServer a1111;
    QUrl url;
    QString model;
    std::function<int()> calls;
    if (kind == QLatin1String("openai-images")) {
        QVERIFY(openAi.listen());
        url = openAi.baseUrl();
        model = QStringLiteral("gpt-image-1");
        calls = [&]() {
            return int(openAi.calls().size());
        };
    } else if (kind == QLatin1String("comfyui")) {
        QVERIFY(comfy.listen());
        url = comfy.baseUrl();
        model = QStringLiteral("sd_xl_base_1.0.safetensors");
        calls = [&]() {
            return int(comfy.calls().size());
        };
    } else {
        QVERIFY(a1111.listen());
        url = a1111.baseUrl();
        model = QStringLiteral("sd_xl_base_1.0");
        calls = [&]() {
            return int(a1111.calls().size());
        };
    }
    const QString name = QStringLiteral("wire-") + kind;
    const Outcome set =
        shotcraft({QStringLiteral("providers"), QStringLiteral("set"), name, QStringLiteral("--kind"), kind,
                   QStringLiteral("--url"), url.toString(), QStringLiteral("--model"), model});
    QVERIFY2(set.exitCode == 0, set.err.constData());

    // A fresh project from the demo, then one shot (and the look-book frames it needs) over the wire.
    const QString project = m_dir.filePath(name + QStringLiteral(".shotcraft"));
    const Outcome made =
        shotcraft({QStringLiteral("new"), test::demoStoryPath(), QStringLiteral("-o"), project});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const Outcome gen =
        shotcraft({QStringLiteral("generate"), project, QStringLiteral("--shots"), QStringLiteral("1A"),
                   QStringLiteral("--provider"), name, QStringLiteral("--json")});
    QVERIFY2(gen.exitCode == 0, (gen.err + gen.out).constData());
    QVERIFY(calls() >= 1);
    QCOMPARE(gen.json().value("failed", -1), 0);
    const Outcome info = shotcraft({QStringLiteral("info"), project, QStringLiteral("--json")});
    QVERIFY(info.json().value("takes", 0) >= 1);
}

// The suite runs with a fake key in SHOTCRAFT_OPENAI_API_KEY, which the OpenAI Images run sent over
// the wire: it must appear in no project file, settings file, frame, contact sheet or log.
void TestCliWorkflow::canaryKeyIsNowhere() {
    const QByteArray key = qgetenv("SHOTCRAFT_OPENAI_API_KEY");
    QVERIFY2(key.size() >= 16, "ctest sets a canary key");
    QVERIFY(!m_everythingPrinted.contains(key));
    int filesSearched = 0;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key), qPrintable(file.fileName()));
        ++filesSearched;
    }
    QVERIFY(filesSearched > 10); // projects (with their WAL), settings, frames, contact sheet
}

QTEST_MAIN(TestCliWorkflow)
#include "tst_cliworkflow.moc"
