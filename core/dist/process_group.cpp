#include "dist/process_group.h"

// c10d declares its Gloo (and NCCL) process groups only under these macros. Debian's
// LibTorch sets the first for every file; set here, not per file on the command line, they
// let this file compile in the core's unity batches under its precompiled header.
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO
#endif
#if defined(FERKD_NCCL) && !defined(USE_C10D_NCCL)
#define USE_C10D_NCCL
#endif

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <cstdlib>
#include <thread>

#include "util/fault_injection.h"

namespace ferkd {

// The backend is held by its own type: LibTorch 1.13's ProcessGroupGloo derives from
// c10d::ProcessGroup, 2.x's from c10d::Backend; their collectives are called alike.
struct ProcessGroup::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#ifdef USE_C10D_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;
    torch::Device gpu{torch::kCUDA, 0};  // this rank's
#endif
    std::string backend;

    // `call(backend, tensors)` on whichever backend this group has. NCCL reduces GPU
    // tensors only: CPU ones (a step's totals, a stop flag) travel through this rank's GPU.
    template <class Call>
    void run(std::vector<torch::Tensor>& tensors, Call call) {
#ifdef USE_C10D_NCCL
        if (nccl) {
            std::vector<torch::Tensor> staged;
            for (auto& t : tensors) staged.push_back(t.is_cuda() ? t : t.to(gpu));
            call(*nccl, staged)->wait();
            for (size_t i = 0; i < tensors.size(); ++i)
                if (!staged[i].is_same(tensors[i])) tensors[i].copy_(staged[i]);
            return;
        }
#endif
        call(*gloo, tensors)->wait();
    }
};

