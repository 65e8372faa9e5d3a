// The command line as a contract, over every command of the table (so commands added later are
// held to it too): --help exits 0; an unknown option, a missing argument or a bad value exits 2
// with one line on stderr; a missing or unreadable file exits 1 with one line; a typo of a command
// gets a suggestion; without a display nothing opens a window or waits for input.
#include "cli/Commands.h"
#include "storage/ProjectStore.h"
#include "support/CliRunner.h"
#include "support/SampleProject.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace shotcraft;

namespace {
constexpr int kTimeoutMs = 30000;

test::CliOutcome runCli(const QStringList &args, const QStringList &unsetEnv = {}) {
    test::CliOptions options;
    options.timeoutMs = kTimeoutMs;
    options.unsetEnv = unsetEnv;
    return test::runShotcraft(args, options);
}

QList<QByteArray> stderrLines(const test::CliOutcome &o) {
    QList<QByteArray> lines = o.err.split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

QString describe(const QStringList &args, const test::CliOutcome &o) {
    return QStringLiteral("shotcraft %1 -> exit %2\nstderr: %3")
        .arg(args.join(u' '))
        .arg(o.exitCode)
        .arg(QString::fromLocal8Bit(o.err));
}

// An outcome that is an error the way the contract says: the code, and one "shotcraft:" line.
void verifyOneLineError(const QStringList &args, const test::CliOutcome &o, int code) {
    const QList<QByteArray> lines = stderrLines(o);
    QVERIFY2(o.exitCode == code, qPrintable(describe(args, o)));
    QVERIFY2(lines.size() == 1, qPrintable(describe(args, o)));
    QVERIFY2(lines.first().startsWith("shotcraft: "), qPrintable(describe(args, o)));
}

QStringList commandNames() {
    QStringList names;
    for (const cli::CommandSpec &spec : cli::commands())
        names << QString::fromLatin1(spec.name);
    return names;
}

void addCommandRows() {
    QTest::addColumn<QString>("command");
    for (const QString &name : commandNames())
        QTest::newRow(qPrintable(name)) << name;
}
} // namespace

class TestCliContract : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpExitsZero_data() { addCommandRows(); }
    void helpExitsZero();
    void unknownOptionIsUsageError_data() { addCommandRows(); }
    void unknownOptionIsUsageError();
    void noArgumentsAnswersAtOnce_data() { addCommandRows(); }
    void noArgumentsAnswersAtOnce();
    void missingFileFailsWithOneLine_data() { addCommandRows(); }
    void missingFileFailsWithOneLine();
    void badValuesAreUsageErrors_data() { addCommandRows(); }
    void badValuesAreUsageErrors();
    void rows_data();
    void rows();
    void noDisplayNeverOpensAWindow_data();
    void noDisplayNeverOpensAWindow();

private:
    // The positional argument a command's usage line names: a project, a script or nothing.
    QString positionalFor(const QString &command) const;

    QTemporaryDir m_dir;
    QString m_project, m_script, m_missingDir;
    QHash<QString, QByteArray> m_help;
};

void TestCliContract::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(test::shotcraftExecutable()).isExecutable(), qPrintable(test::shotcraftExecutable()));
    m_project = m_dir.filePath(QStringLiteral("sample.shotcraft"));
    QVERIFY(storage::ProjectStore::create(m_project, test::sampleProject()));
    m_script = m_dir.filePath(QStringLiteral("scene.fountain"));
    QFile script(m_script);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("INT. KITCHEN - NIGHT\n\nMara pours tea.\n\nMARA\nIt's late.\n");
    script.close();
    m_missingDir = m_dir.filePath(QStringLiteral("no-such-folder"));
    QVERIFY(commandNames().contains(QStringLiteral("generate")));
}

QString TestCliContract::positionalFor(const QString &command) const {
    const QByteArray usage = m_help.value(command).split('\n').value(0);
    if (usage.contains("PROJECT"))
        return m_project;
    if (usage.contains("SCRIPT") || usage.contains("FILE"))
        return m_script;
    return {};
}

