/**
 * Benchmark tools, outside the build's pipeline (issue #8; bench/site-build.sh drives them).
 * Input: a cluster size, or the resolved .adoc files a build left in its work folder. Output: a
 * synthetic project ({@link org.polisi.site.bench.ClusterGenerator}), or the two baselines'
 * timings ({@link org.polisi.site.bench.Baselines}: bare AsciidoctorJ, plain JBake). Why a module
 * of its own ({@code bench/site-bench}): nothing in the site's jar runs them, and the generator must
 * still write content the real build accepts strictly, so a test bakes a two-school cluster with
 * every {@code ./mvnw verify}.
 */
package org.polisi.site.bench;
