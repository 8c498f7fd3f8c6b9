// `ferkd serve` and its clients on loopback: the API's token and limits, its cursors,
// the CLI reading a server as it reads a folder, and the server's queue training,
// stopping and (after the server is killed) finding its runs again.
#include <httplib.h>
#include <signal.h>
#include <sys/stat.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "config/config_io.h"
#include "labels/crop_inspector.h"
#include "remote/access_token.h"
#include "remote/remote_workspace.h"
#include "remote/server_queue.h"
#include "remote/workspace_api.h"
#include "store/experiment_store.h"
#include "test_suites.h"
#include "train/weights_export.h"
#include "serve_process.h"
#include "test_support.h"
#include "workspace/local_workspace.h"

using namespace ferkd;
namespace fs = std::filesystem;

namespace remote_test {

const std::string kToken(64, 'a');

// The workspace's files with their sizes and modification times, to show nothing changed.
std::map<std::string, std::pair<uintmax_t, int64_t>> snapshot(const std::string& folder) {
    std::map<std::string, std::pair<uintmax_t, int64_t>> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        // SQLite's shared-memory index changes as readers take their read locks.
        if (entry.path().string().size() > 4 && entry.path().string().substr(entry.path().string().size() - 4) == "-shm")
            continue;
        const auto time = entry.last_write_time().time_since_epoch().count();
        files[entry.path().string()] = {entry.is_regular_file() ? entry.file_size() : 0, static_cast<int64_t>(time)};
    }
    return files;
}

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (done()) return true;
        QThread::msleep(100);
    }
    return done();
}

}  // namespace remote_test

using namespace remote_test;
using ferkd::test::ServeProcess;