void TestCliContract::helpExitsZero() {
    QFETCH(QString, command);
    const QStringList args{command, QStringLiteral("--help")};
    const test::CliOutcome o = runCli(args);
    QVERIFY2(o.exitCode == 0, qPrintable(describe(args, o)));
    QVERIFY2(o.out.startsWith("Usage: shotcraft " + command.toLatin1()), o.out.constData());
    QVERIFY2(o.out.contains("--json"), o.out.constData());
    QVERIFY2(stderrLines(o).isEmpty(), qPrintable(describe(args, o)));
    m_help.insert(command, o.out);
}

void TestCliContract::unknownOptionIsUsageError() {
    QFETCH(QString, command);
    const QStringList args{command, QStringLiteral("--no-such-option")};
    verifyOneLineError(args, runCli(args), 2);
}

void TestCliContract::noArgumentsAnswersAtOnce() {
    // Either the command needs no argument (it answers, exit 0) or it is a usage error; it never
    // waits for input (stdin is an open pipe here) or hangs.
    QFETCH(QString, command);
    const QStringList args{command};
    const test::CliOutcome o = runCli(args);
    QVERIFY2(o.exitCode == 0 || o.exitCode == 2, qPrintable(describe(args, o)));
    if (o.exitCode == 2)
        verifyOneLineError(args, o, 2);
    if (positionalFor(command).isEmpty() == false)
        QCOMPARE(o.exitCode, 2); // a command whose usage names a file cannot run without one
}

void TestCliContract::missingFileFailsWithOneLine() {
    QFETCH(QString, command);
    const QString positional = positionalFor(command);
    if (positional.isEmpty())
        QSKIP("the command takes no file");
    // The file in a missing folder; options a command requires are given so the file is what fails.
    QStringList args{command, m_missingDir + (positional == m_project ? QStringLiteral("/p.shotcraft")
                                                                      : QStringLiteral("/s.fountain"))};
    const QByteArray help = m_help.value(command);
    if (help.split('\n').value(0).contains("MESSAGE")) // a second positional: the file still fails first
        args << QStringLiteral("list the shots");
    if (help.contains("-o, --output") || help.contains("--output <"))
        args << QStringLiteral("-o") << m_dir.filePath(QStringLiteral("out-") + command);
    if (help.contains("--shot <"))
        args << QStringLiteral("--shot") << QStringLiteral("1");
    // A format given as a list of choices ("--format <F>  png|jpeg|..."): its first choice.
    static const QRegularExpression requiredFormat(QStringLiteral("--format <\\w+>\\s+([a-z0-9]+)\\|"));
    if (const auto m = requiredFormat.match(QString::fromUtf8(help)); m.hasMatch())
        args << QStringLiteral("--format") << m.captured(1);
    const test::CliOutcome o = runCli(args);
    verifyOneLineError(args, o, 1);
    QVERIFY2(stderrLines(o).first().contains("no such file") ||
                 stderrLines(o).first().contains("No such file"),
             qPrintable(describe(args, o)));
    QVERIFY(!QFileInfo::exists(m_missingDir)); // nothing was created on the way
}

void TestCliContract::badValuesAreUsageErrors() {
    // Every option a command's help names that takes a count, a range or a format is given a value
    // it must refuse; whatever else the command needs, that is a usage error.
    QFETCH(QString, command);
    const QByteArray help = m_help.value(command);
    const QList<QStringList> bad = {{QStringLiteral("--concurrency"), QStringLiteral("0")},
                                    {QStringLiteral("--concurrency"), QStringLiteral("many")},
                                    {QStringLiteral("--shots"), QStringLiteral("9-3")},
                                    {QStringLiteral("--format"), QStringLiteral("bogus")},
                                    {QStringLiteral("--dialect"), QStringLiteral("bogus")},
                                    {QStringLiteral("--references"), QStringLiteral("-5")}};
    int checked = 0;
    for (const QStringList &option : bad) {
        if (!help.contains(option.first().toLatin1() + " <"))
            continue;
        QStringList args{command};
        if (const QString positional = positionalFor(command); !positional.isEmpty())
            args << positional;
        if (help.contains("--shot <") && option.first() != QLatin1String("--shots"))
            args << QStringLiteral("--shot") << QStringLiteral("1A");
        args << option;
        verifyOneLineError(args, runCli(args), 2);
        ++checked;
    }
    if (checked == 0)
        QSKIP("no option with a value to refuse");
}

