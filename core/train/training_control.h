#pragma once
// Requests from outside the training thread: pause, resume, stop. The loop checks
// them between steps. requestStop() is async-signal-safe, so a SIGINT handler may call it.
#include <atomic>

namespace ferkd {

class TrainingControl {
public:
    void requestStop() { stop_.store(true); }
    void requestPause() { pause_.store(true); }
    void resume() { pause_.store(false); }
    bool stopRequested() const { return stop_.load(); }
    bool pauseRequested() const { return pause_.load(); }
    void reset() {
        stop_.store(false);
        pause_.store(false);
    }
    // Blocks while paused; returns early when a stop is requested.
    void waitWhilePaused() const;

private:
    std::atomic<bool> stop_{false};
    std::atomic<bool> pause_{false};
    static_assert(std::atomic<bool>::is_always_lock_free, "signal handlers need a lock-free flag");
};

}  // namespace ferkd
