// Experiment store: runs, metrics, truncation on resume, checkpoints, events, schema.
#include <QtTest>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <random>
#include <thread>

#include <filesystem>

#include "store/experiment_store.h"
#include "test_suites.h"
#include "workspace/local_workspace.h"
#include "workspace/metrics_csv.h"
#include "store/run_deletion.h"
#include "train/system_monitor.h"
#include "test_support.h"
#include "util/error.h"
#include "util/text.h"

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

    // The system monitor samples the process every interval and once at the end; rows
    // survive a reopen, export as CSV and go with their run.
    void systemMetricsAreSampledDuringARun() {
        QTemporaryDir dir;
        ExperimentStore store(dir.path().toStdString());
        const int64_t id = store.createRun("busy", "train", "", "{}");
        std::vector<double> ballast;
        {
            SystemMonitor monitor(store, id, 0.1);
            const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(600);
            volatile double x = 0;  // one core busy, so the CPU share is measurable
            while (std::chrono::steady_clock::now() < end) x = x + 1.0;
            ballast.assign(32 << 20, 1.0);  // 256 MiB more resident memory before the last sample
        }
        ExperimentStore reopened(dir.path().toStdString());
        const auto rows = reopened.systemMetrics(id);
        QVERIFY2(rows.size() >= 4, qPrintable(QString::number(rows.size())));  // 5 ticks in 0.6 s, and the last
        for (size_t i = 1; i < rows.size(); ++i) QVERIFY(rows[i].time > rows[i - 1].time);
        double busiest = 0;
        for (const auto& r : rows) busiest = std::max(busiest, r.cpu_percent);
        QVERIFY2(busiest > 50 && busiest < 400, qPrintable(QString::number(busiest)));
        QVERIFY(rows.front().rss_mib > 1);
        QVERIFY2(rows.back().rss_mib > rows.front().rss_mib + 200, qPrintable(QString::number(rows.back().rss_mib)));
        QVERIFY(!rows.front().gpu_percent && !rows.front().gpu_memory_mib);  // no CUDA device asked for
        std::ostringstream csv;
        writeSystemMetricsCsv(LocalWorkspace(reopened), {id}, csv);
        const std::string text = csv.str();
        QVERIFY(text.rfind("run_id,run_name,time,seconds_since_start,cpu_percent,rss_mib,gpu_percent,gpu_memory_mib\n", 0) == 0);
        QCOMPARE(int(std::count(text.begin(), text.end(), '\n')), int(rows.size()) + 1);
        QVERIFY(text.find(",\"busy\",") != std::string::npos);
        const ProcessUsage u = readProcessUsage();
        QVERIFY(u.cpu_seconds > 0.5 && u.rss_bytes > 1e6);
        reopened.deleteRun(id);
        QVERIFY(reopened.systemMetrics(id).empty());
    }

    // The CPU share of a short stretch (the last sample of a run comes right after a tick)
    // needs a CPU clock finer than /proc's 10 ms ticks: one tick over 3 ms read as 668%.
    void processCpuTimeIsFinerThanATick() {
        const double start = readProcessUsage().cpu_seconds;
        double step = 0;
        volatile double x = 0;
        while (step == 0) {
            x = x + 1.0;
            step = readProcessUsage().cpu_seconds - start;
        }
        QVERIFY2(step > 0 && step < 0.002, qPrintable(QString::number(step)));
    }

    // The last sample of a run that ends right after a tick: the process CPU clock adds
    // another core's thread time only at that core's next tick, so a share over the
    // millisecond since the tick once read 614% on 2 cores (CI). It must stay within what
    // the machine's cores can give.
    void lastSampleRightAfterATickStaysWithinTheCores() {
        QTemporaryDir dir;
        ExperimentStore store(dir.path().toStdString());
        std::atomic<bool> spinning{true};
        std::thread spinner([&] {  // a thread on another core, as the trainer's are
            volatile double x = 0;
            while (spinning) x = x + 1.0;
        });
        const double cores = double(std::max(1u, std::thread::hardware_concurrency()));
        double worst = 0;
        for (int trial = 0; trial < 20; ++trial) {
            const int64_t id = store.createRun("short" + std::to_string(trial), "train", "", "{}");
            {
                SystemMonitor monitor(store, id, 0.05);
                ExperimentStore watcher(dir.path().toStdString());
                const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                while (watcher.systemMetrics(id).empty() && std::chrono::steady_clock::now() < deadline) {
                }
            }  // destroyed within a millisecond or so of its first tick
            for (const auto& r : store.systemMetrics(id)) worst = std::max(worst, r.cpu_percent);
        }
        spinning = false;
        spinner.join();
        qInfo("highest CPU share of the 20 runs' samples: %.1f%% on %g cores", worst, cores);
        QVERIFY2(worst <= 100.0 * cores * 1.15, qPrintable(QString("%1% on %2 cores").arg(worst).arg(cores)));
    }

    // Rename, archive, and delete with what the run left on disk: its folder, a
    // checkpoint kept elsewhere, the label set it made (named with the runs that use it).
    void runsAreRenamedArchivedAndDeleted() {
        QTemporaryDir dir;
        const std::string ws = dir.path().toStdString();
        ExperimentStore store(ws);
        const int64_t labels = store.createRun("labels", "labels", "", "{}");
        const int64_t student = store.createRun("student", "train", "", R"({"distill":{"labels":")" + ws + R"(/set.fkdl"}})");
        store.setStatus(labels, run_status::kFinished);
        store.setStatus(student, run_status::kFinished);
        store.renameRun(student, "fkd student");
        QCOMPARE(store.run(student)->name, std::string("fkd student"));
        QVERIFY_THROWS_EXCEPTION(Error, store.renameRun(student, ""));
        store.setArchived(student, true);
        QVERIFY(store.run(student)->archived && !store.run(labels)->archived);
        store.setArchived(student, false);
        QVERIFY(!store.run(student)->archived);

        test::writeFile(ws + "/set.fkdl", std::string(3000, 'x'));
        LabelSetRecord set;
        set.run_id = labels;
        set.path = ws + "/set.fkdl";
        set.teacher = "t";
        set.dataset_fingerprint = "f";
        set.label_type = "full";
        store.saveLabelSet(set);
        const std::string folder = store.runDirectory(labels);
        test::writeFile(folder + "/log.txt", std::string(1000, 'y'));
        test::writeFile(ws + "/elsewhere.ckpt", std::string(500, 'z'));
        store.addCheckpoint({labels, ws + "/elsewhere.ckpt", "last", 1, 10, 0, 0});
        store.addEpochMetric(labels, EpochMetric{1, 10});
        store.addEvent(labels, "info", "made");

        RunDeletionPlan plan = planRunDeletion(store, labels);
        QVERIFY(plan.blocker.empty());
        QCOMPARE(plan.paths.size(), size_t(3));
        QCOMPARE(plan.bytes, uint64_t(4500));
        QCOMPARE(plan.used_by.size(), size_t(1));
        QVERIFY2(QString::fromStdString(plan.used_by[0]).contains("'fkd student'"), plan.used_by[0].c_str());
        QVERIFY_THROWS_EXCEPTION(Error, deleteRun(store, plan, false));  // still used: nothing goes
        QVERIFY(store.run(labels) && std::filesystem::exists(ws + "/set.fkdl"));
        QVERIFY(deleteRun(store, plan, true).empty());
        QVERIFY(!store.run(labels));
        QVERIFY(store.epochMetrics(labels).empty() && store.checkpoints(labels).empty() && store.events(labels).empty());
        QCOMPARE(store.labelSet(ws + "/set.fkdl")->run_id, int64_t(0));  // the row stays, without its run
        for (const auto& p : plan.paths) QVERIFY2(!std::filesystem::exists(p), p.c_str());
        QCOMPARE(test::sqliteIntegrity(ws + "/experiments.sqlite"), std::string("ok"));

        // A run that is training cannot be deleted.
        store.markStarted(student, "cpu");
        plan = planRunDeletion(store, student);
        QVERIFY(!plan.blocker.empty());
        QVERIFY_THROWS_EXCEPTION(Error, deleteRun(store, plan, true));
        QVERIFY(store.run(student));
        QCOMPARE(formatBytes(4500), std::string("4 KB"));
        QCOMPARE(formatBytes(3u << 20), std::string("3.0 MB"));
        QCOMPARE(splitList(" a, b ,,c", ','), (std::vector<std::string>{"a", "b", "", "c"}));
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

    // A writer SIGKILLed at random moments, again and again: the database stays intact
    // and holds exactly the committed batches (10 rows each, steps without gaps).
    // FERKD_STORE_KILLS sets the count (the stress run of the reliability issue: 100).
    void killedWriterLeavesCommittedRowsOnly() {
        QTemporaryDir dir;
        const std::string ws = dir.path().toStdString();
        int64_t id = 0;
        {
            ExperimentStore store(ws);
            id = store.createRun("killed", "train", "", "{}");
        }
        const int kills = qEnvironmentVariableIsSet("FERKD_STORE_KILLS") ? qEnvironmentVariableIntValue("FERKD_STORE_KILLS") : 12;
        std::mt19937 rng(11);
        for (int k = 0; k < kills; ++k) {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {  // the writer: appends batches of 10 rows until killed
                ExperimentStore store(ws);
                int64_t next = int64_t(store.stepMetrics(id).size());
                while (true) {
                    std::vector<StepMetric> rows(10);
                    for (auto& r : rows) {
                        r.step = next++;
                        r.loss = 1.0;
                    }
                    store.addStepMetrics(id, rows);
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 120)(rng)));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            QVERIFY(WIFSIGNALED(status));
            ExperimentStore store(ws);
            const auto rows = store.stepMetrics(id);
            QCOMPARE(rows.size() % 10, size_t(0));
            for (size_t i = 0; i < rows.size(); ++i) QCOMPARE(rows[i].step, int64_t(i));
        }
        QCOMPARE(test::sqliteIntegrity(ws + "/experiments.sqlite"), std::string("ok"));
        QVERIFY(ExperimentStore(ws).stepMetrics(id).size() > 0);
    }

    // A trainer writing and a studio reading the same workspace at once: no "database is
    // locked" reaches either.
    void readerAndWriterNeverSeeLocked() {
        QTemporaryDir dir;
        const std::string ws = dir.path().toStdString();
        ExperimentStore writer(ws), reader(ws);
        const int64_t id = writer.createRun("busy", "train", "", "{}");
        std::atomic<bool> done{false};
        std::string readerError;
        std::thread readThread([&] {
            try {
                while (!done.load()) {
                    reader.listRuns();
                    reader.stepMetrics(id);
                    reader.events(id);
                }
            } catch (const std::exception& e) {
                readerError = e.what();
            }
        });
        try {
            for (int64_t batch = 0; batch < 200; ++batch) {
                std::vector<StepMetric> rows(5);
                for (int i = 0; i < 5; ++i) rows[i].step = batch * 5 + i;
                writer.addStepMetrics(id, rows);
                writer.addEvent(id, "info", "batch " + std::to_string(batch));
            }
        } catch (const std::exception& e) {
            done = true;
            readThread.join();
            QFAIL(e.what());
        }
        done = true;
        readThread.join();
        QVERIFY2(readerError.empty(), readerError.c_str());
        QCOMPARE(reader.stepMetrics(id).size(), size_t(1000));
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
        r.crop_groups = {0, 1, 2};
        r.run_id = id;
        s.saveLabelSet(r);
        QCOMPARE(s.labelSet("/labels/a.fkdl")->crop_groups, (std::vector<uint8_t>{0, 1, 2}));
        QCOMPARE(s.labelSet("/labels/a.fkdl")->run_id, id);
        QVERIFY(!s.labelSet("/labels/b.fkdl").has_value());
    }

    // A version-6 workspace's metric tables (keyed by run and step, no sequence) are made
    // again with their rows in order; a cursor then survives a resumed run's rewrite.
    void version6MetricsGainASequence() {
        QTemporaryDir dir;
        int64_t id = 0;
        {
            ExperimentStore s(dir.path().toStdString());
            id = s.createRun("old", "train", "", "{}");
        }
        sqlite3* db;
        sqlite3_open((dir.path() + "/experiments.sqlite").toUtf8().constData(), &db);
        const char* v6 =
            "DROP TABLE step_metrics; DROP TABLE epoch_metrics;"
            "CREATE TABLE step_metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER "
            "NOT NULL, epoch INTEGER NOT NULL, loss REAL, lr REAL, images_per_sec REAL, time REAL, PRIMARY KEY (run_id, step));"
            "CREATE TABLE epoch_metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER "
            "NOT NULL, step INTEGER NOT NULL, train_loss REAL, train_top1 REAL, test_loss REAL, test_top1 REAL, test_top5 "
            "REAL, lr REAL, seconds REAL, val_loss REAL, val_top1 REAL, val_top5 REAL, PRIMARY KEY (run_id, epoch));"
            "INSERT INTO step_metrics VALUES(1, 1, 0, 2.0, 0.1, 10, 1), (1, 2, 0, 1.5, 0.1, 10, 2), (1, 3, 0, 1.0, 0.1, 10, 3);"
            "INSERT INTO epoch_metrics VALUES(1, 1, 3, 1.2, 50, 1.1, 55, 90, 0.1, 3, NULL, NULL, NULL);"
            "PRAGMA user_version=6";
        QCOMPARE(sqlite3_exec(db, v6, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        ExperimentStore s(dir.path().toStdString());
        QCOMPARE(int(s.stepMetrics(id).size()), 3);
        QCOMPARE(s.stepMetrics(id)[2].loss, 1.0);
        QCOMPARE(s.epochMetrics(id).front().test_top1, 55.0);
        const auto page = s.stepMetricsAfter(id, 0, 100);
        QCOMPARE(int(page.rows.size()), 3);
        // Resumed from step 2: step 3 is written again and comes after the cursor.
        s.truncateMetrics(id, 2, 0);
        s.addStepMetrics(id, {{3, 0, 0.75, 0.1, 10, 4}});
        const auto fresh = s.stepMetricsAfter(id, page.cursor, 100);
        QCOMPARE(int(fresh.rows.size()), 1);
        QCOMPARE(fresh.rows[0].loss, 0.75);
        QCOMPARE(test::sqliteIntegrity((dir.path() + "/experiments.sqlite").toStdString()), std::string("ok"));
    }

    void notADatabaseIsAClearError() {
        QTemporaryDir dir;
        QFile f(dir.path() + "/experiments.sqlite");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QVERIFY_THROWS_EXCEPTION(FileError, ExperimentStore(dir.path().toStdString()));
        // The studio's way out: the damaged file moved aside (kept), a fresh store opens.
        const std::string aside = ExperimentStore::setAsideDamaged(dir.path().toStdString());
        QVERIFY(QFile::exists(QString::fromStdString(aside)));
        QCOMPARE(QFile(QString::fromStdString(aside)).size(), qint64(4096));
        ExperimentStore fresh(dir.path().toStdString());
        QVERIFY(fresh.listRuns().empty());
    }

    // Bytes flipped inside the pages, and a file cut short: a clear error or an intact
    // read, never a crash.
    void flippedAndTruncatedDatabases() {
        QTemporaryDir dir;
        const std::string ws = dir.path().toStdString();
        {
            ExperimentStore store(ws);
            const int64_t id = store.createRun("a", "train", "", "{}");
            std::vector<StepMetric> rows(500);
            for (int i = 0; i < 500; ++i) rows[i].step = i;
            store.addStepMetrics(id, rows);
        }
        const QString path = dir.path() + "/experiments.sqlite";
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        for (int i = 0; i < 64; ++i) bytes[int((i * 7919 + 100) % bytes.size())] = char(i * 37);
        f.seek(0);
        f.write(bytes);
        f.resize(bytes.size() / 2);
        f.close();
        try {
            ExperimentStore damaged(ws);
            damaged.listRuns();
            damaged.stepMetrics(1);
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("experiment"), e.what());
        }
    }
};

FERKD_TEST_SUITE("store", TestStore)
#include "moc_test_store.cpp"
