#include "data/crop_resize.h"

#include <algorithm>

namespace ferkd {

namespace F = torch::nn::functional;

namespace {

// [B, 2, 3] affine matrices: output coordinate u in [-1, 1] samples the input at
// 2 * (x + w / 2) - 1 + w * u (x flipped: -w * u), and likewise for y.
torch::Tensor boxTheta(const std::vector<CropBox>& boxes) {
    auto theta = torch::zeros({int64_t(boxes.size()), 2, 3}, torch::kFloat);
    auto t = theta.accessor<float, 3>();
    for (size_t i = 0; i < boxes.size(); ++i) {
        const CropBox& b = boxes[i];
        t[i][0][0] = b.flip ? -b.w : b.w;
        t[i][0][2] = 2.0f * (b.x + b.w / 2) - 1.0f;
        t[i][1][1] = b.h;
        t[i][1][2] = 2.0f * (b.y + b.h / 2) - 1.0f;
    }
    return theta;
}

torch::Tensor sample(const torch::Tensor& images, const torch::Tensor& grid) {
    return F::grid_sample(images, grid,
                          F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));
}

bool isWholeImage(const CropBox& b) { return b.x == 0 && b.y == 0 && b.w == 1 && b.h == 1 && !b.flip; }

}  // namespace

torch::Tensor cropAndResize(const torch::Tensor& images, const std::vector<CropBox>& boxes, int64_t size) {
    const int64_t B = images.size(0);
    if (images.size(2) == size && images.size(3) == size && std::all_of(boxes.begin(), boxes.end(), isWholeImage))
        return images;
    auto theta = boxTheta(boxes).to(images.device(), /*non_blocking=*/true);
    auto grid = F::affine_grid(theta, {B, images.size(1), size, size}, false);
    return sample(images, grid);
}

torch::Tensor cropAndResizeMany(const torch::Tensor& image, const std::vector<CropBox>& boxes, int64_t size) {
    const int64_t N = static_cast<int64_t>(boxes.size()), C = image.size(1);
    auto grid = F::affine_grid(boxTheta(boxes).to(image.device(), /*non_blocking=*/true), {N, C, size, size}, false);
    auto out = sample(image, grid.reshape({1, N * size, size, 2}));  // [1, C, N*S, S]
    return out.view({C, N, size, size}).permute({1, 0, 2, 3}).contiguous();
}

torch::Tensor floatImagesOn(const torch::Tensor& pixels, torch::Device device) {
    auto x = device.is_cpu() ? pixels : pixels.pin_memory().to(device, /*non_blocking=*/true);
    if (x.dim() == 3) x = x.unsqueeze(0);
    return x.permute({0, 3, 1, 2}).to(torch::kFloat);
}

}  // namespace ferkd
