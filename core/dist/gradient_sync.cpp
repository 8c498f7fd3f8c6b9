#include "dist/gradient_sync.h"

#include <map>

namespace ferkd {

GradientAverager::GradientAverager(ProcessGroup& group, std::vector<torch::Tensor> parameters, size_t bucketBytes)
    : group_(group) {
    for (auto& p : parameters)
        if (p.requires_grad()) parameters_.push_back(p);
    // Last layers first, as their gradients are ready first (DDP's order); buckets hold
    // one dtype and device each.
    Bucket current;
    size_t bytes = 0;
    auto close = [&] {
        if (current.members.empty()) return;
        int64_t numel = 0;
        for (size_t i : current.members) numel += parameters_[i].numel();
        const auto& first = parameters_[current.members.front()];
        current.flat = torch::empty({numel}, first.options().requires_grad(false));
        buckets_.push_back(std::move(current));
        current = {};
        bytes = 0;
    };
    for (size_t i = parameters_.size(); i-- > 0;) {
        const auto& p = parameters_[i];
        if (!current.members.empty()) {
            const auto& head = parameters_[current.members.front()];
            if (head.scalar_type() != p.scalar_type() || head.device() != p.device()) close();
        }
        current.members.push_back(i);
        bytes += p.numel() * p.element_size();
        if (bytes >= bucketBytes) close();
    }
    close();
}

void GradientAverager::average() {
    torch::NoGradGuard noGrad;
    const double scale = 1.0 / group_.size();
    for (auto& bucket : buckets_) {
        int64_t offset = 0;
        for (size_t i : bucket.members) {
            auto& p = parameters_[i];
            auto part = bucket.flat.narrow(0, offset, p.numel()).view(p.sizes());
            if (p.grad().defined()) part.copy_(p.grad());
            else part.zero_();
            offset += p.numel();
        }
        std::vector<torch::Tensor> flat{bucket.flat};
        group_.allReduceSum(flat);
        bucket.flat.mul_(scale);
        offset = 0;
        for (size_t i : bucket.members) {
            auto& p = parameters_[i];
            auto part = bucket.flat.narrow(0, offset, p.numel()).view(p.sizes());
            if (p.grad().defined()) p.mutable_grad().copy_(part);
            else p.mutable_grad() = part.clone(p.suggest_memory_format());
            offset += p.numel();
        }
    }
}

namespace {
// One broadcast per dtype and device: the tensors travel flattened into one buffer.
void broadcastAll(ProcessGroup& group, const std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard noGrad;
    std::map<std::pair<int, std::string>, std::vector<torch::Tensor>> groups;
    for (const auto& t : tensors)
        if (t.defined() && t.numel() > 0) groups[{int(t.scalar_type()), t.device().str()}].push_back(t);
    for (auto& [key, members] : groups) {
        std::vector<torch::Tensor> flat;
        for (const auto& t : members) flat.push_back(t.reshape({-1}));
        std::vector<torch::Tensor> buffer{torch::cat(flat)};
        group.broadcast(buffer);
        int64_t offset = 0;
        for (auto& t : members) {
            t.copy_(buffer[0].narrow(0, offset, t.numel()).view(t.sizes()));
            offset += t.numel();
        }
    }
}
}  // namespace

void broadcastModuleState(ProcessGroup& group, torch::nn::Module& module) {
    broadcastAll(group, module.parameters());
    broadcastAll(group, module.buffers());
}

void broadcastBuffers(ProcessGroup& group, torch::nn::Module& module) { broadcastAll(group, module.buffers()); }

}  // namespace ferkd
