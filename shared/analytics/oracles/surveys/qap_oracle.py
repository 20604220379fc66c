"""Reference values for copgraph's chain test (shared/analytics/src/surveys), computed with numpy.

Regenerate (from the repository root, with numpy 2.4.6):
    python3 shared/analytics/oracles/surveys/qap_oracle.py
Writes qap_oracle.json next to this script: three dyad matrices over 12 members (generated here from
a fixed numpy seed), the permutation list both sides use, and the results:
  - Pearson r over the off-diagonal cells (numpy.corrcoef) for the three pairs, the second matrix
    permuted (rows and columns together) for the QAP p-values;
  - OLS of trust on reversal and reciprocity with an intercept (numpy.linalg.lstsq), standard
    errors, t and R^2, and DSP p-values (Dekker, Krackhardt & Snijders 2007): each predictor is
    replaced by its residual on the others, the residual matrix permuted, y refitted, t compared.
p-values: (1 + count) / (1 + P), values within 1e-12 of the observed one (relative above 1) counted
as ties, as in qap.ts.
The permutations are generated with mulberry32 and Fisher-Yates exactly as
shared/analytics/src/compact/random.ts does, each shuffling the previous one, and stored, so the
TypeScript test checks both the generator and the p-values, which must then agree exactly.
"""

import json
import os
import re

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
N = 12
SEED = 20261207
PERMUTATIONS = 400
EPS = 1e-12
MASK = 0xFFFFFFFF
STEP = 0x6D2B79F5


def imul(a, b):
    """Math.imul: the low 32 bits of the product, as an unsigned value."""
    return (a * b) & MASK


def mulberry32(seed):
    state = seed & MASK

    def draw():
        nonlocal state
        state = (state + STEP) & MASK
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    return draw


def seeded_permutations(n, seed, count):
    draw = mulberry32(seed)
    current = list(range(n))
    out = []
    for _ in range(count):
        for i in range(n - 1, 0, -1):
            j = int(draw() * (i + 1))
            current[i], current[j] = current[j], current[i]
        out.append(list(current))
    return out


def symmetric(upper):
    m = np.triu(upper, 1)
    return m + m.T


rng = np.random.default_rng(17)
# Reciprocity: about 40% of pairs; reversal: about half of the reciprocal pairs (reversal implies
# reciprocity in copgraph's definitions); trust: more likely where reciprocity is.
reciprocity = symmetric((rng.random((N, N)) < 0.4).astype(float))
reversal = symmetric(np.triu(reciprocity, 1) * (rng.random((N, N)) < 0.5))
chance = 0.15 + 0.35 * reciprocity + 0.2 * reversal
trust = symmetric((rng.random((N, N)) < chance).astype(float))

off = ~np.eye(N, dtype=bool)


def cells(m):
    return m[off]


def permuted(m, p):
    p = np.asarray(p)
    return m[np.ix_(p, p)]


def p_values(observed, samples):
    samples = [s for s in samples if s is not None]
    total = 1 + len(samples)
    tie = EPS * max(1.0, abs(observed))
    return {
        "p": (1 + sum(abs(s) >= abs(observed) - tie for s in samples)) / total,
        "pGreater": (1 + sum(s >= observed - tie for s in samples)) / total,
        "pLess": (1 + sum(s <= observed + tie for s in samples)) / total,
        "permutations": len(samples),
    }


def r_of(x, y):
    return float(np.corrcoef(cells(x), cells(y))[0, 1])


def qap(x, y, perms):
    r = r_of(x, y)
    return {"r": r, **p_values(r, [r_of(x, permuted(y, p)) for p in perms])}


def ols(y, xs):
    X = np.column_stack([np.ones(N * (N - 1))] + [cells(x) for x in xs])
    yv = cells(y)
    b, _, rank, _ = np.linalg.lstsq(X, yv, rcond=None)
    assert rank == X.shape[1]
    resid = yv - X @ b
    rss = float(resid @ resid)
    dof = X.shape[0] - X.shape[1]
    cov = rss / dof * np.linalg.inv(X.T @ X)
    se = np.sqrt(np.diag(cov))
    tss = float(((yv - yv.mean()) ** 2).sum())
    return b, se, b / se, 1 - rss / tss


def residual_matrix(xs, k):
    """x_k minus its OLS prediction from the intercept and the other predictors, off the diagonal."""
    others = [x for j, x in enumerate(xs) if j != k]
    X = np.column_stack([np.ones(N * (N - 1))] + [cells(x) for x in others])
    b, *_ = np.linalg.lstsq(X, cells(xs[k]), rcond=None)
    e = np.zeros((N, N))
    e[off] = cells(xs[k]) - X @ b
    return e


def mrqap(y, xs, names, perms):
    b, se, t, r2 = ols(y, xs)
    coefficients = [
        {"name": "intercept", "estimate": float(b[0]), "standardError": float(se[0]), "t": float(t[0]), "p": None}
    ]
    for k, name in enumerate(names):
        e = residual_matrix(xs, k)
        others = [x for j, x in enumerate(xs) if j != k]
        samples = [float(ols(y, others + [permuted(e, p)])[2][-1]) for p in perms]
        coefficients.append(
            {
                "name": name,
                "estimate": float(b[k + 1]),
                "standardError": float(se[k + 1]),
                "t": float(t[k + 1]),
                **p_values(float(t[k + 1]), samples),
            }
        )
    return {"cells": N * (N - 1), "r2": float(r2), "coefficients": coefficients}


perms = seeded_permutations(N, SEED, PERMUTATIONS)
members = [f"m{i + 1:02d}" for i in range(N)]
out = {
    "numpy": np.__version__,
    "members": members,
    "seed": SEED,
    "matrices": {
        "reversal": reversal.astype(int).tolist(),
        "reciprocity": reciprocity.astype(int).tolist(),
        "trust": trust.astype(int).tolist(),
    },
    "permutationList": perms,
    "correlations": {
        "reversalReciprocity": qap(reversal, reciprocity, perms),
        "reversalTrust": qap(reversal, trust, perms),
        "reciprocityTrust": qap(reciprocity, trust, perms),
    },
    "regression": mrqap(trust, [reversal, reciprocity], ["reversal", "reciprocity"], perms),
}
# One line per matrix row and per permutation.
flat_list = re.compile(r"\[\s*(-?\d+(?:,\s*-?\d+)*)\s*\]")
text = flat_list.sub(lambda m: "[" + re.sub(r"\s+", "", m.group(1)) + "]", json.dumps(out, indent=1))
with open(os.path.join(HERE, "qap_oracle.json"), "w") as f:
    f.write(text + "\n")
print(json.dumps({"correlations": out["correlations"], "regression": out["regression"]}, indent=1))
