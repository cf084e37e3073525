/**
 * K-means customer clustering: features from RFM, behaviour and preferences, automatic choice of k by the silhouette,
 * a floor on segment size, quality and stability metrics, and named cluster profiles. Entry point:
 * {@link io.lodestar.segmentation.clustering.CustomerClustering}; a stored model places new customers with
 * {@link io.lodestar.segmentation.clustering.ClusterModel#assign(ClusteringCustomer)}.
 *
 * <p>This is the ML adapter of CONVENTIONS.md rule 15: it is the only package of the service that imports {@code smile.*}
 * (smile-core 2.6.0, used for k-means++ in {@code KMeansFitter} only). Everything that leaves the package is plain Java
 * numbers and records (scaler parameters, centroids, labels, metrics), so results can be stored and reloaded without
 * serialised Smile objects, and a later Smile upgrade touches this package alone.
 *
 * <p>Plain Java on purpose: no Quarkus, CDI or database, so it can be unit tested and called from a job. A run is CPU-bound
 * (several k-means restarts per candidate k and an O(m²) silhouette on a sample of m rows), and Smile may use the common
 * ForkJoin pool: callers must run it on a worker thread or job, never on a Vert.x event loop. Result types are immutable and
 * thread-safe.
 */
package io.lodestar.segmentation.clustering;
