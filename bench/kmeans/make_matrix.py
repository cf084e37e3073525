"""The K-means benchmark's matrix (docs/benchmarks.md, issue 4): N x D float64, little-endian, row-major, no header,
written once with a fixed seed so that Lodestar (KMeansBench.java) and scikit-learn (sklearn_kmeans.py) read the
very same numbers. 8 Gaussian blobs (sklearn.datasets.make_blobs, cluster_std 1.5, centres in [-10, 10]^D).
    /usr/bin/python3 bench/kmeans/make_matrix.py OUT N D CENTERS SEED"""
import sys
import numpy as np
from sklearn.datasets import make_blobs

out, n, d, centers, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
x, _ = make_blobs(n_samples=n, n_features=d, centers=centers, cluster_std=1.5, center_box=(-10.0, 10.0),
                  random_state=seed)
np.ascontiguousarray(x, dtype="<f8").tofile(out)
print(f"wrote {out}: {n} x {d} float64 ({x.nbytes / 1e6:.0f} MB), {centers} blobs, seed {seed}")