namespace {

bool isLoopback(const std::string& addr) {
    return addr == "localhost" || addr.rfind("127.", 0) == 0 || addr == "::1";
}

// Gloo's network device: the interface GLOO_SOCKET_IFNAME names (as PyTorch honours
// it), loopback for a one-machine run, else the interface this host name resolves to.
std::shared_ptr<gloo::transport::Device> glooDevice(const DistEnv& env) {
    if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name && *name)
        return c10d::ProcessGroupGloo::createDeviceForInterface(name);
    if (isLoopback(env.master_addr)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

constexpr const char* kJoinedKey = "ferkd/joined";

// Every rank checks in on a counter; rank 0 waits for all of them, calling whileWaiting
// between looks, so a worker that died before joining ends the wait at once instead of
// at the timeout (c10d's own waitWorkers cannot be interrupted).
void waitForAllRanks(c10d::Store& store, const DistEnv& env, std::chrono::milliseconds timeout,
                     const std::function<void()>& whileWaiting) {
    store.add(kJoinedKey, 1);
    if (env.rank != 0) return;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (int64_t joined; (joined = store.add(kJoinedKey, 0)) < env.world_size;) {
        if (whileWaiting) whileWaiting();
        if (std::chrono::steady_clock::now() >= deadline)
            throw DistributedError(std::to_string(joined) + " of " + std::to_string(env.world_size) + " ranks joined");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace

ProcessGroup::ProcessGroup(const DistEnv& env, std::chrono::milliseconds timeout, bool cuda,
                           const std::function<void()>& whileWaiting)
    : env_(env), timeout_(timeout), impl_(std::make_unique<Impl>()) {
    faultPoint("dist.join");
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<uint16_t>(env.master_port);
        options.isServer = env.rank == 0 && !env.agent_store;
        options.numWorkers = env.world_size;
        options.waitWorkers = false;  // waitForAllRanks below, which rank 0 can interrupt
        options.timeout = timeout;
        auto tcp = c10::make_intrusive<c10d::TCPStore>(env.master_addr, options);
        if (env.agent_store)
            impl_->store = c10::make_intrusive<c10d::PrefixStore>("/worker/attempt_" + env.restart_count, tcp);
        else
            impl_->store = tcp;
        waitForAllRanks(*impl_->store, env, timeout, whileWaiting);
#ifdef USE_C10D_NCCL
        if (cuda) {
            auto nccl = c10d::ProcessGroupNCCL::Options::create();
            nccl->timeout = timeout;
            impl_->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(impl_->store, env.rank, env.world_size, nccl);
            impl_->gpu = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(
                                                         env.local_rank % std::max<int>(1, int(torch::cuda::device_count()))));
            impl_->backend = "nccl";
            return;
        }
#endif
        (void)cuda;  // without NCCL, Gloo carries CUDA tensors too (staged in host memory)
        auto gloo = c10d::ProcessGroupGloo::Options::create(timeout);
        gloo->devices.push_back(glooDevice(env));
        impl_->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, env.rank, env.world_size, gloo);
        impl_->backend = "gloo";
    } catch (const std::exception& e) {
        throw DistributedError("rank " + std::to_string(env.rank) + " of " + std::to_string(env.world_size) +
                               " could not join the process group at " + env.master_addr + ":" +
                               std::to_string(env.master_port) + " within " +
                               std::to_string(timeout.count() / 1000) + " s: " + e.what());
    }
}

ProcessGroup::~ProcessGroup() = default;

std::string ProcessGroup::backendName() const { return impl_->backend; }

void ProcessGroup::fail(const std::string& what, const std::exception& e) const {
    std::string reason = e.what();
    if (const auto nl = reason.find('\n'); nl != std::string::npos) reason.resize(nl);
    throw DistributedError("rank " + std::to_string(rank()) + " of " + std::to_string(size()) + ": " + what +
                           " failed: another process of the run died or stopped answering (waited at most " +
                           std::to_string(timeout_.count() / 1000) + " s; " + reason + ")");
}

void ProcessGroup::allReduceSum(std::vector<torch::Tensor>& tensors) {
    try {
        impl_->run(tensors, [](auto& backend, auto& t) { return backend.allreduce(t); });
    } catch (const std::exception& e) {
        fail("all-reduce", e);
    }
}

void ProcessGroup::broadcast(std::vector<torch::Tensor>& tensors, int root) {
    c10d::BroadcastOptions options;
    options.rootRank = root;
    try {
        impl_->run(tensors, [&](auto& backend, auto& t) { return backend.broadcast(t, options); });
    } catch (const std::exception& e) {
        fail("broadcast", e);
    }
}

void ProcessGroup::barrier() {
    try {
        std::vector<torch::Tensor> none;
        impl_->run(none, [](auto& backend, auto&) { return backend.barrier(); });
    } catch (const std::exception& e) {
        fail("barrier", e);
    }
}

bool ProcessGroup::any(bool flag) {
    std::vector<torch::Tensor> t{torch::full({1}, flag ? 1.0f : 0.0f)};
    allReduceSum(t);
    return t[0].item<float>() > 0;
}

void ProcessGroup::publish(const std::string& key, const std::string& value) {
    try {
        impl_->store->set("ferkd/" + key, std::vector<uint8_t>(value.begin(), value.end()));
    } catch (const std::exception& e) {
        fail("publishing '" + key + "'", e);
    }
}

std::string ProcessGroup::fetch(const std::string& key) {
    try {
        const auto bytes = impl_->store->get("ferkd/" + key);
        return std::string(bytes.begin(), bytes.end());
    } catch (const std::exception& e) {
        fail("waiting for '" + key + "' from rank 0", e);
    }
}

std::string ProcessGroup::shareFromLeader(const std::string& key, const std::function<std::string()>& leaderValue) {
    if (leader()) {
        std::string value;
        try {
            value = leaderValue();
        } catch (const std::exception& e) {
            publish(key, std::string("!") + e.what());
            throw;
        }
        publish(key, value);
        return value;
    }
    const std::string value = fetch(key);
    if (!value.empty() && value[0] == '!') throw DistributedError("rank 0 failed: " + value.substr(1));
    return value;
}

std::unique_ptr<ProcessGroup> joinProcessGroup(const DistEnv& env, std::chrono::milliseconds timeout, bool cuda,
                                               const std::function<void()>& whileWaiting) {
    if (!env.distributed()) return nullptr;
    return std::make_unique<ProcessGroup>(env, timeout, cuda, whileWaiting);
}

}  // namespace ferkd
