"""Write beside an index built before what a build now writes: each segment's stems per document.

Rescoring reads a document's stems from arrays the build writes beside each segment
(archive/index/forward.py); an index built before they were reads the best documents' text
instead, decompressing and stemming it at query time: most of a three-word query's time at a
few thousand documents. The stems come from the segment's own postings arrays, so they can be
written for an existing index without reading the corpus again: a few seconds a segment of
10,000 documents, once. Run it while no build is under way.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index

from archive.index import forward
from archive.index.arrays import open_segments


def stems(folder: Path) -> int:
    """Write the stems per document of each segment in folder whose arrays lack them; count them."""
    ix = whoosh_index.open_dir(str(folder))
    written = 0
    try:
        with ix.reader() as reader:
            leaves = [leaf for leaf, _ in reader.leaf_readers()]
            for (segment, _), leaf in zip(open_segments(folder, reader), leaves):
                found = getattr(leaf, "segment", lambda: None)()
                if segment is None or found is None or not segment.has_positions:
                    continue
                segment_id = found.segment_id()
                if forward.exists(folder, segment_id):
                    continue
                terms = {key: span for key in segment.terms if (span := segment.terms.get(key))}
                forward.write(
                    folder,
                    segment_id,
                    terms,
                    segment.ids,
                    np.diff(segment.starts),
                    segment.starts,
                    segment.poses,
                    leaf.doc_count_all(),
                )
                written += 1
    finally:
        ix.close()
    return written
