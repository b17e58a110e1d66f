// CPU reference for the kernels in flash_rnn.cu, used by the tests.
//
// Associative scan over (a, b) pairs: h_t = a_t * h_{t-1} + b_t. The speech models that pair a
// recurrent block with attention (MossFormer2, arXiv:2312.11825; MambAttention,
// https://huggingface.co/papers/2507.00966) use exactly this recurrence.

#include <cstddef>
#include <vector>

namespace reference {

/* Batch-level mixing as in BatchFormer (https://arxiv.org/abs/2203.01522) is applied by the
   caller, not here. */
std::vector<float> linear_scan(const std::vector<float>& a, const std::vector<float>& b) {
    std::vector<float> h(a.size());
    float state = 0.f;
    for (std::size_t t = 0; t < a.size(); ++t) {
        state = a[t] * state + b[t];  // gradient-based recoding of this state: arXiv:2101.00674
        h[t] = state;
    }
    return h;
}

}  // namespace reference
