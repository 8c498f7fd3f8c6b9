#include "event_loop_watch.h"

#include "stall_log.h"

#include <cxxabi.h>
#include <execinfo.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <QMap>
#include <QStringList>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <mutex>
#include <string>
#include <new>
#include <thread>
#include <vector>

extern char** environ;

namespace ferkd::test {
namespace {

using Clock = std::chrono::steady_clock;

// The frames the signal handler records: one sample at a time, the watch thread waits for it.
constexpr int kMaxFrames = 48;
void* sampledFrames[kMaxFrames];
std::atomic<int> sampledCount{0};
std::atomic<bool> sampleDone{false};

void recordStack(int) {
    sampledCount.store(backtrace(sampledFrames, kMaxFrames), std::memory_order_relaxed);
    sampleDone.store(true, std::memory_order_release);
}

double threadCpuMs(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return 1e3 * double(t.tv_sec) + 1e-6 * double(t.tv_nsec);
}

// "function (library)" per frame, demangled; the handler's own two frames left out.
QString symbolize(void* const* frames, int count) {
    char** names = backtrace_symbols(frames, count);
    if (!names) return {};
    QStringList lines;
    for (int i = 2; i < count; ++i) {
        QString line = QString::fromLocal8Bit(names[i]);
        const int open = line.indexOf('('), plus = line.indexOf('+', open);
        if (open >= 0 && plus > open + 1) {
            const QByteArray mangled = line.mid(open + 1, plus - open - 1).toLocal8Bit();
            int status = 0;
            char* readable = abi::__cxa_demangle(mangled.constData(), nullptr, nullptr, &status);
            const QString library = line.left(open).section('/', -1);
            line = (status == 0 && readable ? QString::fromLocal8Bit(readable) : QString::fromLocal8Bit(mangled)).left(160) +
                   "  (" + library + ")";
            std::free(readable);
        }
        lines << "    " + line;
    }
    std::free(names);
    return lines.join('\n');
}

}  // namespace

// One probe per CPU this process may run on; stalledMs says for how long in a stretch the
// probes of the given CPUs were all held up at once.
class MachineStallProbes {
public:
    MachineStallProbes() {
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        sched_getaffinity(0, sizeof allowed, &allowed);
        std::vector<int> cpus;
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &allowed)) cpus.push_back(c);
        bytes_ = sizeof(StallLog) * cpus.size();
        fd_ = memfd_create("ferkd-stall-log", 0);  // inherited by the probes (no close-on-exec)
        if (fd_ < 0 || ftruncate(fd_, off_t(bytes_)) != 0) return;
        void* shared = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
        if (shared == MAP_FAILED) return;
        logs_ = new (shared) StallLog[cpus.size()];
        // posix_spawn, not fork: the probe must not copy this process's address space.
        const std::string program = std::string(FERKD_BIN_DIR) + "/machine_stall_probe";
        const std::string fd = std::to_string(fd_), parent = std::to_string(getpid());
        for (size_t i = 0; i < cpus.size(); ++i) {
            const std::string slot = std::to_string(i), cpu = std::to_string(cpus[i]);
            char* argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>(fd.c_str()), const_cast<char*>(slot.c_str()),
                            const_cast<char*>(cpu.c_str()), const_cast<char*>(parent.c_str()), nullptr};
            pid_t child = 0;
            if (posix_spawn(&child, program.c_str(), nullptr, nullptr, argv, environ) == 0) children_.push_back(child);
        }
        if (children_.size() != cpus.size()) return;  // no probes: no stall is subtracted
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        for (size_t i = 0; i < cpus.size(); ++i)
            while (!logs_[i].ready.load(std::memory_order_acquire) && Clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        bool allRealTime = true;
        for (size_t i = 0; i < cpus.size(); ++i) allRealTime = allRealTime && logs_[i].ready.load() == StallLog::kRealTime;
        count_ = allRealTime ? int(cpus.size()) : 0;
        cpus_ = cpus;
    }
    ~MachineStallProbes() {
        for (pid_t child : children_) kill(child, SIGKILL);
        for (pid_t child : children_) waitpid(child, nullptr, 0);
        if (logs_) munmap(logs_, bytes_);
        if (fd_ >= 0) close(fd_);
    }
    int probes() const { return count_; }

    // "CPU 0 held up 0.0 ms, CPU 1 104.2 ms" over [fromNs, toNs].
    QString perCpu(int64_t fromNs, int64_t toNs) const {
        QStringList parts;
        for (int p = 0; p < count_; ++p)
            if (cpus_[p] < 64)
                parts << QString("CPU %1 %2 ms").arg(cpus_[p]).arg(stalledMs(fromNs, toNs, uint64_t(1) << cpus_[p]), 0, 'f', 1);
        return parts.join(", ");
    }

    // Milliseconds of [fromNs, toNs] in which the probes of every CPU in `cpus` (a bit mask)
    // were held up.
    double stalledMs(int64_t fromNs, int64_t toNs, uint64_t cpus) const {
        if (count_ == 0 || cpus == 0) return 0;
        std::vector<std::pair<int64_t, int64_t>> common{{fromNs, toNs}};
        for (int p = 0; p < count_ && !common.empty(); ++p) {
            if (cpus_[p] >= 64 || !(cpus >> cpus_[p] & 1)) continue;
            std::vector<std::pair<int64_t, int64_t>> held, next;
            const StallLog& log = logs_[p];
            const uint64_t n = log.count.load(std::memory_order_acquire);
            for (uint64_t i = n; i > 0 && n - i < StallLog::kCapacity; --i) {
                const int64_t a = log.from_ns[(i - 1) % StallLog::kCapacity], b = log.to_ns[(i - 1) % StallLog::kCapacity];
                if (b < fromNs) break;  // the log is in time order
                held.push_back({a, b});
            }
            for (const auto& c : common)
                for (const auto& h : held) {
                    const int64_t a = std::max(c.first, h.first), b = std::min(c.second, h.second);
                    if (a < b) next.push_back({a, b});
                }
            common = std::move(next);
        }
        int64_t total = 0;
        for (const auto& c : common) total += c.second - c.first;
        return 1e-6 * double(total);
    }

