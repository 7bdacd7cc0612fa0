"""NumPy reference for gradtex's training core (tests/train/reference.test.ts and
tests/bench/train.bench.ts). NumPy only.

The same computation as src/train: Z = X W + b per layer, ReLU between layers
(mask Z > 0), stable log-softmax cross-entropy, dZ = (softmax - onehot) / n,
dW = A^T dZ + alpha W, db = sum(dZ), W -= lr dW, batches taken in the given order.

  train_reference.py train DIR MODEL LR ALPHA BATCH   one epoch from DIR/*.npy, writes DIR/out_*.npy
  train_reference.py bench ROWS BATCH [EPOCHS]        times EPOCHS MLP epochs (default 1; float32, random data) after a warm-up, prints JSON lists
  train_reference.py phases ROWS BATCH                as bench, then an epoch with each phase timed (tests/bench/train-phases.bench.ts)
"""
import json
import os
import sys
import time

import numpy as np


def forward(params, x):
    """Returns the logits and the activations each layer saw (its input)."""
    inputs = []
    h = x
    last = len(params) - 1
    for i, (w, b) in enumerate(params):
        inputs.append(h)
        z = h @ w + b
        h = z if i == last else np.maximum(z, 0)
    return h, inputs


def step(params, x, y, lr, alpha):
    logits, inputs = forward(params, x)
    n = x.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    dz = np.exp(logp)
    dz[np.arange(n), y] -= 1
    dz /= n
    for i in range(len(params) - 1, -1, -1):
        w, b = params[i]
        a = inputs[i]
        dw = a.T @ dz + alpha * w
        db = dz.sum(axis=0)
        if i > 0:
            da = dz @ w.T
            dz = da * (a > 0)
        w -= lr * dw
        b -= lr * db
    return loss


def epoch(params, x, y, order, batch, lr, alpha):
    losses = []
    for start in range(0, len(order), batch):
        idx = order[start:start + batch]
        losses.append(step(params, x[idx], y[idx], lr, alpha))
    return losses


def train(directory, model, lr, alpha, batch):
    # The layer count comes from the files written (W1.npy, W2.npy, ...): the
    # test decides the architecture, the script only follows it.
    layers = 0
    while os.path.exists(f"{directory}/W{layers + 1}.npy"):
        layers += 1
    if layers == 0 or (model == "softmax" and layers != 1):
        sys.exit(f"{directory}: expected W1.npy ... for model {model}, found {layers} layers")
    x = np.load(f"{directory}/x.npy")
    y = np.load(f"{directory}/y.npy").astype(np.int64)
    order = np.load(f"{directory}/order.npy").astype(np.int64)
    params = [(np.load(f"{directory}/W{i}.npy"), np.load(f"{directory}/b{i}.npy")) for i in range(1, layers + 1)]
    epoch(params, x, y, order, batch, lr, alpha)
    for i, (w, b) in enumerate(params, start=1):
        np.save(f"{directory}/out_W{i}.npy", w)
        np.save(f"{directory}/out_b{i}.npy", b)


def blas_kernel():
    """Which BLAS and kernel NumPy runs (threadpoolctl when installed, else OpenBLAS's own getters via ctypes)."""
    try:
        import threadpoolctl  # optional; only reports

        infos = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} threads={i.get('num_threads')}" for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]
        if infos:
            return "; ".join(infos)
    except ImportError:
        pass
    import ctypes
    import glob

    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
    for path in libs:
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", ""):
                getter = getattr(lib, f"{prefix}_get_config{suffix}", None)
                if getter is not None:
                    getter.restype = ctypes.c_char_p
                    return getter().decode()
    return "unknown BLAS (no threadpoolctl, no bundled OpenBLAS)"


def timed_step(params, x, y, lr, alpha, clock):
    """step() with each phase's CPU time (this thread's: OPENBLAS_NUM_THREADS=1) added to clock (seconds by phase name)."""
    def tick(name, t):
        now = time.thread_time()
        clock[name] = clock.get(name, 0.0) + now - t
        return now

    t = time.thread_time()
    inputs = []
    h = x
    last = len(params) - 1
    for i, (w, b) in enumerate(params):
        inputs.append(h)
        z = h @ w
        t = tick("matmul forward", t)
        z = z + b
        t = tick("bias add", t)
        h = z if i == last else np.maximum(z, 0)
        if i != last:
            t = tick("relu", t)
    logits = h
    n = x.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    dz = np.exp(logp)
    dz[np.arange(n), y] -= 1
    dz /= n
    t = tick("softmax CE", t)
    for i in range(len(params) - 1, -1, -1):
        w, b = params[i]
        a = inputs[i]
        dw = a.T @ dz
        t = tick("matmul dW", t)
        dw += alpha * w
        t = tick("sgd step", t)
        db = dz.sum(axis=0)
        t = tick("bias gradient", t)
        if i > 0:
            da = dz @ w.T
            t = tick("matmul dX", t)
            dz = da * (a > 0)
            t = tick("relu backward", t)
        w -= lr * dw
        b -= lr * db
        t = tick("sgd step", t)
    return loss


def phases(rows, batch):
    rng = np.random.default_rng(0)
    x = rng.random((rows, 784), dtype=np.float32)
    y = rng.integers(0, 10, rows)
    sizes = [784, 256, 128, 64, 10]
    params = [((rng.standard_normal((a, b)) * np.sqrt(2 / a)).astype(np.float32), np.zeros(b, np.float32)) for a, b in zip(sizes, sizes[1:])]
    order = rng.permutation(rows)
    lr = np.float32(0.01)
    alpha = np.float32(1e-4)
    epoch(params, x, y, order[: batch * 20], batch, lr, alpha)  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()
    epoch(params, x, y, order, batch, lr, alpha)
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    clock = {}
    t0 = time.thread_time()
    for start in range(0, len(order), batch):
        t = time.thread_time()
        idx = order[start:start + batch]
        xb, yb = x[idx], y[idx]
        clock["gather"] = clock.get("gather", 0.0) + time.thread_time() - t
        timed_step(params, xb, yb, lr, alpha, clock)
    total = time.thread_time() - t0
    clock["other"] = total - sum(clock.values())
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "timed_seconds": total, "phases": {k: v * 1000 for k, v in clock.items()}}))


def bench(rows, batch, epochs):
    rng = np.random.default_rng(0)
    x = rng.random((rows, 784), dtype=np.float32)
    y = rng.integers(0, 10, rows)
    sizes = [784, 256, 128, 64, 10]
    params = [((rng.standard_normal((a, b)) * np.sqrt(2 / a)).astype(np.float32), np.zeros(b, np.float32)) for a, b in zip(sizes, sizes[1:])]
    order = rng.permutation(rows)
    lr = np.float32(0.01)
    alpha = np.float32(1e-4)
    epoch(params, x, y, order[: batch * 20], batch, lr, alpha)  # warm-up
    seconds = []
    cpu_seconds = []  # CPU time of every thread of the process: a cross-check on a busy machine
    for _ in range(epochs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        epoch(params, x, y, order, batch, lr, alpha)
        seconds.append(time.perf_counter() - t0)
        cpu_seconds.append(time.process_time() - c0)
    # Every epoch's times, in order (the caller takes the median, as it does for gradtex).
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "numpy": np.__version__, "blas": blas_kernel()}))


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]))
    elif sys.argv[1] == "bench":
        bench(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif sys.argv[1] == "phases":
        phases(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
