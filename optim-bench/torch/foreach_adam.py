#!/usr/bin/python3
"""PyTorch's multi-tensor ("foreach") Adam on ManyTensorsBenchmark's network, for the ratio that
docs/benchmarks.md quotes against Optim's parameter-set step.

Run with Debian's python3 (python3-torch 1.13, CPU), on an otherwise idle machine if possible:

    /usr/bin/python3 optim-bench/torch/foreach_adam.py [--threads 2] [--dtype float32]

The network is the one of dev.optim.bench.Workload.manyTensorSizes(): 200 tensors (100 weight
tensors of log-uniform size, 100 biases of 16-512), 1,000,000 parameters, drawn with a port of
java.util.Random(42) so that the sizes are the same. Each tensor gets a fixed Gaussian gradient
(sigma 0.1) and torch.optim.Adam(lr=1e-3, foreach=True) is stepped: a warm-up, then repeated
timed batches; the script prints the median and the minimum time per step(), in milliseconds,
over the batches. foreach=False (the per-tensor loop) is measured too, for reference.
"""

import argparse
import math
import statistics
import time

import torch

SEED = 42


class JavaRandom:
    """java.util.Random: the 48-bit LCG, nextDouble and nextInt(bound)."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= (1 << 31) else r

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * (1.0 / (1 << 53))

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val


def java_round(x):
    return math.floor(x + 0.5)


def many_tensor_sizes():
    rnd = JavaRandom(SEED)
    sizes = [0] * 200
    weights = biases = 0
    for i in range(0, 200, 2):
        sizes[i] = java_round(math.exp(math.log(256)
                                       + rnd.next_double() * (math.log(32768) - math.log(256))))
        sizes[i + 1] = 16 << rnd.next_int(6)
        weights += sizes[i]
        biases += sizes[i + 1]
    scale = (1_000_000.0 - biases) / weights
    total = biases
    for i in range(0, 200, 2):
        sizes[i] = max(1, java_round(sizes[i] * scale))
        total += sizes[i]
    sizes[198] += 1_000_000 - total
    return sizes


def measure(foreach, dtype, seconds):
    torch.manual_seed(SEED)
    params = []
    for n in many_tensor_sizes():
        p = torch.randn(n, dtype=dtype).requires_grad_(True)
        p.grad = torch.randn(n, dtype=dtype) * 0.1
        params.append(p)
    assert sum(p.numel() for p in params) == 1_000_000
    opt = torch.optim.Adam(params, lr=1e-3, foreach=foreach)
    with torch.no_grad():
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            opt.step()
        per_batch = []
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            for _ in range(20):
                opt.step()
            per_batch.append((time.perf_counter() - t0) / 20)
    return statistics.median(per_batch) * 1e3, min(per_batch) * 1e3, len(per_batch)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--dtype', default='float32', choices=['float32', 'float64'])
    ap.add_argument('--seconds', type=float, default=5.0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    print('torch %s, %d threads, %s, 200 tensors, 1,000,000 parameters'
          % (torch.__version__, torch.get_num_threads(), args.dtype))
    for foreach in (True, False):
        med, best, batches = measure(foreach, dtype, args.seconds)
        print('Adam foreach=%s: median %.3f ms/step, min %.3f ms/step (%d batches of 20)'
              % (foreach, med, best, batches))


if __name__ == '__main__':
    main()
