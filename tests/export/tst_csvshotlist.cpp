// The CSV shot list read back by a strict RFC 4180 reader (below): every row has every column, and
// dialogue with commas, quotes and line breaks comes back exactly.
#include "ExportFixture.h"
#include "export/CsvShotList.h"

#include <QTemporaryDir>

using namespace shotcraft;
using namespace shotcraft::exporting;

namespace {

// RFC 4180, strictly: CRLF between records, a quote only opens a field, a quote inside a quoted
// field is doubled, nothing follows a closing quote but a comma or the record's end.
std::optional<QList<QStringList>> readCsv(const QString &text, QString *error) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("%1 at %2").arg(why).arg(i);
        return std::nullopt;
    };
    while (i < n) {
        if (text[i] == u'"') {
            ++i;
            while (true) {
                if (i >= n)
                    return fail(QStringLiteral("unterminated quote"));
                if (text[i] == u'"') {
                    if (i + 1 < n && text[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < n && text[i] != u',' && text[i] != u'\r')
                return fail(QStringLiteral("text after a closing quote"));
        } else {
            while (i < n && text[i] != u',' && text[i] != u'\r') {
                if (text[i] == u'"' || text[i] == u'\n')
                    return fail(QStringLiteral("quote or bare line feed in an unquoted field"));
                field += text[i++];
            }
        }
        record.append(field);
        field.clear();
        if (i < n && text[i] == u',') {
            ++i;
            if (i == n)
                return fail(QStringLiteral("trailing comma"));
            continue;
        }
        if (i < n) {
            if (i + 1 >= n || text[i + 1] != u'\n')
                return fail(QStringLiteral("CR without LF"));
            i += 2;
        }
        records.append(record);
        record.clear();
    }
    return records;
}

} // namespace

class TestCsvShotList : public QObject {
    Q_OBJECT
private slots:
    void roundTrips_data();
    void roundTrips();
    void theReaderIsStrict();

private:
    QTemporaryDir m_dir;
};

void TestCsvShotList::roundTrips_data() {
    QTest::addColumn<bool>("demo");
    QTest::addColumn<bool>("bom");
    QTest::newRow("300 shots, BOM") << false << true;
    QTest::newRow("300 shots") << false << false;
    QTest::newRow("demo") << true << false;
}

void TestCsvShotList::roundTrips() {
    QFETCH(bool, demo);
    QFETCH(bool, bom);
    const QString path = m_dir.filePath(QStringLiteral("%1%2.shotcraft").arg(demo).arg(bom));
    test::ExportRig rig = demo ? test::demoFilm(path) : test::generatedFilm(path, 300);
    QVERIFY2(rig.store, qPrintable(rig.error));
    ExportSnapshot snapshot = rig.snapshot();
    snapshot.shots[0].shot.dialogueExcerpt =
        QStringLiteral("JUNE: \"No,\" she says.\r\nThen, \"yes\" — ¿sí?");
    QByteArray bytes = CsvShotList::serialize(snapshot, bom);
    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
    if (bom)
        bytes.remove(0, 3);
    QString error;
    const auto records = readCsv(QString::fromUtf8(bytes), &error);
    QVERIFY2(records.has_value(), qPrintable(error));
    QCOMPARE(records->size(), snapshot.shots.size() + 1);
    QCOMPARE(records->first(), CsvShotList::header());
    QCOMPARE(records->first().size(), 16);
    for (int i = 0; i < snapshot.shots.size(); ++i) {
        const QStringList &row = (*records)[i + 1];
        const ExportShot &s = snapshot.shots[i];
        QCOMPARE(row.size(), 16);
        QCOMPARE(row[1], s.shot.number);
        QCOMPARE(row[3], s.location);
        QCOMPARE(row[11], s.shot.description);
        QCOMPARE(row[12], s.shot.dialogueExcerpt);
        QVERIFY(std::abs(row[13].toDouble() - s.shot.durationSec) < 1e-4);
        QCOMPARE(row[14].toInt(), s.takeCount);
        QCOMPARE(row[15].isEmpty(), !s.approved);
    }
}

void TestCsvShotList::theReaderIsStrict() {
    QString error;
    QVERIFY(!readCsv(QStringLiteral("a,\"b\"c\r\n"), &error));
    QVERIFY(!readCsv(QStringLiteral("a,b\nc\r\n"), &error));
    QVERIFY(!readCsv(QStringLiteral("a,\"b\r\n"), &error));
    QVERIFY(readCsv(QStringLiteral("a,\"b,\"\"c\"\"\r\nd\"\r\n"), &error));
}

QTEST_MAIN(TestCsvShotList)
#include "tst_csvshotlist.moc"
