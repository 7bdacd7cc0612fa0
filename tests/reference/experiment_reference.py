"""Full-batch gradient descent from zero for logistic and linear regression, in NumPy.

Reads a JSON list of cases on stdin ({model, xs, ys, lr, steps}) and prints, for each,
the parameters (w..., b) at t = T//4, T//2, T, the gradient and the loss at T: the
reference for tests/experiment/gradient-descent.test.ts. Written from the formulas,
not from the TypeScript: sigmoid by scipy-free stable branches, losses as means.
"""
import json
import sys

import numpy as np


def sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def loss_grad(model, X, y, theta):
    Xa = np.hstack([X, np.ones((X.shape[0], 1))])
    z = Xa @ theta
    if model == "logistic":
        # sigma(z) - y, with sigma(z) - 1 = -sigma(-z) to keep tiny residuals exact
        r = np.where(y == 1, -sigmoid(-z), sigmoid(z))
        loss = np.mean(np.where(y == 1, np.logaddexp(0, -z), np.logaddexp(0, z)))
    elif model == "linear":
        r = 2 * (z - y)
        loss = np.mean((z - y) ** 2)
    else:
        # batch perceptron: step(z) = 1 for z > 0, else 0; loss = fraction misclassified
        step = (z > 0).astype(np.float64)
        r = step - y
        loss = np.mean(step != y)
    return loss, Xa.T @ r / X.shape[0]


def run(case):
    X = np.array(case["xs"], dtype=np.float64)
    y = np.array(case["ys"], dtype=np.float64)
    T = case["steps"]
    theta = np.zeros(X.shape[1] + 1)
    kept = {}
    for t in range(1, T + 1):
        _, g = loss_grad(case["model"], X, y, theta)
        theta = theta - case["lr"] * g
        if t in (T // 4, T // 2):
            kept[t] = theta.tolist()
    loss, g = loss_grad(case["model"], X, y, theta)
    return {"quarter": kept[T // 4], "half": kept[T // 2], "final": theta.tolist(), "gradient": g.tolist(), "loss": float(loss)}


print(json.dumps([run(c) for c in json.load(sys.stdin)]))
