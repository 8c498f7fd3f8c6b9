#include "models/activation_checkpoint.h"

#include <mutex>

#include "util/autocast_state.h"

namespace ferkd {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// The generator of the input's device: its state before the first pass, set again for
// the recomputation and put back afterwards.
at::Generator generatorOf(const torch::Device& device) {
    return at::globalContext().defaultGenerator(device.is_cuda() ? device : torch::Device(torch::kCPU));
}

// What the backward pass needs besides the input: the block and the first pass's context.
struct CheckpointState : torch::CustomClassHolder {
    BlockFunction block;
    at::Tensor rngState;
    AutocastSnapshot autocast;
};

struct CheckpointFunction : torch::autograd::Function<CheckpointFunction> {
    static torch::Tensor forward(AutogradContext* ctx, torch::Tensor input, c10::intrusive_ptr<CheckpointState> state) {
        {
            at::Generator gen = generatorOf(input.device());
            std::lock_guard<std::mutex> lock(gen.mutex());
            state->rngState = gen.get_state();
        }
        state->autocast = AutocastSnapshot::current();
        ctx->save_for_backward({input});
        torch::Tensor out = state->block(input);  // autograd is off here: nothing of the block is kept
        ctx->saved_data["state"] = c10::IValue::make_capsule(std::move(state));
        return out;
    }

    static tensor_list backward(AutogradContext* ctx, tensor_list gradOutputs) {
        auto state = c10::static_intrusive_pointer_cast<CheckpointState>(ctx->saved_data["state"].toCapsule());
        torch::Tensor input = ctx->get_saved_variables()[0].detach().requires_grad_(true);
        at::Generator gen = generatorOf(input.device());
        at::Tensor after;
        {
            std::lock_guard<std::mutex> lock(gen.mutex());
            after = gen.get_state();
            gen.set_state(state->rngState);
        }
        const AutocastSnapshot outer = AutocastSnapshot::current();
        state->autocast.restore();
        torch::Tensor out;
        {
            torch::AutoGradMode enable(true);
            out = state->block(input);
        }
        outer.restore();
        {
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(after);
        }
        torch::autograd::backward({out}, {gradOutputs[0]});
        return {input.grad(), torch::Tensor()};
    }
};

}  // namespace

torch::Tensor checkpointed(const BlockFunction& block, const torch::Tensor& input) {
    if (!torch::GradMode::is_enabled() || !input.requires_grad()) return block(input);
    auto state = c10::make_intrusive<CheckpointState>();
    state->block = block;
    return CheckpointFunction::apply(input, state);
}

}  // namespace ferkd
