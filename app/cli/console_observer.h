#pragma once
// The CLI's TrainingObserver: a progress bar on a terminal, plain lines when piped.
#include <chrono>
#include <cstdio>
#include <string>

#include "runtime/training_observer.h"

namespace ferkd::cli {

class ConsoleObserver : public TrainingObserver {
public:
    explicit ConsoleObserver(std::FILE* out = stdout);
    void stageStarted(const StageInfo& stage) override;
    void step(const StepReport& r) override;
    void epoch(const EpochReport& r) override;
    void log(int64_t runId, LogLevel level, const std::string& message) override;
    void finished(const RunOutcome& outcome) override;

private:
    void endBar();
    std::FILE* out_;
    bool tty_;
    bool barOpen_ = false;
    std::chrono::steady_clock::time_point lastPrint_{};
};

// Many runs one after another (bench ablation, sweep): one line per epoch, warnings
// and errors; a step bar would drown the table.
class EpochLineObserver : public TrainingObserver {
public:
    std::string label;  // the run's name, before every line
    void epoch(const EpochReport& r) override;
    void log(int64_t runId, LogLevel level, const std::string& message) override;
};

// The other ranks of a distributed run: rank 0 shows the progress; they say only what
// went wrong, naming their rank.
class RankErrorObserver : public TrainingObserver {
public:
    explicit RankErrorObserver(int rank) : rank_(rank) {}
    void log(int64_t runId, LogLevel level, const std::string& message) override;

private:
    int rank_;
};

}  // namespace ferkd::cli
