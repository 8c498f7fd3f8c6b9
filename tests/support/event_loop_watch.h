#pragma once
// How long the GUI thread's event loop stays blocked, and why. A 10 ms timer beats on the
// GUI thread; a watch thread wakes every 2 ms and, while a beat is late, samples the GUI
// thread's stack (a signal whose handler records the frames) and its CPU time.
//
// The machine itself stalls too: this VM's host stops its CPUs for about 100 ms at a time,
// and the thread on a stopped CPU resumes that much later (its CPU clock counting the
// stop as its own time). So one probe process per CPU, pinned there at real-time priority,
// does nothing but sleep 1 ms and note when it woke late; the time when the probes of every
// CPU the GUI thread was on were held up is time the host ran none of them, not the event
// loop's work.
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>

namespace ferkd::test {

struct EventLoopGap {
    qint64 ms = 0;                  // between two beats
    double machine_stalled_ms = 0;  // of it, the time the host ran no CPU the GUI thread was on (the probes)
    int machine_probes = 0;         // probes that ran (one per CPU; none: no stall is known)
    QString probes_held_up;         // each CPU's probe's time held up in the gap, and the GUI thread's CPUs
    double gui_cpu_ms = 0;          // the GUI thread's CPU time in it (a stalled machine counts here too)
    double gui_wait_ms = 0;         // its time runnable but waiting for a CPU in it
    double watch_late_ms = 0;       // the in-process watch thread's worst oversleep in it
    QString stacks;                 // the GUI thread's stacks sampled in it, most frequent first
    // How long the event loop was held up by this process: the gap less the machine's stall.
    double blockedMs() const { return double(ms) - machine_stalled_ms; }
};

// "event loop blocked for N ms (...)" with the figures and stacks, for a failure message.
QString describe(const EventLoopGap& gap);

class EventLoopWatch {
public:
    // Starts beating on the calling (GUI) thread; samples stacks once a beat is
    // `sampleAfterMs` late.
    explicit EventLoopWatch(int sampleAfterMs = 40);
    ~EventLoopWatch();
    EventLoopWatch(const EventLoopWatch&) = delete;
    EventLoopWatch& operator=(const EventLoopWatch&) = delete;

    EventLoopGap worst() const;  // the gap with the most blockedMs() so far

private:
    struct State;
    std::unique_ptr<State> state_;
    QTimer beat_;
};

}  // namespace ferkd::test
