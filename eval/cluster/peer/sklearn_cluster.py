"""Peer for the story-clustering evaluation: scikit-learn TF-IDF vectors
clustered three ways, each told the gold number of clusters: agglomerative
clustering (cosine distance, average linkage), k-means on the TF-IDF vectors,
and k-means on a 100-dimension LSA projection (the usual scikit-learn recipe
for text).

Reads one JSON object from stdin: {"k": <clusters>, "docs": [<text>, ...]}.
Writes one JSON object to stdout: {"agglomerative": [<label>, ...],
"kmeans": [...], "lsa_kmeans": [...]}, labels in input order.
"""
import json
import sys

from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize


def main():
    req = json.load(sys.stdin)
    k = int(req["k"])
    docs = req["docs"]
    if k < 1 or k > len(docs):
        sys.exit("peer: k=%d does not fit %d documents" % (k, len(docs)))
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_df=0.5)
    x = vec.fit_transform(docs)
    # Rows are L2-normalized, so 1 - x·xᵀ is the cosine distance; empty
    # documents (zero rows) end up at distance 1 from everything.
    dist = 1.0 - (x @ x.T).toarray()
    dist[dist < 0] = 0.0
    agg = AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average")
    agg_labels = agg.fit_predict(dist)
    km_labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(x)
    dims = max(2, min(100, x.shape[0] - 1, x.shape[1] - 1))
    lsa = normalize(TruncatedSVD(n_components=dims, random_state=0).fit_transform(x))
    lsa_labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(lsa)
    json.dump({"agglomerative": [int(v) for v in agg_labels],
               "kmeans": [int(v) for v in km_labels],
               "lsa_kmeans": [int(v) for v in lsa_labels]}, sys.stdout)


if __name__ == "__main__":
    main()
