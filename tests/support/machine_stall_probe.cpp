// machine_stall_probe FD SLOT CPU: pinned to CPU at real-time priority (where allowed), sleeps
// 1 ms at a time and notes in slot SLOT of the shared stall log FD each stretch in which it
// woke more than 3 ms late. A program of its own, without Qt or LibTorch, so that starting it
// neither copies a test's address space nor loads its libraries (event_loop_watch.cpp).
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>

#include "stall_log.h"

int main(int argc, char** argv) {
    if (argc != 5) return 2;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != pid_t(std::atol(argv[4]))) return 0;  // the watch is gone already
    const int fd = std::atoi(argv[1]), slot = std::atoi(argv[2]), cpu = std::atoi(argv[3]);
    void* shared = mmap(nullptr, sizeof(ferkd::test::StallLog) * (slot + 1), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (shared == MAP_FAILED) return 1;
    ferkd::test::StallLog& log = static_cast<ferkd::test::StallLog*>(shared)[slot];
    cpu_set_t only;
    CPU_ZERO(&only);
    CPU_SET(cpu, &only);
    sched_setaffinity(0, sizeof only, &only);
    sched_param priority{};
    priority.sched_priority = sched_get_priority_min(SCHED_FIFO);
    // Without real-time priority it would be late also when the thread it watches computes:
    // the watch then uses no probe (StallLog::kNotRealTime).
    const bool realTime = sched_setscheduler(0, SCHED_FIFO, &priority) == 0;
    log.ready.store(realTime ? ferkd::test::StallLog::kRealTime : ferkd::test::StallLog::kNotRealTime, std::memory_order_release);
    constexpr int64_t kPeriodNs = 1000000, kLateNs = 3000000;
    for (;;) {
        const int64_t before = ferkd::test::monotonicNs();
        const timespec period{0, kPeriodNs};
        nanosleep(&period, nullptr);
        const int64_t after = ferkd::test::monotonicNs();
        if (after - before - kPeriodNs > kLateNs) log.add(before + kPeriodNs, after);
    }
}
