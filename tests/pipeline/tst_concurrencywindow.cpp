// The per-provider window: its cap, its reaction to overload, and the throughput it keeps against a
// server with a hard concurrency limit (simulated in virtual time, so the test is fast and exact).
#include "pipeline/ConcurrencyWindow.h"

#include <QRandomGenerator>
#include <QtTest>

#include <map>

using shotcraft::pipeline::ConcurrencyWindow;

class TestConcurrencyWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neverExceedsCap();
    void burstOfOverloadsShrinksOnce();
    void growsBackAfterSuccesses();
    void keepsThroughputNearServerLimit_data();
    void keepsThroughputNearServerLimit();
};

void TestConcurrencyWindow::neverExceedsCap() {
    ConcurrencyWindow w(3);
    QList<ConcurrencyWindow::Ticket> tickets;
    while (w.canSend())
        tickets.append(w.acquire());
    QCOMPARE(tickets.size(), qsizetype(3));
    for (int i = 0; i < 50; ++i) {
        w.succeeded(tickets.takeFirst());
        QVERIFY(w.canSend());
        tickets.append(w.acquire());
        QVERIFY(!w.canSend());
    }
    QCOMPARE(w.limit(), 3);
}

void TestConcurrencyWindow::burstOfOverloadsShrinksOnce() {
    ConcurrencyWindow w(8);
    QList<ConcurrencyWindow::Ticket> tickets;
    for (int i = 0; i < 8; ++i)
        tickets.append(w.acquire());
    // Requests 5..8 all come back 429: one overshoot, one decrease.
    for (int i = 4; i < 8; ++i)
        w.overloaded(tickets[i]);
    const int after = w.limit();
    QVERIFY2(after < 8 && after >= 4, qPrintable(QString::number(after)));
    QCOMPARE(w.inFlight(), 4);
    // A later overload does shrink again.
    const auto next = w.acquire();
    w.overloaded(next);
    QVERIFY(w.limit() < after || w.limit() == 1);
}

void TestConcurrencyWindow::growsBackAfterSuccesses() {
    ConcurrencyWindow w(6);
    auto t = w.acquire();
    w.overloaded(t); // in flight 1 at send: down to the floor
    QCOMPARE(w.limit(), 1);
    int successes = 0;
    while (w.limit() < 6 && successes < 1000) {
        w.succeeded(w.acquire());
        ++successes;
    }
    QCOMPARE(w.limit(), 6);
    QVERIFY2(successes < 200, qPrintable(QString::number(successes)));
}

void TestConcurrencyWindow::keepsThroughputNearServerLimit_data() {
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("serverLimit");
    QTest::newRow("8 against 4") << 8 << 4;
    QTest::newRow("8 against 2") << 8 << 2;
    QTest::newRow("16 against 6") << 16 << 6;
    QTest::newRow("8 against 8") << 8 << 8;
}

void TestConcurrencyWindow::keepsThroughputNearServerLimit() {
    QFETCH(int, cap);
    QFETCH(int, serverLimit);
    // Virtual time: a request the server accepts takes 100..300 units; one over its limit is
    // answered with 429 after 1 unit and goes back to the queue.
    ConcurrencyWindow w(cap);
    QRandomGenerator random(42);
    std::multimap<qint64, std::pair<ConcurrencyWindow::Ticket, bool>> events; // time -> (ticket, ok)
    const int jobs = 2000;
    int done = 0, queued = jobs, serverBusy = 0;
    qint64 now = 0, busyTime = 0;
    auto fill = [&]() {
        while (queued > 0 && w.canSend()) {
            const auto ticket = w.acquire();
            --queued;
            if (serverBusy >= serverLimit) {
                events.emplace(now + 1, std::make_pair(ticket, false));
            } else {
                ++serverBusy;
                const qint64 latency = 100 + random.bounded(201);
                busyTime += latency;
                events.emplace(now + latency, std::make_pair(ticket, true));
            }
        }
    };
    fill();
    while (!events.empty()) {
        auto it = events.begin();
        now = it->first;
        const auto [ticket, ok] = it->second;
        events.erase(it);
        if (ok) {
            --serverBusy;
            ++done;
            w.succeeded(ticket);
        } else {
            ++queued;
            w.overloaded(ticket);
        }
        QVERIFY(w.inFlight() <= cap);
        fill();
    }
    QCOMPARE(done, jobs);
    const double capacity = double(std::min(cap, serverLimit));
    const double utilisation = double(busyTime) / double(now) / capacity;
    qInfo("cap %d, server limit %d: %.1f%% of capacity", cap, serverLimit, utilisation * 100.0);
    QVERIFY2(utilisation >= 0.85, qPrintable(QString::number(utilisation)));
}

QTEST_GUILESS_MAIN(TestConcurrencyWindow)
#include "tst_concurrencywindow.moc"
