"""The logistic regression the learned checks' trainers fit (train_person_check.py,
train_org_check.py): Newton's method on the summed log-loss with an L2 penalty, the bias
feature unpenalised."""

from __future__ import annotations

import numpy as np


def fit(X: np.ndarray, y: np.ndarray, l2: float, bias: int = 0, steps: int = 30) -> np.ndarray:
    """Weights for features ``X`` (rows) and 0/1 labels ``y``; column ``bias`` is not penalised."""
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], l2)
    pen[bias] = 0.0
    for _ in range(steps):
        p = prob(X, w)
        g = X.T @ (p - y) + pen * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen + 1e-9)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def prob(X: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
