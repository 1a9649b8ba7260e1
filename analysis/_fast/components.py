"""The connected components of an undirected graph, in NumPy.

Boilerplate detection joins linked paragraphs into groups (``analysis.boilerplate``): the groups are the
connected components of the graph whose edges are the links. SciPy's ``connected_components`` gives them, but
importing ``scipy.sparse`` is a fixed cost of every run, larger than the labelling (``benchmarks/README.md``). This
module computes the same labels with a few NumPy passes: every node points to the smallest node of its component
found so far (a node that points to itself heads a group found so far); each pass lets the larger of the two
heads an edge joins point to the smaller one (or to a smaller head another edge gives), then follows the
pointers until each node points to its head. An edge whose ends have one head is done; the others are read
again. Components are then numbered as SciPy numbers them, in the order of their smallest node.
``tests/test_properties.py`` checks the labels against SciPy's on generated graphs.
"""
from __future__ import annotations

import numpy as np


def component_labels(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """The component of each of the ``n`` nodes of the undirected graph with edges ``a[i]-b[i]``: 0 for the
    component of node 0, then 1, 2, ... in the order of each component's smallest node."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    target = np.arange(n, dtype=np.int64)
    while True:
        ends_a, ends_b = target[a], target[b]
        apart = ends_a != ends_b
        if not apart.any():
            break
        a, b, ends_a, ends_b = a[apart], b[apart], ends_a[apart], ends_b[apart]
        np.minimum.at(target, np.maximum(ends_a, ends_b), np.minimum(ends_a, ends_b))
        while True:   # follow the pointers to their end
            further = target[target]
            if np.array_equal(further, target):
                break
            target = further
    smallest = np.flatnonzero(target == np.arange(n))     # each component's smallest node, in order
    number = np.empty(n, dtype=np.int64)
    number[smallest] = np.arange(len(smallest))
    return number[target].astype(np.int32)
