// Experiment store: runs, metrics, truncation on resume, checkpoints, events, schema.
#include <QtTest>
#include <sqlite3.h>

#include "store/experiment_store.h"
#include "util/error.h"

using namespace ferkd;

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void runsRoundTrip() {
        QTemporaryDir dir;
        ExperimentStore store(dir.path().toStdString());
        int64_t id = store.createRun("a", "train", "fmnist-resnet-quick", "{\"seed\":1}", "x,y");
        auto r = store.run(id);
        QVERIFY(r);
        QCOMPARE(r->status, std::string(run_status::kQueued));
        QCOMPARE(r->tags, std::string("x,y"));
        store.markStarted(id, "cpu (2 threads)");
        QCOMPARE(store.run(id)->status, std::string(run_status::kRunning));  // our own process is alive
        store.setBestTop1(id, 91.5);
        store.setStatus(id, run_status::kFinished);
        r = store.findRun("a");
        QCOMPARE(r->id, id);
        QCOMPARE(*r->best_top1, 91.5);
        QVERIFY(r->finished_at >= r->started_at);
        QCOMPARE(store.findRun(std::to_string(id))->name, std::string("a"));
        QVERIFY(!store.findRun("nope"));
    }

    void metricsTruncateOnResume() {
        QTemporaryDir dir;
        ExperimentStore store(dir.path().toStdString());
        int64_t id = store.createRun("m", "train", "", "{}");
        std::vector<StepMetric> steps;
        for (int s = 1; s <= 10; ++s) steps.push_back({s, 1 + (s - 1) / 5, 1.0 / s, 0.1, 100, 0});
        store.addStepMetrics(id, steps);
        store.addEpochMetric(id, {1, 5, 0.5, 80, 0.4, 85, 99, 0.1, 3});
        store.addEpochMetric(id, {2, 10, 0.4, 85, 0.3, 88, 99, 0.1, 3});
        store.truncateMetrics(id, 7, 1);  // checkpoint after step 7, one epoch complete
        QCOMPARE(int(store.stepMetrics(id).size()), 7);
        QCOMPARE(int(store.epochMetrics(id).size()), 1);
        QCOMPARE(store.epochMetrics(id)[0].test_top1, 85.0);
    }

    void checkpointsAndEvents() {
        QTemporaryDir dir;
        ExperimentStore store(dir.path().toStdString());
        int64_t id = store.createRun("c", "train", "", "{}");
        store.addCheckpoint({id, "/x/last.pt", "last", 1, 10, 80, 0});
        store.addCheckpoint({id, "/x/last.pt", "last", 2, 20, 85, 0});  // replaces
        store.addCheckpoint({id, "/x/best.pt", "best", 2, 20, 85, 0});
        QCOMPARE(int(store.checkpoints(id).size()), 2);
        store.addEvent(id, "info", "hello");
        QCOMPARE(store.events(id).at(0).message, std::string("hello"));
        QVERIFY(QString::fromStdString(store.runDirectory(id)).endsWith("/runs/" + QString::number(id)));
    }

    void killedRunReadsInterrupted() {
        QTemporaryDir dir;
        ExperimentStore store(dir.path().toStdString());
        int64_t id = store.createRun("k", "train", "", "{}");
        store.markStarted(id, "cpu");
        // Pretend the process that ran it is gone.
        sqlite3* db;
        sqlite3_open((dir.path() + "/experiments.sqlite").toUtf8().constData(), &db);
        sqlite3_exec(db, "UPDATE runs SET pid=999999999", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(store.run(id)->status, std::string(run_status::kInterrupted));
    }

    void twoConnectionsShareOneStore() {
        QTemporaryDir dir;
        ExperimentStore a(dir.path().toStdString()), b(dir.path().toStdString());
        int64_t id = a.createRun("shared", "train", "", "{}");
        QCOMPARE(b.run(id)->name, std::string("shared"));
    }

    void newerSchemaIsRefused() {
        QTemporaryDir dir;
        { ExperimentStore s(dir.path().toStdString()); }
        sqlite3* db;
        sqlite3_open((dir.path() + "/experiments.sqlite").toUtf8().constData(), &db);
        sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        try {
            ExperimentStore s(dir.path().toStdString());
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(QString(e.what()).contains("schema version 99"), e.what());
        }
    }

    // A version-1 workspace (before label sets) keeps its runs and gains the new table.
    void version1StoreIsMigrated() {
        QTemporaryDir dir;
        int64_t id = 0;
        {
            ExperimentStore s(dir.path().toStdString());
            id = s.createRun("old", "train", "", "{}");
        }
        sqlite3* db;
        sqlite3_open((dir.path() + "/experiments.sqlite").toUtf8().constData(), &db);
        QCOMPARE(sqlite3_exec(db, "DROP TABLE label_sets; PRAGMA user_version=1", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        ExperimentStore s(dir.path().toStdString());
        QCOMPARE(s.run(id)->name, std::string("old"));
        LabelSetRecord r;
        r.path = "/labels/a.fkdl";
        r.teacher = "t";
        r.crop_classes = {0, 1, 2};
        r.run_id = id;
        s.saveLabelSet(r);
        QCOMPARE(s.labelSet("/labels/a.fkdl")->crop_classes, (std::vector<uint8_t>{0, 1, 2}));
        QCOMPARE(s.labelSet("/labels/a.fkdl")->run_id, id);
        QVERIFY(!s.labelSet("/labels/b.fkdl").has_value());
    }

    void notADatabaseIsAClearError() {
        QTemporaryDir dir;
        QFile f(dir.path() + "/experiments.sqlite");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QVERIFY_THROWS_EXCEPTION(FileError, ExperimentStore(dir.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
