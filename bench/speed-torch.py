# PyTorch CPU reference for bench/speed.ts (not a test): the same 784-200-200-10 ReLU net on MNIST.
# Reads uint8 pixels + labels written by speed.ts; prints name=value lines.
# Usage: python3 speed-torch.py DIR N_TRAIN N_TEST THREADS TTA(0/1)
import sys, time
import numpy as np
import torch

d, n_train, n_test, threads, tta = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
torch.set_num_threads(threads)
torch.manual_seed(1)
x = torch.from_numpy(np.fromfile(f"{d}/train-x.u8", dtype=np.uint8).reshape(-1, 784).astype(np.float32) / 255.0)
y = torch.from_numpy(np.fromfile(f"{d}/train-y.u8", dtype=np.uint8).astype(np.int64))
xt = torch.from_numpy(np.fromfile(f"{d}/test-x.u8", dtype=np.uint8).reshape(-1, 784).astype(np.float32) / 255.0)
yt = torch.from_numpy(np.fromfile(f"{d}/test-y.u8", dtype=np.uint8).astype(np.int64))

def net():
    return torch.nn.Sequential(torch.nn.Linear(784, 200), torch.nn.ReLU(), torch.nn.Linear(200, 200), torch.nn.ReLU(), torch.nn.Linear(200, 10))

def rows_per_s(opt_fn, bs, n):
    m = net(); opt = opt_fn(m.parameters()); loss = torch.nn.CrossEntropyLoss()
    t0 = time.perf_counter()
    for i in range(0, n, bs):
        opt.zero_grad(); l = loss(m(x[i:i + bs]), y[i:i + bs]); l.backward(); opt.step()
    return n / (time.perf_counter() - t0)

n1 = min(n_train, 4000)
print(f"torch_threads={threads}")
print(f"torch_adadelta_bs1_rows_per_s={rows_per_s(lambda p: torch.optim.Adadelta(p, rho=0.99, eps=1e-8), 1, n1):.0f}")
print(f"torch_sgd_bs1_rows_per_s={rows_per_s(lambda p: torch.optim.SGD(p, lr=0.01), 1, n1):.0f}")
print(f"torch_sgd_momentum_bs128_rows_per_s={rows_per_s(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), 128, n_train):.0f}")
if tta:
    m = net(); opt = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9); loss = torch.nn.CrossEntropyLoss()
    t0 = time.perf_counter(); reached = None
    for epoch in range(1, 21):
        perm = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            idx = perm[i:i + 128]
            opt.zero_grad(); l = loss(m(x[idx]), y[idx]); l.backward(); opt.step()
        with torch.no_grad():
            err = (m(xt).argmax(1) != yt).float().mean().item()
        if err <= 0.02:
            reached = (time.perf_counter() - t0, epoch, err); break
    if reached:
        print(f"torch_time_to_2pct_s={reached[0]:.1f}")
        print(f"torch_epochs_to_2pct={reached[1]}")
        print(f"torch_test_error_at_stop={reached[2]:.4f}")
    else:
        print("torch_time_to_2pct_s=NaN")