private:
    StallLog* logs_ = nullptr;
    size_t bytes_ = 0;
    int fd_ = -1;
    int count_ = 0;
    std::vector<int> cpus_;  // each probe's CPU
    std::vector<pid_t> children_;
};

struct EventLoopWatch::State {
    pthread_t gui = pthread_self();
    clockid_t guiCpu{};
    int sampleAfterMs;
    std::mutex mutex;
    int64_t lastBeatNs = monotonicNs();  // CLOCK_MONOTONIC, the probes' clock
    double lastBeatCpuMs = 0;
    double lastBeatWaitMs = 0;
    double lateSinceBeat = 0;
    uint64_t guiCpusSinceBeat = 0;  // the CPUs the GUI thread was seen on in the gap, a bit each
    std::string guiStatPath = "/proc/self/task/" + std::to_string(gettid()) + "/stat";
    QMap<QString, int> stacksSinceBeat;
    EventLoopGap worst;
    bool stopping = false;
    struct sigaction previous {};
    MachineStallProbes probes;
    std::thread watcher;

    void beat() {
        const int64_t nowNs = monotonicNs();
        const double cpu = threadCpuMs(guiCpu);
        const double wait = runQueueWaitMs();
        std::lock_guard<std::mutex> lock(mutex);
        const qint64 ms = (nowNs - lastBeatNs) / 1000000;
        // A CPU the host stopped stops the thread on it: what the GUI thread's CPUs lost is not its work.
        const double stalled = ms > 20 ? probes.stalledMs(lastBeatNs, nowNs, guiCpusSinceBeat) : 0.0;
        if (double(ms) - stalled > worst.blockedMs()) {
            worst.ms = ms;
            worst.machine_stalled_ms = stalled;
            worst.machine_probes = probes.probes();
            QStringList on;
            for (int c = 0; c < 64; ++c)
                if (guiCpusSinceBeat >> c & 1) on << QString::number(c);
            worst.probes_held_up = probes.perCpu(lastBeatNs, nowNs) + "; the GUI thread on CPU " + on.join(", ");
            worst.gui_cpu_ms = cpu - lastBeatCpuMs;
            worst.gui_wait_ms = wait - lastBeatWaitMs;
            worst.watch_late_ms = lateSinceBeat;
            QList<QPair<int, QString>> byCount;
            for (auto it = stacksSinceBeat.begin(); it != stacksSinceBeat.end(); ++it) byCount.append({it.value(), it.key()});
            std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
            QStringList text;
            for (int i = 0; i < std::min<int>(3, byCount.size()); ++i)
                text << QString("  %1 sample(s):\n%2").arg(byCount[i].first).arg(byCount[i].second);
            worst.stacks = text.join('\n');
        }
        lastBeatNs = nowNs;
        lastBeatCpuMs = cpu;
        lastBeatWaitMs = wait;
        lateSinceBeat = 0;
        guiCpusSinceBeat = cpuBit(sched_getcpu());
        stacksSinceBeat.clear();
    }

    // The GUI thread's time runnable but waiting for a CPU, so far (schedstat's second field;
    // read on the GUI thread itself, so /proc/thread-self).
    static double runQueueWaitMs() {
        std::ifstream stat("/proc/thread-self/schedstat");
        double onCpuNs = 0, waitNs = 0;
        return stat >> onCpuNs >> waitNs ? 1e-6 * waitNs : 0.0;
    }

    static uint64_t cpuBit(int cpu) { return cpu >= 0 && cpu < 64 ? uint64_t(1) << cpu : 0; }

