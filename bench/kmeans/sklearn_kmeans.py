"""scikit-learn's side of the K-means benchmark (docs/benchmarks.md, issue 4): KMeans(algorithm="lloyd") with the
same k, restarts (n_init), iterations and tolerance as Lodestar's, on the matrix of make_matrix.py. Threads: the
OpenMP threads of scikit-learn's Lloyd loop (OMP_NUM_THREADS, also enforced with threadpoolctl). Prints one JSON
line per repetition (wall seconds of fit(), inertia, iterations of the best restart).
    OMP_NUM_THREADS=1 /usr/bin/python3 bench/kmeans/sklearn_kmeans.py MATRIX N D K N_INIT MAX_ITER TOL SEED REPS"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

path, n, d, k, n_init, max_iter, tol, seed, reps = sys.argv[1:10]
n, d, k, n_init, max_iter, seed, reps = map(int, (n, d, k, n_init, max_iter, seed, reps))
tol = float(tol)
threads = int(os.environ.get("OMP_NUM_THREADS", os.cpu_count()))
x = np.fromfile(path, dtype="<f8").reshape(n, d)
with threadpool_limits(limits=threads):
    for rep in range(reps):
        model = KMeans(n_clusters=k, init="k-means++", n_init=n_init, max_iter=max_iter, tol=tol, algorithm="lloyd",
                       random_state=seed + rep)
        t0 = time.perf_counter()
        model.fit(x)
        wall = time.perf_counter() - t0
        print(json.dumps({"side": "scikit-learn " + sklearn.__version__, "threads": threads, "rep": rep + 1,
                          "wallSeconds": round(wall, 3), "inertia": float(model.inertia_),
                          "iterationsOfBest": int(model.n_iter_)}), flush=True)