class RemoteTest : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString data_;

    // A workspace with one finished run: steps, epochs, system samples, events.
    QString filledWorkspace(const QString& name) {
        const QString ws = tmp_.filePath(name);
        ExperimentStore store(ws.toStdString());
        const int64_t id = store.createRun("kept, \"quoted\"", "train", "fmnist-resnet-quick", "{\"seed\": 3}", "a,b");
        store.markStarted(id, "cpu");
        store.addStepMetrics(id, {{1, 0, 2.5, 0.1, 900, 1.0}, {2, 0, 2.25, 0.1, 950, 2.0}});
        store.addEpochMetric(id, {1, 2, 2.3, 41.5, 2.1, 45.25, 90.5, 0.1, 3.5});
        store.addSystemMetric(id, {unixNow(), 180.5, 512.25, std::nullopt, std::nullopt});
        store.addEvent(id, "info", "started");
        store.setBestTop1(id, 45.25);
        store.setStatus(id, run_status::kFinished);
        return ws;
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        data_ = QString::fromStdString(test::writeIdxDataSet(tmp_.filePath("data").toStdString(), 256, 128));
    }

    void everyEndpointNeedsTheToken() {
        ExperimentStore store(filledWorkspace("token").toStdString());
        LocalWorkspace workspace(store);
        const WorkspaceApi api(workspace, {kToken, nullptr});
        const std::vector<std::pair<std::string, std::string>> endpoints = {
            {"GET", "/api/v1/server"},        {"GET", "/api/v1/runs"},
            {"GET", "/api/v1/runs/1"},        {"GET", "/api/v1/runs/1/config"},
            {"GET", "/api/v1/runs/1/steps"},  {"GET", "/api/v1/runs/1/epochs"},
            {"GET", "/api/v1/runs/1/system"}, {"GET", "/api/v1/runs/1/events"},
            {"GET", "/api/v1/runs/1/checkpoints"}, {"GET", "/api/v1/runs/1/log"},
            {"GET", "/api/v1/runs/1/deletion-plan"}, {"GET", "/api/v1/label-sets"},
            {"POST", "/api/v1/runs"},         {"POST", "/api/v1/runs/1/stop"},
            {"POST", "/api/v1/runs/1/rename"}, {"DELETE", "/api/v1/runs/1"},
            {"POST", "/api/v1/runs/1/evaluate"}, {"POST", "/api/v1/runs/1/queue"},
            {"GET", "/api/v1/nothing"},       {"GET", "/etc/passwd"}};
        const std::vector<std::string> wrong = {"", "Bearer", "Bearer ", "Bearer " + std::string(64, 'b'),
                                                "Bearer " + kToken.substr(0, 63), "Bearer " + kToken + "a",
                                                "Basic " + kToken, kToken};
        for (const auto& [method, path] : endpoints) {
            for (const auto& authorization : wrong) {
                const ApiResponse r = api.handle({method, path, {}, "{}", authorization});
                QVERIFY2(r.status == 401, qPrintable(QString::fromStdString(method + " " + path + " with '" +
                                                                            authorization + "': " + std::to_string(r.status))));
            }
            // With the token: reads answer, control is refused on a read-only server.
            const ApiResponse r = api.handle({method, path, {}, "{}", "Bearer " + kToken});
            const int expected = path.find("/api/v1/") != 0 || path.find("nothing") != std::string::npos ? 404
                                 : method == "GET"                                                         ? 200
                                                                                                           : 403;
            QVERIFY2(r.status == expected, qPrintable(QString::fromStdString(method + " " + path + ": " + r.body)));
        }
        QVERIFY(tokensEqual(kToken, kToken));
        QVERIFY(!tokensEqual(kToken, ""));
    }

    void pathsAndUnknownIdsGive404AndTouchNothing() {
        const QString ws = filledWorkspace("paths");
        ExperimentStore store(ws.toStdString());
        LocalWorkspace workspace(store);
        ServerQueue queue(store, {"/bin/false", 1, {}, 50});
        const WorkspaceApi api(workspace, {kToken, &queue});
        const auto before = snapshot(ws.toStdString());
        for (const std::string path :
             {"/api/v1/runs/../../etc/passwd", "/api/v1/runs/..", "/api/v1/runs/1/../../../etc/passwd",
              "/api/v1/runs/-1", "/api/v1/runs/+1", "/api/v1/runs/0x1", "/api/v1/runs/1e3",
              "/api/v1/runs/99999999999999999999", "/api/v1/runs/42", "/api/v1/runs/1/log/../../server/token",
              "/api/v1/runs/%2e%2e/1", "/api/v1/label-sets/../../server/token", "/api/v1//runs/1", "/etc/passwd",
              "/api/v1/runs//etc/passwd"}) {
            for (const char* method : {"GET", "POST", "DELETE"}) {
                const ApiResponse r = api.handle({method, path, {}, "{\"name\": \"x\"}", "Bearer " + kToken});
                QVERIFY2(r.status == 404, qPrintable(QString::fromStdString(std::string(method) + " " + path + ": " +
                                                                            std::to_string(r.status) + " " + r.body)));
            }
        }
        // A bad cursor is a bad request, not a query.
        QCOMPARE(api.handle({"GET", "/api/v1/runs/1/steps", {{"after", "1 OR 1=1"}}, "", "Bearer " + kToken}).status, 400);
        QCOMPARE(api.handle({"GET", "/api/v1/runs/1/steps", {{"after", "-5"}}, "", "Bearer " + kToken}).status, 400);
        // A body nested past any config is refused while parsing.
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        QCOMPARE(api.handle({"POST", "/api/v1/runs", {}, deep, "Bearer " + kToken}).status, 400);
        QVERIFY(snapshot(ws.toStdString()) == before);
        QCOMPARE(int(store.listRuns().size()), 1);
        QCOMPARE(store.run(1)->name, std::string("kept, \"quoted\""));
    }

    void pagesHoldOnlyWhatIsNew() {
        ExperimentStore store(tmp_.filePath("pages").toStdString());
        const int64_t id = store.createRun("paged", "train", "", "{}");
        for (int64_t s = 1; s <= 5; ++s) store.addStepMetrics(id, {{s, 0, 1.0 / s, 0.1, 100, double(s)}});
        auto page = store.stepMetricsAfter(id, 0, 3);
        QCOMPARE(int(page.rows.size()), 3);
        QVERIFY(page.more);
        page = store.stepMetricsAfter(id, page.cursor, 3);
        QCOMPARE(int(page.rows.size()), 2);
        QVERIFY(!page.more);
        QCOMPARE(store.stepMetricsAfter(id, page.cursor, 3).rows.size(), size_t(0));
        // A resumed run writes step 5 again: it comes again, after the cursor.
        store.truncateMetrics(id, 4, 0);
        store.addStepMetrics(id, {{5, 0, 0.5, 0.1, 100, 9.0}, {6, 0, 0.4, 0.1, 100, 10.0}});
        const auto fresh = store.stepMetricsAfter(id, page.cursor, 10);
        QCOMPARE(int(fresh.rows.size()), 2);
        QCOMPARE(fresh.rows[0].step, int64_t(5));
        QCOMPARE(fresh.rows[0].loss, 0.5);
        // The whole history through the interface: each step once, the rewritten one as now.
        const auto all = LocalWorkspace(store).Workspace::stepMetrics(id);
        QCOMPARE(int(all.size()), 6);
        QCOMPARE(all[4].loss, 0.5);
    }

    void cliReadsAServerAsItsFolder() {
        const QString ws = filledWorkspace("served");
        ServeProcess server(ws, {});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        const QString tokenFile = ws + "/server/token";
        struct stat st {};
        QCOMPARE(::stat(tokenFile.toUtf8().constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        const QStringList remote = {"--server", server.url(), "--token-file", tokenFile};
        const QStringList local = {"--workspace", ws};
        for (const QStringList& command : {QStringList{"runs", "list"}, QStringList{"runs", "show", "1"},
                                           QStringList{"runs", "export-csv", "1"}, QStringList{"runs", "export-csv", "1", "--steps"},
                                           QStringList{"runs", "export-csv", "1", "--system"}}) {
            const auto there = test::runFerkd(remote + command);
            const auto here = test::runFerkd(local + command);
            QVERIFY2(there.code == 0, qPrintable(there.err));
            QCOMPARE(there.out, here.out);
        }
        // Without the token, or with another, nothing is read.
        const auto refused = test::runFerkd({"--server", server.url(), "runs", "list"});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains("--token-file"), qPrintable(refused.err));
        const QString otherToken = tmp_.filePath("other-token");
        loadOrCreateAccessToken(otherToken.toStdString());
        const auto wrong = test::runFerkd({"--server", server.url(), "--token-file", otherToken, "runs", "list"});
        QVERIFY2(wrong.code == 1 && wrong.err.contains("refused the token (401)"), qPrintable(wrong.err));
        // A command that needs the files is told so; evaluating (on the server) needs control.
        const auto labels = test::runFerkd(remote + QStringList{"labels", "generate", "--teacher", "1", "--out", tmp_.filePath("x.fkdl")});
        QVERIFY2(labels.code == 2 && labels.err.contains("--server"), qPrintable(labels.err));
        const auto eval = test::runFerkd(remote + QStringList{"eval", "1"});
        QVERIFY2(eval.code == 1 && eval.err.contains("--allow-control"), qPrintable(eval.err));
        const auto exported = test::runFerkd(remote + QStringList{"export", "1", "--out", tmp_.filePath("refused.pt")});
        QVERIFY2(exported.code == 1 && exported.err.contains("--allow-control"), qPrintable(exported.err));
        QVERIFY(!QFileInfo::exists(tmp_.filePath("refused.pt")));

        httplib::Client http(server.url().toStdString());
        auto r = http.Get("/api/v1/runs");
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QCOMPARE(QString::fromStdString(r->get_header_value("WWW-Authenticate")), QString("Bearer"));
        http.set_bearer_token_auth(readAccessToken(tokenFile.toStdString()));
        r = http.Post("/api/v1/runs", std::string(2 << 20, ' '), "application/json");  // over 1 MiB
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        r = http.Post("/api/v1/runs/1/rename", "{\"name\": \"other\"}", "application/json");
        QVERIFY(r);
        QCOMPARE(r->status, 403);  // read-only
        QVERIFY(r->body.find("--allow-control") != std::string::npos);
    }

    // The crop browser's questions answered by a server as by the files here: a label set
    // of the cluttered testbed (object boxes, so mining too), a run of it as the student.
    void labelSetBrowsesAlikeOnTheServer() {
        const QString ws = tmp_.filePath("browse"), clutter = tmp_.filePath("browse-data");
        auto r = test::runFerkd({"dataset", "make-cluttered", data_, clutter, "--canvas", "40", "--seed", "3"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString made = test::makeLabelledWorkspace(ws, clutter, 6);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        ServeProcess server(ws, {});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        const std::string token = readAccessToken((ws + "/server/token").toStdString());
        RemoteWorkspace remote(server.url().toStdString(), token);
        ExperimentStore store(ws.toStdString());
        LocalWorkspace local(store);
        QCOMPARE(int(local.labelSets().size()), 1);
        const int64_t set = local.labelSets()[0].id;
        QCOMPARE(set, int64_t(1));  // the paths below
        const auto here = local.inspectLabelSet(set);
        const auto there = remote.inspectLabelSet(set);

        QCOMPARE(there->images(), here->images());
        QCOMPARE(there->cropsPerImage(), 6);
        QVERIFY(there->classNames() == here->classNames());
        QVERIFY(there->hasObjectBoxes() && here->hasObjectBoxes());
        FerkdConfig rule;
        rule.t_low = 0.05;
        rule.t_mid = 0.3;
        rule.t_top = 0.95;
        auto sameCrops = [&](int64_t image) {
            const auto a = here->crops(image, rule), b = there->crops(image, rule);
            if (a.size() != b.size()) return false;
            for (size_t c = 0; c < a.size(); ++c)
                if (a[c].index != b[c].index || a[c].box.x != b[c].box.x || a[c].box.w != b[c].box.w ||
                    a[c].box.flip != b[c].box.flip || a[c].p_true != b[c].p_true || a[c].group != b[c].group ||
                    a[c].object_covered != b[c].object_covered || a[c].top5 != b[c].top5 ||
                    a[c].student_class != b[c].student_class || a[c].student_prob != b[c].student_prob)
                    return false;
            return true;
        };
        for (int64_t image : {int64_t(0), int64_t(7), here->images() - 1}) {
            QCOMPARE(there->label(image), here->label(image));
            QCOMPARE(there->imageName(image), here->imageName(image));
            QVERIFY(there->objectBox(image) == here->objectBox(image));
            const ImagePixels a = here->image(image), b = there->image(image);  // b came as PNG
            QVERIFY(a.width == b.width && a.height == b.height && a.channels == b.channels && a.data == b.data);
            QVERIFY(sameCrops(image));
        }
        QVERIFY(there->groupHistogram(rule, 10) == here->groupHistogram(rule, 10));
        const auto ua = here->mostUnrecognised(0.3f, 20), ub = there->mostUnrecognised(0.3f, 20);
        QCOMPARE(ub.size(), ua.size());
        for (size_t k = 0; k < ua.size(); ++k) QVERIFY(ua[k].image == ub[k].image && ua[k].below == ub[k].below);
        QVERIFY(there->findImages("#1", 5) == here->findImages("#1", 5));
        std::vector<CropMining> mineA, mineB;
        const MiningQuality qa = here->mining(rule, {}, &mineA, 50), qb = there->mining(rule, {}, &mineB, 50);
        QCOMPARE(qb.crops, qa.crops);
        QVERIFY(qb.group_coverage == qa.group_coverage);
        QCOMPARE(qb.auc, qa.auc);
        QVERIFY(mineB.size() <= 50 && mineB.size() == mineA.size());
        for (size_t k = 0; k < mineA.size(); ++k)
            QVERIFY(mineA[k].image == mineB[k].image && mineA[k].crop == mineB[k].crop && mineA[k].group == mineB[k].group);

        // The teacher's run as the student: its predictions beside the labels, alike.
        const int64_t teacher = requireRun(local, "teacher").id;
        here->setStudentRun(teacher);
        there->setStudentRun(teacher);
        QVERIFY(there->crops(3, rule)[0].student_class >= 0);
        QVERIFY(sameCrops(3));

        // Problems come back named, and the server goes on.
        try {
            remote.inspectLabelSet(set + 41);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("no label set"), e.what());
        }
        FerkdConfig backwards = rule;
        backwards.t_low = 0.5;
        try {
            there->crops(0, backwards);
            QFAIL("no error");
        } catch (const ConfigError& e) {
            QVERIFY2(QString(e.what()).contains("distill.ferkd.t_low"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, there->setStudentRun(teacher + 99));
        QVERIFY_THROWS_EXCEPTION(Error, there->crops(there->images(), rule));
        httplib::Client http(server.url().toStdString());
        for (const std::string path : {"/label-sets/1", "/label-sets/1/labels", "/label-sets/1/images/0/image.png",
                                       "/label-sets/1/mining?rule=%7B%7D"}) {
            auto refused = http.Get("/api/v1" + path);  // without the token
            QVERIFY(refused);
            QCOMPARE(refused->status, 401);
        }
        http.set_bearer_token_auth(token);
        for (const std::string path : {"/label-sets/1/images/0/crops?rule=%5B", "/label-sets/1/histogram?rule=%7B%22t_low%22%3A%22x%22%7D",
                                       "/label-sets/1/histogram?bins=0&rule=%7B%7D", "/label-sets/1/unrecognised?threshold=nan",
                                       "/label-sets/1/mining?rule=%7B%7D&crops=100001", "/label-sets/1/images/-1/crops?rule=%7B%7D",
                                       "/label-sets/1/images/0/../../../../server/token", "/label-sets/1/students/x"}) {
            auto bad = http.Get("/api/v1" + path);
            QVERIFY(bad);
            QVERIFY2(bad->status >= 400 && bad->status < 500, qPrintable(QString::fromStdString(path + ": " + bad->body)));
        }
        auto png = http.Get("/api/v1/label-sets/1/images/0/image.png");
        QVERIFY(png && png->status == 200);
        QCOMPARE(QString::fromStdString(png->get_header_value("Content-Type")), QString("image/png"));
    }

    // Teacher, labels and student queued in one request: the server names the label file,
    // generates it with the teacher's checkpoint as `ferkd labels generate`, and the
    // student learns from it. Paths from the client and bad settings are refused first.
    void pipelineRunsOnTheServer() {
        const QString ws = tmp_.filePath("pipeline");
        ServeProcess server(ws, {"--allow-control", "--data-root", data_});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        RemoteWorkspace client(server.url().toStdString(), readAccessToken((ws + "/server/token").toStdString()));
        const std::vector<std::string> small = {"data.path=" + data_.toStdString(), "data.test_limit=64",
                                                "schedule.epochs=1", "schedule.batch_size=32", "runtime.threads=1"};
        PipelineRequest request;
        request.teacher.preset = "fmnist-resnet-quick";
        request.teacher.sets = small;
        request.student.preset = "fmnist-fkd-student";
        request.student.sets = small;
        request.student.sets.push_back("schedule.batch_size=64");  // crops: 32 images x 2
        request.labels.crops = 4;
        request.labels.batch_size = 64;

        // Every problem of the generation's settings at once; a bad config names its part.
        PipelineRequest bad = request;
        bad.labels.crops = 0;
        bad.labels.type = "soft";
        try {
            client.queuePipeline(bad, "");
            QFAIL("bad settings were queued");
        } catch (const ConfigError& e) {
            QVERIFY2(QString(e.what()).contains("labels.crops") && QString(e.what()).contains("labels.type"), e.what());
        }
        bad = request;
        bad.teacher.sets.push_back("optim.lr=-1");
        try {
            client.queuePipeline(bad, "");
            QFAIL("a bad teacher was queued");
        } catch (const ConfigError& e) {
            QVERIFY2(QString(e.what()).contains("teacher: ") && QString(e.what()).contains("optim.lr"), e.what());
        }
        bad = request;
        bad.student.sets.push_back("data.path=/etc");
        QVERIFY_THROWS_EXCEPTION(ConfigError, client.queuePipeline(bad, ""));
        // The client names no file: a label path in the body is refused.
        httplib::Client http(server.url().toStdString());
        http.set_bearer_token_auth(readAccessToken((ws + "/server/token").toStdString()));
        auto refused = http.Post("/api/v1/pipeline",
                                 R"({"teacher": {}, "student": {}, "labels": {"out": "/tmp/x.fkdl"}})", "application/json");
        QVERIFY(refused && refused->status == 422 && refused->body.find("labels.out") != std::string::npos);
        QCOMPARE(int(client.listRuns().size()), 0);

        const PipelineRuns runs = client.queuePipeline(request, "mine");
        QVERIFY(runs.teacher > 0 && runs.labels > runs.teacher && runs.student > runs.labels);
        QVERIFY2(waitFor([&] {
                     const auto s = client.run(runs.student)->status;
                     return s == run_status::kFinished || s == run_status::kFailed;
                 }, 240000),
                 qPrintable(QString::fromStdString(client.runLog(runs.labels) + client.runLog(runs.student))));
        for (int64_t id : {runs.teacher, runs.labels, runs.student}) {
            const auto run = client.run(id);
            QVERIFY2(run->status == run_status::kFinished, qPrintable(QString::fromStdString(run->name + ": " + run->error)));
            QVERIFY2(run->tags.find("mine,pipeline") == 0, run->tags.c_str());
        }
        QCOMPARE(QString::fromStdString(client.run(runs.labels)->kind), QString("labels"));
        // The label set is the server's, in its workspace, and the student read it.
        const auto sets = client.labelSets();
        QCOMPARE(int(sets.size()), 1);
        QCOMPARE(sets[0].run_id, runs.labels);
        const RunConfig student = runConfigOf(*client.run(runs.student));
        QVERIFY2(QString::fromStdString(student.distill.labels).startsWith(ws + "/labels/pipeline-"),
                 student.distill.labels.c_str());
        QVERIFY(fs::exists(student.distill.labels));
        QVERIFY(client.run(runs.student)->best_top1.has_value());

        // A teacher that dies at its first step (a server whose runs inherit the fault): the
        // generation and the student are failed without starting, each saying which run it
        // waited for.
        const QString brokenWs = tmp_.filePath("pipeline-broken");
        qputenv("FERKD_FAULT", "train.step:kill:1");
        ServeProcess broken(brokenWs, {"--allow-control", "--data-root", data_});
        qunsetenv("FERKD_FAULT");
        QVERIFY2(!broken.url().isEmpty(), qPrintable(broken.output()));
        RemoteWorkspace brokenClient(broken.url().toStdString(), readAccessToken((brokenWs + "/server/token").toStdString()));
        const PipelineRuns failed = brokenClient.queuePipeline(request, "");
        QVERIFY(waitFor([&] { return brokenClient.run(failed.student)->status != run_status::kQueued; }, 120000));
        QVERIFY(brokenClient.run(failed.teacher)->status != run_status::kFinished);
        const auto labelsRun = brokenClient.run(failed.labels), studentRun = brokenClient.run(failed.student);
        QCOMPARE(QString::fromStdString(labelsRun->status), QString(run_status::kFailed));
        QVERIFY2(labelsRun->error.find("its teacher, run " + std::to_string(failed.teacher)) == 0, labelsRun->error.c_str());
        QCOMPARE(QString::fromStdString(studentRun->status), QString(run_status::kFailed));
        QVERIFY2(studentRun->error.find("its label generation, run " + std::to_string(failed.labels)) == 0,
                 studentRun->error.c_str());
    }

    void serverQueuesTrainsAndStopsRuns() {
        const QString ws = tmp_.filePath("queue");
        ServeProcess server(ws, {"--allow-control", "--data-root", data_});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        const QString tokenFile = ws + "/server/token";
        const QStringList remote = {"--server", server.url(), "--token-file", tokenFile};
        RemoteWorkspace client(server.url().toStdString(), readAccessToken(tokenFile.toStdString()));
        QVERIFY(client.serverInfo().allow_control);

        // Four problems come back at once, as `ferkd train` gives them here, and no run exists.
        auto r = test::runFerkd(remote + QStringList{"train", "--data", data_, "--set", "distill.ferkd.t_low=0.5", "--set",
                                                     "distill.ferkd.t_mid=0.2", "--set", "distill.ferkd.eps=1.5", "--set",
                                                     "distill.ferkd.rule=papr", "--set", "optim.lr=-1"});
        QVERIFY2(r.code == 2 && r.err.contains("4 problems in the config"), qPrintable(r.err));
        for (const char* field : {"distill.ferkd.t_low", "distill.ferkd.eps", "distill.ferkd.rule", "optim.lr"})
            QVERIFY2(r.err.contains(field), qPrintable(r.err));
        // Paths outside the workspace and --data-root are not read.
        r = test::runFerkd(remote + QStringList{"train", "--data", "/etc"});
        QVERIFY2(r.code == 2 && r.err.contains("data.path") && r.err.contains("outside the folders"), qPrintable(r.err));
        r = test::runFerkd(remote + QStringList{"train", "--data", "relative/folder"});
        QVERIFY2(r.code == 2 && r.err.contains("absolute paths only"), qPrintable(r.err));
        QCOMPARE(int(client.listRuns().size()), 0);

        const QStringList small = {"train", "--data", data_, "--arch", "resnet10_small", "--batch-size", "32",
                                   "--threads", "1", "--set", "data.test_limit=64", "--set", "runtime.log_every=1"};
        r = test::runFerkd(remote + small + QStringList{"--epochs", "1", "--name", "first"});
        QVERIFY2(r.code == 0 && r.out.contains("queued run 1"), qPrintable(r.out + r.err));
        r = test::runFerkd(remote + small + QStringList{"--epochs", "300", "--name", "second"});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        QVERIFY2(waitFor([&] { return client.run(1)->status == run_status::kFinished; }, 120000),
                 qPrintable(QString::fromStdString(client.run(1)->status + " " + client.runLog(1))));
        QVERIFY(client.run(1)->best_top1.has_value());
        QVERIFY(!client.stepMetrics(1).empty());
        QCOMPARE(int(client.epochMetrics(1).size()), 1);
        QVERIFY(client.runLog(1).find("epoch") != std::string::npos);

        // Evaluated on the server: the report `ferkd eval` prints on the server's folder,
        // to the byte. A file as the checkpoint, or another test set, is not sent.
        const auto here = test::runFerkd({"--workspace", ws, "eval", "1"});
        const auto there = test::runFerkd(remote + QStringList{"eval", "1"});
        QVERIFY2(here.code == 0 && there.code == 0, qPrintable(here.err + there.err));
        QVERIFY(there.out.contains("per class:"));
        QCOMPARE(there.out, here.out);
        r = test::runFerkd(remote + QStringList{"eval", "1", "--checkpoint", "/etc/passwd"});
        QVERIFY2(r.code == 2 && r.err.contains("checkpoint") && r.err.contains("best or last"), qPrintable(r.err));
        r = test::runFerkd(remote + QStringList{"eval", "1", "--test", data_});
        QVERIFY2(r.code == 2 && r.err.contains("--test"), qPrintable(r.err));

        // Exported on the server and sent here: the same bytes as the export on its folder.
        WeightsExport safetensors;
        safetensors.format = "safetensors";
        safetensors.precision = "fp16";
        const std::string fromServer = tmp_.filePath("from-server.safetensors").toStdString();
        const std::string summary = client.exportWeights(1, safetensors, fromServer);
        QVERIFY2(summary.find("tensors") != std::string::npos, summary.c_str());
        {
            ExperimentStore store(ws.toStdString());
            const std::string local = tmp_.filePath("local.safetensors").toStdString();
            LocalWorkspace(store).exportWeights(1, safetensors, local);
            QVERIFY(test::readFile(fromServer) == test::readFile(local) && test::readFile(local).size() > 1000);
        }
        WeightsExport bad = safetensors;
        bad.checkpoint = "../../etc/passwd";
        QVERIFY_THROWS_EXCEPTION(ConfigError, client.exportWeights(1, bad, tmp_.filePath("x").toStdString()));
        bad = safetensors;
        bad.format = "pickle";
        QVERIFY_THROWS_EXCEPTION(ConfigError, client.exportWeights(1, bad, tmp_.filePath("x").toStdString()));
        QVERIFY(!fs::exists(tmp_.filePath("x").toStdString()));  // nothing half-written
        // `ferkd export` on the server's run: the same bytes again.
        const QString exported = tmp_.filePath("cli.safetensors");
        r = test::runFerkd(remote + QStringList{"export", "1", "--format", "safetensors", "--dtype", "fp16", "--out", exported});
        QVERIFY2(r.code == 0 && r.out.contains("exported on the server"), qPrintable(r.out + r.err));
        QVERIFY(test::readFile(exported.toStdString()) == test::readFile(fromServer));

        // The second starts after the first; stopped, it checkpoints.
        QVERIFY(waitFor([&] { return !client.stepMetrics(2).empty(); }, 120000));
        client.pause(2);
        QVERIFY(waitFor([&] { return client.run(2)->status == run_status::kPaused; }, 30000));
        client.resume(2);
        QVERIFY(waitFor([&] { return client.run(2)->status == run_status::kRunning; }, 30000));
        client.stop(2);
        QVERIFY(waitFor([&] { return client.run(2)->status == run_status::kStopped; }, 60000));
        bool last = false;
        for (const auto& c : client.checkpoints(2)) last |= c.kind == "last" && fs::exists(c.path);
        QVERIFY(last);

        // Queued again, it resumes from its checkpoint; a finished run, a run already in the
        // queue and a checkpoint kind that is not one are refused, and nothing changes.
        QVERIFY_THROWS_EXCEPTION(RunStateError, client.requeueRun(1));
        QVERIFY_THROWS_EXCEPTION(ConfigError, client.requeueRun(2, "../../etc/passwd"));
        QCOMPARE(QString::fromStdString(client.run(2)->status), QString(run_status::kStopped));
        client.requeueRun(2, "last");
        QVERIFY_THROWS_EXCEPTION(RunStateError, client.requeueRun(2));
        QVERIFY(waitFor([&] { return client.run(2)->status == run_status::kRunning; }, 60000));
        client.stop(2);
        QVERIFY(waitFor([&] { return client.run(2)->status == run_status::kStopped; }, 60000));
        QVERIFY_THROWS_EXCEPTION(Error, client.stop(2));  // not training any more: 409
    }

    // `ferkd runs pause|resume|stop` on this machine signal the run's `ferkd train`; a run
    // whose recorded process is not one (the studio trains in its own) is left alone.
    void cliSteersALocalTraining() {
        const QString ws = tmp_.filePath("steered");
        QProcess training;
        training.start(QString(FERKD_BIN_DIR) + "/ferkd",
                       {"--workspace", ws, "train", "--data", data_, "--arch", "resnet10_small", "--batch-size", "32",
                        "--epochs", "300", "--threads", "1", "--set", "data.test_limit=64", "--set", "runtime.log_every=1"});
        QVERIFY(training.waitForStarted());
        ExperimentStore store(ws.toStdString());
        auto status = [&] { return store.run(1) ? store.run(1)->status : std::string(); };
        QVERIFY(waitFor([&] { return !store.stepMetrics(1).empty(); }, 120000));
        for (const auto& [verb, expected] : std::vector<std::pair<QString, std::string>>{
                 {"pause", run_status::kPaused}, {"resume", run_status::kRunning}, {"stop", run_status::kStopped}}) {
            const auto r = test::runFerkd({"--workspace", ws, "runs", verb, "1"});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(waitFor([&] { return status() == expected; }, 30000), qPrintable(QString::fromStdString(status())));
        }
        QVERIFY(training.waitForFinished(60000));
        QCOMPARE(training.exitCode(), 130);  // stopped, resumable
        auto again = test::runFerkd({"--workspace", ws, "runs", "stop", "1"});
        QVERIFY2(again.code == 1 && again.err.contains("is stopped: nothing to stop"), qPrintable(again.err));

        // A run recorded with another program's process (as the studio's are) is not signalled.
        const int64_t studioRun = store.createRun("in-the-studio", "train", "", "{}");
        store.markStarted(studioRun, "cpu");  // this test's own process id
        again = test::runFerkd({"--workspace", ws, "runs", "stop", QString::number(studioRun)});
        QVERIFY2(again.code == 1 && again.err.contains("trains in the studio"), qPrintable(again.err));
    }

    void killedServerFindsItsRunAgain() {
        const QString ws = tmp_.filePath("killed");
        auto server = std::make_unique<ServeProcess>(ws, QStringList{"--allow-control", "--data-root", data_});
        QVERIFY2(!server->url().isEmpty(), qPrintable(server->output()));
        const std::string token = readAccessToken((ws + "/server/token").toStdString());
        ConfigRequest request;
        request.json = {{"data", {{"path", data_.toStdString()}, {"test_limit", 64}}},
                        {"model", {{"arch", "resnet10_small"}}},
                        {"schedule", {{"epochs", 6}, {"batch_size", 32}}},
                        {"runtime", {{"threads", 1}, {"log_every", 1}}}};
        {
            RemoteWorkspace first(server->url().toStdString(), token);
            const int64_t queued = first.queueRun(request, "");
            QCOMPARE(queued, int64_t(1));
            QVERIFY(waitFor([&] { return !first.stepMetrics(1).empty(); }, 120000));
            // Paused first, so that it cannot finish before the new server looks at it.
            first.pause(1);
            QVERIFY(waitFor([&] { return first.run(1)->status == run_status::kPaused; }, 30000));
        }
        const int64_t id = 1;

        server->stop(SIGKILL);
        server = std::make_unique<ServeProcess>(ws, QStringList{"--allow-control", "--data-root", data_});
        QVERIFY2(!server->url().isEmpty(), qPrintable(server->output()));
        RemoteWorkspace client(server->url().toStdString(), token);
        QCOMPARE(QString::fromStdString(client.run(id)->status), QString(run_status::kPaused));  // it lived on alone
        client.resume(id);  // the new server finds the run's process and steers it
        QVERIFY2(waitFor([&] { return client.run(id)->status == run_status::kFinished; }, 240000),
                 qPrintable(QString::fromStdString(client.runLog(id))));
        const auto steps = client.stepMetrics(id);
        QCOMPARE(steps.back().step, int64_t(steps.size()));  // the whole curve, each step once
        QCOMPARE(int(client.epochMetrics(id).size()), 6);
        QCOMPARE(test::sqliteIntegrity((ws + "/experiments.sqlite").toStdString()), std::string("ok"));
    }
};

FERKD_TEST_SUITE("remote", RemoteTest)
#include "moc_test_remote.cpp"