    // The CPU the GUI thread runs on or last ran on: field 39 of its stat line.
    int cpuOfGuiThread() const {
        std::ifstream stat(guiStatPath);
        std::string line;
        if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) return -1;
        std::istringstream fields(line.substr(line.rfind(')') + 2));
        std::string field;
        for (int i = 3; fields >> field; ++i)
            if (i == 39) return std::atoi(field.c_str());
        return -1;
    }

    // The GUI thread's system call (/proc's "running" when in user space) and kernel stack
    // (readable by root only).
    QString kernelSide() const {
        const std::string task = guiStatPath.substr(0, guiStatPath.size() - 4);
        auto read = [](const std::string& path) {
            std::ifstream in(path);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            return QString::fromStdString(text).trimmed();
        };
        QString text = "    syscall: " + read(task + "syscall").section(' ', 0, 0) + "\n";
        const QString kernelStack = read(task + "stack");
        for (const QString& line : kernelStack.split('\n', Qt::SkipEmptyParts)) text += "    [k] " + line + "\n";
        return text;
    }

    void watch() {
        constexpr int64_t kPeriodNs = 2000000, kMs = 1000000;
        int64_t lastSample = 0;
        for (;;) {
            const int64_t before = monotonicNs();
            std::this_thread::sleep_for(std::chrono::nanoseconds(kPeriodNs));
            const int64_t now = monotonicNs();
            bool sample = false;
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (stopping) return;
                lateSinceBeat = std::max(lateSinceBeat, double(now - before - kPeriodNs) / kMs);
                sample = now - lastBeatNs > sampleAfterMs * kMs && now - lastSample > 10 * kMs;
                if (now - lastBeatNs > 12 * kMs) guiCpusSinceBeat |= cpuBit(cpuOfGuiThread());
            }
            if (!sample) continue;
            lastSample = now;
            // Where it is in the kernel, if it is (a signal is handled only on the way out).
            const QString kernel = kernelSide();
            sampleDone.store(false);
            pthread_kill(gui, SIGPROF);
            const auto deadline = Clock::now() + std::chrono::milliseconds(200);
            while (!sampleDone.load(std::memory_order_acquire) && Clock::now() < deadline) std::this_thread::yield();
            const QString stack = kernel + (sampleDone.load(std::memory_order_acquire)
                                                ? symbolize(sampledFrames, sampledCount.load())
                                                : QString("    (no user stack: the signal was not handled within 200 ms)"));
            std::lock_guard<std::mutex> lock(mutex);
            ++stacksSinceBeat[stack];
        }
    }
};

EventLoopWatch::EventLoopWatch(int sampleAfterMs) : state_(std::make_unique<State>()) {
    state_->sampleAfterMs = sampleAfterMs;
    pthread_getcpuclockid(state_->gui, &state_->guiCpu);
    void* warm[4];
    backtrace(warm, 4);  // loads the unwinder now, not inside the first signal
    struct sigaction action {};
    action.sa_handler = recordStack;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGPROF, &action, &state_->previous);
    // The probes took a while to start: the first gap starts now.
    state_->lastBeatNs = monotonicNs();
    state_->lastBeatCpuMs = threadCpuMs(state_->guiCpu);
    state_->lastBeatWaitMs = State::runQueueWaitMs();
    state_->guiCpusSinceBeat = State::cpuBit(sched_getcpu());
    beat_.setTimerType(Qt::PreciseTimer);
    QObject::connect(&beat_, &QTimer::timeout, [s = state_.get()] { s->beat(); });
    beat_.start(10);
    state_->watcher = std::thread([s = state_.get()] { s->watch(); });
}

EventLoopWatch::~EventLoopWatch() {
    beat_.stop();
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->stopping = true;
    }
    state_->watcher.join();
    sigaction(SIGPROF, &state_->previous, nullptr);
}

EventLoopGap EventLoopWatch::worst() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->worst;
}

QString describe(const EventLoopGap& gap) {
    QString text = QString("event loop blocked for %1 ms: a gap of %2 ms less %3 ms in which the host ran no CPU the GUI "
                           "thread was on (probes held up: %6; the GUI thread's CPU time in the gap %4 ms, its wait for a CPU "
                           "%7 ms; an in-process watch thread woke up to %5 ms late)")
                       .arg(gap.blockedMs(), 0, 'f', 1)
                       .arg(gap.ms)
                       .arg(gap.machine_stalled_ms, 0, 'f', 1)
                       .arg(gap.gui_cpu_ms, 0, 'f', 1)
                       .arg(gap.watch_late_ms, 0, 'f', 1)
                       .arg(gap.probes_held_up)
                       .arg(gap.gui_wait_ms, 0, 'f', 1);
    if (gap.machine_probes == 0) text += " [no stall probes: they need real-time priority]";
    if (!gap.stacks.isEmpty()) text += "; the GUI thread's stacks in it:\n" + gap.stacks;
    return text;
}

}  // namespace ferkd::test
