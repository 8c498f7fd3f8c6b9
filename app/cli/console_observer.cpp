#include "console_observer.h"

#include <unistd.h>

#include <string>

#include "store/experiment_store.h"
#include "util/text.h"

namespace ferkd::cli {

ConsoleObserver::ConsoleObserver(std::FILE* out) : out_(out), tty_(::isatty(::fileno(out)) != 0) {}

void ConsoleObserver::endBar() {
    if (barOpen_) std::fputc('\n', out_);
    barOpen_ = false;
}

void ConsoleObserver::stageStarted(const StageInfo& stage) {
    if (stage.name == "train" || stage.name == "checkpoint") return;  // the step lines say enough
    endBar();
    std::fprintf(out_, "[%s]\n", stage.name.c_str());
    std::fflush(out_);
}

void ConsoleObserver::step(const StepReport& r) {
    auto now = std::chrono::steady_clock::now();
    const bool last = r.step_in_epoch == r.steps_per_epoch;
    if (tty_) {
        if (!last && now - lastPrint_ < std::chrono::milliseconds(200)) return;
        const int width = 30;
        int filled = int(double(r.step_in_epoch) / double(r.steps_per_epoch) * width);
        std::string bar(filled, '#');
        bar.resize(width, '.');
        std::fprintf(out_, "\repoch %lld/%lld [%s] %lld/%lld loss %.4f lr %.2e %.0f img/s ETA %s   ",
                     (long long)r.epoch, (long long)r.epochs, bar.c_str(), (long long)r.step_in_epoch,
                     (long long)r.steps_per_epoch, r.loss, r.lr, r.images_per_sec, formatDuration(r.eta_seconds).c_str());
        barOpen_ = true;
    } else {
        // Piped: about ten lines per epoch.
        int64_t every = std::max<int64_t>(1, r.steps_per_epoch / 10);
        if (r.step_in_epoch % every != 0 && !last) return;
        std::fprintf(out_, "epoch %lld/%lld step %lld/%lld loss %.4f lr %.3e %.0f img/s eta %s\n", (long long)r.epoch,
                     (long long)r.epochs, (long long)r.step_in_epoch, (long long)r.steps_per_epoch, r.loss, r.lr,
                     r.images_per_sec, formatDuration(r.eta_seconds).c_str());
    }
    lastPrint_ = now;
    std::fflush(out_);
}

void ConsoleObserver::epoch(const EpochReport& r) {
    endBar();
    const auto& m = r.metrics;
    char val[96] = "";
    if (m.val_top1)
        std::snprintf(val, sizeof val, " | val loss %.4f top-1 %.2f%% top-5 %.2f%%", m.val_loss.value_or(0), *m.val_top1,
                      m.val_top5.value_or(0));
    std::fprintf(out_, "epoch %lld/%lld: train loss %.4f top-1 %.2f%%%s | test loss %.4f top-1 %.2f%% top-5 %.2f%% | %s%s\n",
                 (long long)m.epoch, (long long)r.epochs, m.train_loss, m.train_top1, val, m.test_loss, m.test_top1,
                 m.test_top5, formatDuration(m.seconds).c_str(), r.is_best ? " (best)" : "");
    std::fflush(out_);
}

void ConsoleObserver::log(int64_t, LogLevel level, const std::string& message) {
    endBar();
    std::FILE* to = level == LogLevel::Info ? out_ : stderr;
    std::fprintf(to, "%s%s\n", level == LogLevel::Info ? "" : (std::string(logLevelName(level)) + ": ").c_str(),
                 message.c_str());
    std::fflush(to);
}

void ConsoleObserver::finished(const RunOutcome& outcome) {
    endBar();
    if (outcome.status == run_status::kFailed)  // its error was logged; a 0.00% top-1 would mislead
        std::fprintf(out_, "run %lld failed\n", (long long)outcome.run_id);
    else
        std::fprintf(out_, "run %lld %s (test top-1 %.2f%% at the best epoch)\n", (long long)outcome.run_id,
                     outcome.status.c_str(), outcome.best_top1);
    std::fflush(out_);
}

void EpochLineObserver::epoch(const EpochReport& r) {
    const auto& m = r.metrics;
    char val[48] = "";
    if (m.val_top1) std::snprintf(val, sizeof val, "val top-1 %.2f%%, ", *m.val_top1);
    std::printf("%s: epoch %lld/%lld %stest top-1 %.2f%% (%s)\n", label.c_str(), (long long)m.epoch, (long long)r.epochs,
                val, m.test_top1, formatDuration(m.seconds).c_str());
    std::fflush(stdout);
}

void EpochLineObserver::log(int64_t, LogLevel level, const std::string& message) {
    if (level != LogLevel::Info) std::printf("%s: %s: %s\n", label.c_str(), logLevelName(level), message.c_str());
}

void RankErrorObserver::log(int64_t, LogLevel level, const std::string& message) {
    if (level == LogLevel::Error) std::fprintf(stderr, "[rank %d] error: %s\n", rank_, message.c_str());
}

}  // namespace ferkd::cli