void TestCliContract::rows_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("line"); // the stderr line, or a part of it
    const QString p = QStringLiteral("@PROJECT");
    const QString s = QStringLiteral("@SCRIPT");
    const QString d = QStringLiteral("@DIR");
    QTest::newRow("typo genrate") << QStringList{QStringLiteral("genrate"), p} << 2
                                  << "shotcraft: unknown command 'genrate' (did you mean 'generate'?)";
    QTest::newRow("typo stail") << QStringList{QStringLiteral("stail"), p} << 2
                                << "shotcraft: unknown command 'stail' (did you mean 'stale'?)";
    QTest::newRow("typo Info") << QStringList{QStringLiteral("Info")} << 2
                               << "shotcraft: unknown command 'Info' (did you mean 'info'?)";
    QTest::newRow("no such word") << QStringList{QStringLiteral("xyzzyq")} << 2
                                  << "shotcraft: unknown command 'xyzzyq' (see shotcraft --help)";
    QTest::newRow("leading option") << QStringList{QStringLiteral("--frobnicate")} << 2
                                    << "unknown command or option '--frobnicate'";
    QTest::newRow("missing project") << QStringList{d + QStringLiteral("/gone.shotcraft")} << 1
                                     << "no such file";
    QTest::newRow("existing non-project")
        << QStringList{d + QStringLiteral("/notes.md")} << 1 << "is not a Shotcraft project or a script";
    QTest::newRow("folder") << QStringList{d} << 1 << "is not a Shotcraft project or a script";
    QTest::newRow("generate concurrency 0")
        << QStringList{QStringLiteral("generate"), p, QStringLiteral("--concurrency"), QStringLiteral("0")}
        << 2 << "--concurrency";
    QTest::newRow("generate shots 9-3")
        << QStringList{QStringLiteral("generate"), p, QStringLiteral("--shots"), QStringLiteral("9-3")} << 2
        << "";
    QTest::newRow("generate two projects") << QStringList{QStringLiteral("generate"), p, p} << 2 << "usage";
    QTest::newRow("info format bogus")
        << QStringList{QStringLiteral("info"), p, QStringLiteral("--format"), QStringLiteral("bogus")} << 2
        << "format";
    QTest::newRow("info folder") << QStringList{QStringLiteral("info"), d} << 1 << "not a file";
    QTest::newRow("info missing") << QStringList{QStringLiteral("info"), d + QStringLiteral("/x.shotcraft")}
                                  << 1 << "no such file";
    QTest::newRow("parse missing") << QStringList{QStringLiteral("parse"), d + QStringLiteral("/x.fountain")}
                                   << 1 << "";
    QTest::newRow("prompt dialect bogus") << QStringList{QStringLiteral("prompt"),    p,
                                                         QStringLiteral("--shot"),    QStringLiteral("1A"),
                                                         QStringLiteral("--dialect"), QStringLiteral("bogus")}
                                          << 2 << "--dialect";
    QTest::newRow("plan without shot") << QStringList{QStringLiteral("plan"), p} << 2 << "usage";
    QTest::newRow("plan no such shot")
        << QStringList{QStringLiteral("plan"), p, QStringLiteral("--shot"), QStringLiteral("99Z")} << 1
        << "no shot";
    QTest::newRow("new without output") << QStringList{QStringLiteral("new"), s} << 2 << "usage";
    QTest::newRow("run concurrency 0") << QStringList{QStringLiteral("run"),
                                                      s,
                                                      QStringLiteral("-o"),
                                                      d + QStringLiteral("/out"),
                                                      QStringLiteral("--concurrency"),
                                                      QStringLiteral("0")}
                                       << 2 << "--concurrency";
    QTest::newRow("providers unknown action")
        << QStringList{QStringLiteral("providers"), QStringLiteral("frobnicate")} << 2 << "";
    QTest::newRow("providers set concurrency 0") << QStringList{QStringLiteral("providers"),
                                                                QStringLiteral("set"),
                                                                QStringLiteral("contract-check"),
                                                                QStringLiteral("--kind"),
                                                                QStringLiteral("previz"),
                                                                QStringLiteral("--concurrency"),
                                                                QStringLiteral("0")}
                                                 << 2 << "--concurrency";
    QTest::newRow("providers list with a set option")
        << QStringList{QStringLiteral("providers"), QStringLiteral("--timeout"), QStringLiteral("5")} << 2
        << "only for providers set";
    if (::geteuid() != 0)
        QTest::newRow("info unreadable")
            << QStringList{QStringLiteral("info"), QStringLiteral("@UNREADABLE")} << 1 << "";
}

