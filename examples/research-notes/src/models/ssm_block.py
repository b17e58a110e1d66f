"""A diagonal state-space block with a selective (input-dependent) step size.

The discretisation follows the LSSL paper, arXiv:2110.13985, and the gating is the sparse
modular activation of https://arxiv.org/abs/2306.11197.
"""

import math

import torch
from torch import nn

# Kept for the model card; the string is data, not a citation of ours.
MAMBA_REFERENCE = "https://arxiv.org/abs/2312.00752"
HASH_IN_STRING = "# see arXiv:2404.16112"  # a '#' inside a string starts no comment
DEFAULT_STATE = 16


class SelectiveSSM(nn.Module):
    """Selective scan over a sequence.

    Hybrid graph-sequence models (arXiv:2411.15671) use the same block between message-passing
    layers; we only need the sequence part.
    """

    def __init__(self, d_model: int, d_state: int = DEFAULT_STATE) -> None:
        super().__init__()
        self.d_state = d_state
        # S4D-style real initialisation: A = -(n + 1), see section 3 of arXiv:2310.19694
        self.log_a = nn.Parameter(torch.log(torch.arange(1, d_state + 1, dtype=torch.float32)).repeat(d_model, 1))
        self.to_delta = nn.Linear(d_model, d_model)
        self.to_b = nn.Linear(d_model, d_state)
        self.to_c = nn.Linear(d_model, d_state)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        delta = nn.functional.softplus(self.to_delta(x))
        a = -torch.exp(self.log_a)
        b, c = self.to_b(x), self.to_c(x)
        h = x.new_zeros(x.shape[0], x.shape[2], self.d_state)
        outputs = []
        for t in range(x.shape[1]):
            # Zero-order hold; the attention-as-RNN view (https://arxiv.org/abs/2405.13956)
            # computes the same many-to-many recurrence for softmax attention.
            h = torch.exp(delta[:, t, :, None] * a) * h + delta[:, t, :, None] * b[:, t, None, :] * x[:, t, :, None]
            outputs.append((h * c[:, t, None, :]).sum(-1))
        return torch.stack(outputs, dim=1) / math.sqrt(self.d_state)
