"""Counting mentions: per canonical entity, per article or corpus, and co-occurrence.

Both functions take the mentions table (columns ``tables.COLUMNS["mentions"]``), an
iterable of :class:`~mediakit.model.Mention`, or any object with a ``.mentions``
DataFrame (such as an ``Analysis``), and return DataFrames with the same columns and
dtypes also when there is nothing to count.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

import pandas as pd

from .entities import is_acronym, surname, translit_key
from .model import Mention
from .tables import COLUMNS, frame

__all__ = ["cooccurrence", "corpus_entities", "mentions_table", "tabulate_mentions"]

_UNITS = ("sentence", "article")


def mentions_table(mentions: Any) -> pd.DataFrame:
    """The mentions table of a DataFrame, an iterable of Mention, or an object with ``.mentions``.

    >>> mentions_table([Mention("a1", "Russia", "place", "Russian", 0, 7, 0, "adjectival")]).shape
    (1, 10)
    """
    if isinstance(mentions, pd.DataFrame):
        df = mentions
    elif isinstance(getattr(mentions, "mentions", None), pd.DataFrame):
        df = mentions.mentions
    else:
        try:
            items = list(mentions)
        except TypeError:
            raise TypeError(
                "pass a mentions DataFrame, an iterable of Mention records, or an object with a "
                f".mentions DataFrame (such as an Analysis), not {type(mentions).__name__}"
            ) from None
        bad = [type(m).__name__ for m in items if not isinstance(m, Mention)]
        if bad:
            raise TypeError(
                f"expected Mention records, got {bad[0]}: pass find_mentions(...) output"
            )
        return frame("mentions", (dataclasses.asdict(m) for m in items))
    missing = [c for c in ("article_id", "entity", "kind") if c not in df.columns]
    if missing:
        raise ValueError(
            f"the mentions table lacks columns {missing}: expected {list(COLUMNS['mentions'])}"
        )
    return df


def corpus_entities(mentions: Any) -> pd.DataFrame:
    """The mentions table with one name per person and organisation across a corpus.

    An article that only says "Putin" gets the entity of the one full name with that
    surname (or a transliteration of it, :func:`~mediakit.entities.translit_key`) in
    the other articles, "Vladimir Putin"; a surname shared by several full names is
    left as it is. Likewise an article that only says "NDC" (or "the Compact") gets the
    one organisation that other articles spell out as "Northern Defence Compact (NDC)"
    (or the one organisation whose name ends in "Compact").

    >>> from mediakit.entities import find_mentions
    >>> from mediakit.model import Article
    >>> ms = find_mentions(Article("a1", "Vladimir Putin spoke.")) + find_mentions(Article("a2", "Putin said no."))
    >>> corpus_entities(ms)["entity"].tolist()
    ['Vladimir Putin', 'Vladimir Putin']
    """
    df = mentions_table(mentions)
    if df.empty:
        return df
    people = df.loc[df["kind"] == "person", "entity"].dropna().unique()
    full: dict[str, set[str]] = {}
    for name in people:
        if " " in name:
            sn = surname(name)
            full.setdefault(sn, set()).add(name)
            full.setdefault("~" + translit_key(sn), set()).add(name)
    rename = {}
    for name in people:
        if " " not in name:
            cands = full.get(name) or full.get("~" + translit_key(name)) or set()
            if len(cands) == 1:
                rename[name] = next(iter(cands))
    rename_orgs = _organisation_names(df)
    if not rename and not rename_orgs:
        return df
    df = df.copy()
    is_person = df["kind"] == "person"
    df.loc[is_person, "entity"] = df.loc[is_person, "entity"].replace(rename)
    is_org = df["kind"] == "organisation"
    df.loc[is_org, "entity"] = df.loc[is_org, "entity"].replace(rename_orgs)
    return df


def _organisation_names(df: pd.DataFrame) -> dict[str, str]:
    """Organisation entities to rename: an acronym left unexpanded in one article to the one
    expansion other articles give it; a one-word name to the one organisation whose name ends
    with it ("Compact" -> "Northern Defence Compact")."""
    orgs = df.loc[df["kind"] == "organisation", ["entity", "text"]].dropna()
    if orgs.empty:
        return {}
    expansions: dict[str, set[str]] = {}
    for ent, text in orgs.itertuples(index=False, name=None):
        if is_acronym(text) and ent != text:
            expansions.setdefault(text, set()).add(ent)
    names = set(orgs["entity"])
    endings: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2:
            endings.setdefault(words[-1], set()).add(name)
    out: dict[str, str] = {}
    for name in names:
        if " " in name:
            continue
        cands = expansions.get(name) if is_acronym(name) else endings.get(name)
        if cands and len(cands) == 1:
            out[name] = next(iter(cands))
    return out


def tabulate_mentions(
    mentions: Any,
    *,
    by: Sequence[str] = ("entity", "kind"),
    per_article: bool = False,
    forms: Iterable[str] | None = None,
    merge_surnames: bool = True,
) -> pd.DataFrame:
    """Mention counts by canonical entity (per article or over the corpus), most mentioned first.

    Columns: ``article_id`` (when ``per_article``), the ``by`` columns, ``mentions`` (how
    many) and ``articles`` (in how many articles). ``forms`` keeps only some forms, e.g.
    ``("name", "acronym")`` to leave out demonyms. ``merge_surnames`` gives a person
    named by surname alone in one article the full name used elsewhere in the corpus
    (:func:`corpus_entities`).

    >>> from mediakit.entities import find_mentions
    >>> tabulate_mentions(find_mentions("Vladimir Putin met Lukashenka. Putin left Russia."))
                      entity    kind  mentions  articles
    0         Vladimir Putin  person         2         1
    1  Alyaksandr Lukashenka  person         1         1
    2                 Russia   place         1         1
    """
    df = corpus_entities(mentions) if merge_surnames else mentions_table(mentions)
    by = list(by)
    unknown = [c for c in by if c not in df.columns]
    if unknown:
        raise ValueError(f"cannot group by {unknown}: the mentions table has {list(df.columns)}")
    if forms is not None and "form" in df.columns:
        df = df[df["form"].isin(list(forms))]
    keys = (["article_id"] if per_article else []) + [
        c for c in by if c != "article_id" or not per_article
    ]
    cols = {c: COLUMNS["mentions"].get(c, "object") for c in keys}
    if df.empty:
        out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})
        out["mentions"] = pd.Series(dtype="int64")
        out["articles"] = pd.Series(dtype="int64")
        return out
    g = df.groupby(keys, sort=False, dropna=False)
    out = g.size().rename("mentions").to_frame()
    out["articles"] = g["article_id"].nunique()
    out = out.reset_index()
    first = {
        k: i
        for i, k in enumerate(df.drop_duplicates(keys)[keys].itertuples(index=False, name=None))
    }
    out["_order"] = [first.get(tuple(r), 0) for r in out[keys].itertuples(index=False, name=None)]
    sort_cols = (["article_id"] if per_article else []) + ["mentions", "_order"]
    asc = ([True] if per_article else []) + [False, True]
    out = out.sort_values(sort_cols, ascending=asc, kind="stable").drop(columns="_order")
    out = out.reset_index(drop=True)
    return out.astype({**cols, "mentions": "int64", "articles": "int64"})


def cooccurrence(
    mentions: Any,
    *,
    unit: str = "sentence",
    forms: Iterable[str] | None = None,
    merge_surnames: bool = True,
) -> pd.DataFrame:
    """How often two entities are mentioned in the same sentence (or article): entity_a, entity_b, count.

    Each pair is counted once per unit; ``entity_a`` sorts before ``entity_b``.

    >>> from mediakit.entities import find_mentions
    >>> cooccurrence(find_mentions("Vladimir Putin met Lukashenka in Moscow. Lukashenka left."))
                    entity_a        entity_b  count
    0  Alyaksandr Lukashenka          Moscow      1
    1  Alyaksandr Lukashenka  Vladimir Putin      1
    2                 Moscow  Vladimir Putin      1
    """
    if unit not in _UNITS:
        raise ValueError(f"unit must be one of {_UNITS}, not {unit!r}")
    df = corpus_entities(mentions) if merge_surnames else mentions_table(mentions)
    if forms is not None and "form" in df.columns:
        df = df[df["form"].isin(list(forms))]
    counts: Counter[tuple[str, str]] = Counter()
    if not df.empty:
        keys = ["article_id", "sentence"] if unit == "sentence" else ["article_id"]
        for _key, ents in df.groupby(keys, sort=False)["entity"]:
            for a, b in combinations(sorted(set(ents)), 2):
                counts[(a, b)] += 1
    rows = sorted(((a, b, n) for (a, b), n in counts.items()), key=lambda r: (-r[2], r[0], r[1]))
    return pd.DataFrame(
        {
            "entity_a": pd.Series([r[0] for r in rows], dtype="object"),
            "entity_b": pd.Series([r[1] for r in rows], dtype="object"),
            "count": pd.Series([r[2] for r in rows], dtype="int64"),
        }
    )
