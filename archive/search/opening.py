"""Open an index generation: check its files, then make its searcher, sets, facets and periods."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index

from archive.corpus.registry import Registry
from archive.errors import IndexMissing
from archive.index import forms as forms_table
from archive.index import generations
from archive.search import discover, firstpass, ranking, realterms
from archive.search.docsets import DocSets
from archive.search.facets import FacetTable
from archive.search.generation import Generation
from archive.search.periods import Periods
from archive.search.query import QueryReader
from archive.search.ranking import Ranker


def open_generation(index_dir: Path, path: Path) -> Generation:
    """Open one generation of the index in index_dir: its searcher and what is cached for it."""
    try:
        manifest = generations.read_manifest(path)
        generations.require_format(index_dir, manifest)
        generations.check_files(path, manifest)
        registry = Registry.from_dict(manifest["registry"])
        ix = whoosh_index.open_dir(str(path))
        searcher = ix.searcher(weighting=ranking.weighting())
        sets = DocSets(searcher, path)
        facets = FacetTable(searcher.reader(), sets.live, sets.mapped)
        sets.derived["largest"] = lambda: discover.largest_keys(searcher, facets, sets.size)
        sets.derived["largest_all"] = lambda: discover.largest_keys(
            searcher, facets, sets.size, "all"
        )
        forms = forms_table.read(path)
    except IndexMissing:  # an index of another format: its message already says what to do
        raise
    except Exception as error:  # Whoosh raises many kinds of error on damaged files.
        raise IndexMissing(
            f"the index in {index_dir} is damaged ({type(error).__name__}: {error}); "
            "run `archive build --full` to rebuild it"
        ) from error
    reader = QueryReader(searcher.schema, registry, searcher.reader())
    periods = Periods(sets, facets, registry)
    facets.computed.update(
        financial_year=lambda: periods.financial_year, government=lambda: periods.government
    )
    sets.derived["real_largest"] = lambda: realterms.real_largest(searcher, facets, periods)
    sets.derived["real_largest_all"] = lambda: realterms.real_largest(
        searcher, facets, periods, "all"
    )
    build = manifest.get("build") or generations.build_info(path)
    ranker = Ranker(searcher, sets)
    firstpass.warm(ranker)
    return Generation(
        path,
        searcher,
        registry,
        reader,
        facets,
        sets,
        ranker,
        periods,
        forms,
        build,
    )