void TestCliContract::rows() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, line);
    QFile notes(m_dir.filePath(QStringLiteral("notes.md")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("# not a project\n");
    notes.close();
    const QString unreadable = m_dir.filePath(QStringLiteral("locked.shotcraft"));
    if (!QFileInfo::exists(unreadable)) {
        QVERIFY(QFile::copy(m_project, unreadable));
        QVERIFY(QFile::setPermissions(unreadable, QFileDevice::Permissions()));
    }
    for (QString &a : args) {
        a.replace(QLatin1String("@PROJECT"), m_project);
        a.replace(QLatin1String("@SCRIPT"), m_script);
        a.replace(QLatin1String("@DIR"), m_dir.path());
        a.replace(QLatin1String("@UNREADABLE"), unreadable);
    }
    const test::CliOutcome o = runCli(args);
    verifyOneLineError(args, o, exitCode);
    QVERIFY2(stderrLines(o).first().contains(line.toUtf8()), qPrintable(describe(args, o)));
    QVERIFY2(o.out.isEmpty(), qPrintable(describe(args, o)));
}

void TestCliContract::noDisplayNeverOpensAWindow_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no argument") << QStringList{} << 1;
    QTest::newRow("a project") << QStringList{QStringLiteral("@PROJECT")} << 1;
    QTest::newRow("a script") << QStringList{QStringLiteral("@SCRIPT")} << 1;
    QTest::newRow("a typo") << QStringList{QStringLiteral("genrate"), QStringLiteral("@PROJECT")} << 2;
    QTest::newRow("a missing file") << QStringList{QStringLiteral("gone.shotcraft")} << 1;
    QTest::newRow("a command") << QStringList{QStringLiteral("info"), QStringLiteral("@PROJECT")} << 0;
}

void TestCliContract::noDisplayNeverOpensAWindow() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    for (QString &a : args) {
        a.replace(QLatin1String("@PROJECT"), m_project);
        a.replace(QLatin1String("@SCRIPT"), m_script);
    }
    QElapsedTimer clock;
    clock.start();
    const test::CliOutcome o = runCli(args, {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"),
                                             QStringLiteral("WAYLAND_DISPLAY")});
    QVERIFY2(o.exitCode != -1, qPrintable(describe(args, o) + QStringLiteral(" (crashed or hung)")));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(describe(args, o)));
    if (exitCode == 0) {
        QVERIFY2(o.exitCode == 0 && stderrLines(o).isEmpty(), qPrintable(describe(args, o)));
        return;
    }
    verifyOneLineError(args, o, exitCode);
    if (exitCode == 1)
        QVERIFY2(stderrLines(o).first().contains("no display") ||
                     stderrLines(o).first().contains("no such file"),
                 qPrintable(describe(args, o)));
}

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_clicontract.moc"
