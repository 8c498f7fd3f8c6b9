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
    // When a checkpoint or metrics cannot be written (a full disk), the trainer pauses
    // and retries on resume where someone can resume it (the studio); otherwise (the
    // CLI) the run ends "stopped", resumable from its last checkpoint.
    void setPauseOnStorageFault(bool pause) { pauseOnStorageFault_ = pause; }
    bool pauseOnStorageFault() const { return pauseOnStorageFault_; }

private:
    std::atomic<bool> stop_{false};
    std::atomic<bool> pause_{false};
    bool pauseOnStorageFault_ = false;
    static_assert(std::atomic<bool>::is_always_lock_free, "signal handlers need a lock-free flag");
};

}  // namespace ferkd
