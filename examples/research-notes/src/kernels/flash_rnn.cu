// Fused recurrent cell, one thread block per (batch, head).
// Memory layout and tiling follow FlashRNN, arXiv:2412.07752: the recurrent weights stay in
// shared memory for the whole sequence instead of being re-read from HBM at every step.

#include <cuda_runtime.h>

/*
 * The parallelizable linear variant (pLSTM, https://arxiv.org/abs/2506.11997) would let us
 * replace the sequential loop below with a scan; not done yet.
 */

namespace kernels {

constexpr int kTile = 64;
// Not a citation: the URL below is a string the host code prints.
constexpr const char* kPaper = "https://arxiv.org/abs/2412.07752";

__global__ void lstm_forward(const float* __restrict__ x, const float* __restrict__ r,
                             float* __restrict__ h, float* __restrict__ c, int steps, int hidden) {
    extern __shared__ float weights[];
    for (int i = threadIdx.x; i < 4 * hidden * hidden; i += blockDim.x) weights[i] = r[i];
    __syncthreads();
    for (int t = 0; t < steps; ++t) {
        /* gates: i, f, z, o as in the critical review of RNNs (arXiv:1506.00019) */
        const int j = threadIdx.x;
        if (j < hidden) {
            float gates[4] = {0.f, 0.f, 0.f, 0.f};
            for (int k = 0; k < hidden; ++k)
                for (int g = 0; g < 4; ++g) gates[g] += weights[(g * hidden + j) * hidden + k] * h[k];
            c[j] = 1.f / (1.f + __expf(-gates[1])) * c[j] + 1.f / (1.f + __expf(-gates[0])) * tanhf(gates[2]);
            h[j] = 1.f / (1.f + __expf(-gates[3])) * tanhf(c[j]);
        }
        __syncthreads();
    }
}

}  // namespace kernels
