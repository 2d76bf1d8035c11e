"""Canonical entities inside one article: acronyms, surnames, transliterations, aliases.

:func:`resolve` runs these steps in order, each a small function below:

1. :func:`candidates`: one :class:`~.kinds.Candidate` per segment of each sentence (titles
   are no mentions), with the role written before a person's name;
2. :class:`Evidence`: what the whole article says about its names, gathered once before any
   candidate is decided (acronym expansions, full names by surname and given name, ...);
3. :data:`KEEP_RULES`: for each candidate, the first rule that decides keeps it (with its
   kind, link or canonical name set) or drops it; a candidate no rule decides is kept;
4. :func:`one_kind_per_word`: every guessed lone word gets one kind in the article;
5. :func:`canonical_people`: the canonical name of each full name of a person;
6. :func:`mentions`: the canonical entity of each kept candidate, as a ``Mention``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Article, Mention
from .kinds import Candidate, derived_places, guess_kind
from .lexicons import ORG, PERSON, PLACE, EntityConfig, Lexicons, name_key
from .names import acronym_of, is_acronym, lookup, surname, translit_key
from .runs import Segment
from .segment import role_before

# what find_mentions passes per sentence: its index, word spans, words and segments
SentenceSegments = tuple[int, list[tuple[int, int]], list[str], list[Segment]]

_ROLE_REACH = 6  # segments back a role may stand before a name ("Russian Foreign Minister")


def resolve(
    article: Article,
    sents: list[SentenceSegments],
    lex: Lexicons,
    config: EntityConfig,
) -> tuple[Mention, ...]:
    """Mentions of one article from each sentence's index, word spans, words and segments."""
    ms = candidates(article.text, sents, lex)
    ev = Evidence.of(article.text, ms, lex, config)
    kept = [m for m in ms if _keep(m, ev, lex, config)]
    one_kind_per_word(kept)
    canon_of = canonical_people(kept, lex, config)
    return mentions(article, kept, canon_of, ev.expansions, lex, config)


# ---------------------------------------------------------------------------------------
# 1. candidates


def candidates(text: str, sents: list[SentenceSegments], lex: Lexicons) -> list[Candidate]:
    """One candidate per segment that is no title, in text order.

    >>> from .lexicons import load_lexicons
    >>> from .segment import segment_sentence
    >>> words = ["Foreign", "Minister", "Anna", "Berg", "spoke"]
    >>> spans = [(0, 7), (8, 16), (17, 21), (22, 26), (27, 32)]
    >>> lex = load_lexicons(EntityConfig())
    >>> sents = [(0, spans, words, segment_sentence(words, lex))]
    >>> [(m.words, m.kind, m.role) for m in candidates("Foreign Minister Anna Berg spoke", sents, lex)]
    [(['Anna', 'Berg'], 'person', 'Foreign Minister')]
    """
    ms: list[Candidate] = []
    for si, spans, sent_words, segs in sents:
        nw = len(sent_words)
        for k, seg in enumerate(segs):
            if seg.kind == "title":
                continue
            s, e = seg.s, seg.e
            kind, role = seg.kind, ""
            if kind in ("unknown", PERSON):
                before = segs[max(0, k - _ROLE_REACH) : k]
                role = role_before(text, spans, sent_words, seg, before, lex)
                kind = _person_by_title(kind, role, before, sent_words[s:e], s, lex)
            ms.append(
                Candidate(
                    spans[s][0],
                    spans[e - 1][1],
                    si,
                    kind,
                    seg.canonical,
                    seg.form,
                    role,
                    sent_words[s:e],
                    seg.initial,
                    sent_words[s - 1] if s > 0 else "",
                    sent_words[e] if e < nw else "",
                    sent_words[s - 2] if s > 1 else "",
                    sent_words[e + 1] if e + 1 < nw else "",
                )
            )
    return ms


def _person_by_title(
    kind: str, role: str, before: list[Segment], words: list[str], s: int, lex: Lexicons
) -> str:
    """An unknown name is a person after a role or a title, or when it opens with a given name.

    Pattern: ROLE/TITLE + Name, or GivenName + Word. Example: "Minister Velk" -> person.
    """
    if kind != "unknown":
        return kind
    if role or any(x.kind == "title" and x.e == s for x in before):
        return PERSON
    if len(words) >= 2 and words[0] in lex.first:
        return PERSON
    return kind


# ---------------------------------------------------------------------------------------
# 2. evidence


@dataclass(frozen=True)
class Evidence:
    """What the whole article says about its names, gathered before any candidate is decided.

    ``expansions``: acronym -> its long name ("Long Name (ABC)"), and a long name -> the
    canonical name its acronym has; ``expansion_kind``: the long name's kind;
    ``initials``: the initials of a name in the article -> that name; ``by_surname`` /
    ``by_first``: people's full names by surname (and "~" + its spelling-blind key) and by
    given name; ``full_ids``: ids of those full names; ``by_guessed``: runs guessed to be
    people's full names, by surname; ``single_kind``: the kind a lone word got from a
    gazetteer; ``lone_counts``: occurrences of each unknown lone word; ``derived``: lone
    words that the article shows to be places (:func:`~.kinds.derived_places`).
    """

    expansions: dict[str, str]
    expansion_kind: dict[str, str]
    initials: dict[str, str]
    by_surname: dict[str, list[Candidate]]
    by_first: dict[str, list[Candidate]]
    full_ids: set[int]
    by_guessed: dict[str, Candidate]
    single_kind: dict[str, str]
    lone_counts: dict[str, int]
    derived: dict[str, str]

    @classmethod
    def of(cls, text: str, ms: list[Candidate], lex: Lexicons, config: EntityConfig) -> Evidence:
        """The evidence of the candidates ``ms`` of ``text``."""
        expansions, expansion_kind = acronym_expansions(text, ms)
        by_surname, by_first = full_names(ms, config)
        lone_counts: dict[str, int] = defaultdict(int)
        single_kind: dict[str, str] = {}
        for m in ms:
            if len(m.words) != 1:
                continue
            if m.kind in (PLACE, ORG):
                single_kind.setdefault(m.words[0], m.kind)
            elif m.kind == "unknown":
                lone_counts[m.words[0]] += 1
        return cls(
            expansions,
            expansion_kind,
            acronym_initials(ms),
            by_surname,
            by_first,
            {id(m) for group in by_first.values() for m in group},
            guessed_full_names(ms, lex, config),
            single_kind,
            lone_counts,
            derived_places(ms, lone_counts, lex) if config.lone_words else {},
        )


def acronym_expansions(text: str, ms: list[Candidate]) -> tuple[dict[str, str], dict[str, str]]:
    """Acronyms written after their long name, and the long name's kind.

    Pattern: Long Name (ABC). Example: "Northern Defence Compact (NDC)" gives
    ``{"NDC": "Northern Defence Compact"}``; a known acronym after an unknown long name
    gives the long name the acronym's canonical name.
    """
    expansions: dict[str, str] = {}
    expansion_kind: dict[str, str] = {}
    for a, b in zip(ms, ms[1:], strict=False):
        if (
            len(b.words) == 1
            and is_acronym(b.words[0])
            and text[a.end : b.start].strip() == "("
            and len(a.words) >= 2
        ):
            expansions[b.words[0]] = a.canonical or " ".join(a.words)
            if a.kind in (PLACE, ORG):
                expansion_kind[b.words[0]] = a.kind
            if b.canonical and not a.canonical:
                expansions[" ".join(a.words)] = b.canonical
    return expansions, expansion_kind


def acronym_initials(ms: list[Candidate]) -> dict[str, str]:
    """The initials of each organisation or unknown name of several words -> the first such name.

    Pattern: a name whose initials spell an acronym. Example: "Karsk Policy Centre" -> "KPC".
    """
    initials: dict[str, str] = {}
    for m in ms:
        if len(m.words) >= 2 and m.kind in (ORG, "unknown"):
            name = m.canonical or " ".join(m.words)
            initials.setdefault(acronym_of(name), name)
    return initials


def full_names(
    ms: list[Candidate], config: EntityConfig
) -> tuple[dict[str, list[Candidate]], dict[str, list[Candidate]]]:
    """People's full names by surname (and "~" + its spelling-blind key) and by given name.

    Pattern: a person of two or more words (not a gazetteer's one-word canonical name).
    Example: "Anna Berg" is filed under "Berg", "~" + translit_key("Berg") and "Anna".
    """
    by_surname: dict[str, list[Candidate]] = defaultdict(list)
    by_first: dict[str, list[Candidate]] = defaultdict(list)
    for m in ms:
        if (
            m.kind == PERSON
            and len(m.words) >= 2
            and not (m.canonical and len(m.canonical.split()) < 2)
        ):
            sn = surname(" ".join(m.words))
            by_surname[sn].append(m)
            if config.transliteration:
                by_surname["~" + translit_key(sn)].append(m)
            by_first[m.words[0]].append(m)
    return by_surname, by_first


def guessed_full_names(
    ms: list[Candidate], lex: Lexicons, config: EntityConfig
) -> dict[str, Candidate]:
    """Unknown runs of words guessed to be people's names, by surname (the first of each).

    A run whose first word is no given name of the lexicon ("Mira Tolle") is only guessed a
    person; its surname ("Tolle said") links to it when no known full name has that surname
    and neither word is a common one ("the Mets Poet" gives no "Poet"). Example:
    "Mira Tolle" -> ``{"Tolle": <Mira Tolle>}``.
    """
    by_guessed: dict[str, Candidate] = {}
    for m in ms:
        if (
            m.kind == "unknown"
            and len(m.words) >= 2
            and m.words[-1].lower() not in lex.common
            and m.words[0].lower() not in lex.common
            and not is_acronym(m.words[0])  # "IHS Life Sciences"
            and not m.words[0].endswith(".")  # "Pres. Obama"
            and guess_kind(m, lex, {}, {}, config) == PERSON  # several words: no lone-word maps
        ):
            by_guessed.setdefault(surname(" ".join(m.words)), m)
    return by_guessed


# ---------------------------------------------------------------------------------------
# 3. keep rules: True keeps the candidate, False drops it, None passes it to the next rule

KeepRule = Callable[[Candidate, Evidence, Lexicons, EntityConfig], "bool | None"]


def acronym(m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig) -> bool | None:
    """An unknown all-capitals word is an organisation's acronym (or no mention at all).

    Pattern: one unknown word in capitals; listed non-acronyms and words with a digit are
    dropped ("TV", "IE6", "STS-135"); the expansion or initials in the article give its
    canonical name. Example: "... Northern Defence Compact (NDC) ... NDC" -> the Compact.
    """
    if m.kind != "unknown" or len(m.words) != 1 or not is_acronym(m.words[0]):
        return None
    w = m.words[0]
    if w in lex.not_acronyms or any(c.isdigit() for c in w):
        return False
    m.kind, m.form = ev.expansion_kind.get(w, config.acronym_kind), "acronym"
    m.canonical = ev.expansions.get(w) or ev.initials.get(w) or w
    return True


def _may_be_short_name(m: Candidate) -> bool:
    """A lone word that is a person or unknown, or an unknown run: it may stand for a full name."""
    return m.kind == "unknown" or (m.kind == PERSON and len(m.words) == 1)


def surname_of_full_name(
    m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig
) -> bool | None:
    """A surname (or a run ending in it) links to the article's first full name with it.

    News introduces the main figure first, so when several full names share the surname
    the first of them in the article is meant. Spelling variants link by their
    :func:`translit_key`. Example: "Alyaksandr Lukashenka ... Lukashenko said" -> linked.
    """
    if not _may_be_short_name(m) or id(m) in ev.full_ids:
        return None
    sn = surname(" ".join(m.words))
    group = ev.by_surname.get(sn) or (
        ev.by_surname.get("~" + translit_key(sn)) if config.transliteration else None
    )
    if group and (len(m.words) == 1 or m.words[-1] == sn):
        m.link, m.kind = group[0], PERSON
        return True
    return None


def surname_of_guessed_name(
    m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig
) -> bool | None:
    """A lone word links to a run guessed to be a person's name that ends in it.

    Example: "Mira Tolle arrived. ... Tolle said" -> "Tolle" is Mira Tolle.
    """
    if len(m.words) != 1 or m.kind not in ("unknown", PERSON):  # a lone short name
        return None
    found = ev.by_guessed.get(surname(m.words[0]))
    if found is None:
        return None
    m.link, m.kind = found, PERSON
    return True


def given_name_of_full_name(
    m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig
) -> bool | None:
    """A lone given name links to the article's first full name that starts with it.

    Example: "Anna Berg arrived. ... Anna said" -> "Anna" is Anna Berg.
    """
    if len(m.words) != 1 or m.kind not in ("unknown", PERSON) or m.words[0] not in ev.by_first:
        return None
    m.link, m.kind = ev.by_first[m.words[0]][0], PERSON
    return True


def derived_place(m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig) -> bool | None:
    """A lone unknown word the article shows to be a place (or its demonym) is that place.

    Example: "Karstani troops ... in Karstan" -> "Karstani" is Karstan (adjectival).
    """
    if m.kind != "unknown" or len(m.words) != 1 or m.words[0] not in ev.derived:
        return None
    place = ev.derived[m.words[0]]
    m.kind, m.canonical = PLACE, place
    if place != m.words[0]:
        m.form = "adjectival"
    return True


def guessed_kind(m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig) -> bool | None:
    """Any other unknown name gets the kind :func:`~.kinds.guess_kind` reads off its
    words and neighbours, or is dropped when it reads none.

    Example: "Cape Verden" -> place; "Officials" opening a sentence -> dropped.
    """
    if m.kind != "unknown":
        return None
    kind = guess_kind(m, lex, ev.single_kind, ev.lone_counts, config)
    if not kind:
        return False
    m.kind, m.guessed = kind, len(m.words) == 1
    return True


KEEP_RULES: tuple[KeepRule, ...] = (
    acronym,
    surname_of_full_name,
    surname_of_guessed_name,
    given_name_of_full_name,
    derived_place,
    guessed_kind,
)


def _keep(m: Candidate, ev: Evidence, lex: Lexicons, config: EntityConfig) -> bool:
    """The verdict of the first of :data:`KEEP_RULES` that decides; kept when none does.

    The rules decide only unknown names and lone people's names (:func:`_may_be_short_name`);
    every other candidate is kept without asking them.
    """
    if not _may_be_short_name(m):
        return True
    for rule in KEEP_RULES:
        verdict = rule(m, ev, lex, config)
        if verdict is not None:
            return verdict
    return True


# ---------------------------------------------------------------------------------------
# 4.-6. kinds, canonical names, mentions


def one_kind_per_word(kept: list[Candidate]) -> None:
    """One kind per guessed lone word in an article: a place if any occurrence reads as one
    ("in Karsk"), else the kind most of its occurrences got (set on the candidates)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in kept:
        if m.guessed:
            votes[m.words[0]][m.kind] += 1
    for m in kept:
        if m.guessed and len(votes[m.words[0]]) > 1:
            v = votes[m.words[0]]
            m.kind = PLACE if v[PLACE] else v.most_common(1)[0][0]


def _same_given_name(a: str, b: str) -> bool:
    """Given names that agree: equal, one a short form or initial of the other, or spelling
    variants. Example: "A" and "Anna", "Aleksandr" and "Alexander" (same translit key)."""
    return a == b or a.startswith(b) or b.startswith(a) or translit_key(a) == translit_key(b)


def canonical_people(kept: list[Candidate], lex: Lexicons, config: EntityConfig) -> dict[str, str]:
    """The canonical name of each full name of a person (unlinked, two words or more).

    Full names merge when their surnames (or the surnames' keys) agree and their given
    names agree (:func:`_same_given_name`); the longest name of a group is canonical, and
    the alias table's name wins when it lists the name. Example: "A. Berg" -> "Anna Berg".
    """
    names = sorted({" ".join(m.words) for m in kept if m.kind == PERSON and m.link is None and len(m.words) >= 2},
                   key=lambda x: (-len(x.split()), -len(x), x))  # fmt: skip
    canon_of: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        sn = surname(name)
        key = translit_key(sn) if config.transliteration else sn
        fw = name.split()[0].rstrip(".")
        for g in groups[key]:
            if _same_given_name(g.split()[0].rstrip("."), fw):
                canon_of[name] = canon_of[g]
                break
        else:
            groups[key].append(name)
            canon_of[name] = name
    for name in names:
        hit = lookup(lex, name_key(name), 0)
        if hit and hit[0] == len(name_key(name)) and hit[1].kind == PERSON:
            canon_of[name] = hit[1].canonical
    for name in names:
        root = canon_of[name]
        if root in canon_of and canon_of[root] != root:
            canon_of[name] = canon_of[root]
    return canon_of


def short_org_names(
    kept: list[Candidate], expansions: dict[str, str], lex: Lexicons
) -> dict[str, set[str]]:
    """Organisation words -> the organisations of the article whose names end with them.

    Pattern: the + OrgWord stands for the one organisation ending in that word. Example:
    "Northern Defence Compact ... the Compact" -> ``{"Compact": {"Northern Defence Compact"}}``.
    """
    ends_with: dict[str, set[str]] = defaultdict(set)
    for m in kept:
        if m.kind == ORG and len(m.words) >= 2 and m.words[-1] in lex.org_suffix:
            name = m.canonical or " ".join(m.words)
            ends_with[m.words[-1]].add(expansions.get(name, name))
    return ends_with


def mentions(
    article: Article,
    kept: list[Candidate],
    canon_of: dict[str, str],
    expansions: dict[str, str],
    lex: Lexicons,
    config: EntityConfig,
) -> tuple[Mention, ...]:
    """The kept candidates as mentions of their canonical entities, in text order.

    "the Compact" takes the one organisation ending in "Compact"; demonyms go when
    ``config.adjectival`` is off; a person takes the canonical name of the full name it
    links to; others their canonical name, or their words, through the acronym expansions.
    """
    text = article.text
    ends_with = short_org_names(kept, expansions, lex)
    out: list[Mention] = []
    for m in kept:
        if (
            m.kind == ORG
            and len(m.words) == 1
            and not m.canonical
            and m.prev_word.lower() == "the"
            and len(ends_with.get(m.words[0], ())) == 1
        ):
            m.canonical = next(iter(ends_with[m.words[0]]))
        if m.form == "adjectival" and not config.adjectival:
            continue
        if m.form == "name" and len(m.words) == 1 and is_acronym(m.words[0]):
            m.form = "acronym"
        if m.kind == PERSON:
            base = m.link or m
            name = " ".join(base.words)
            canon = canon_of.get(name) or base.canonical or m.canonical or name
        else:
            canon = m.canonical or " ".join(m.words)
            canon = expansions.get(canon, canon)
        # positional (field order checked by tests/test_entities.py): faster than keywords
        out.append(
            Mention(
                article.id,  # article_id
                canon,  # entity
                m.kind,
                text[m.start : m.end],  # text
                m.start,
                m.end,
                m.sent,  # sentence
                m.form,
                m.role,
            )
        )
    out.sort(key=lambda x: x.start)
    return tuple(out)


def entity_index(mentions: Iterable[Mention]) -> dict[str, dict[str, object]]:
    """Per canonical entity: its kind, surface forms (aliases), roles, forms and mention count.

    Aliases and roles are ordered longest first; speaker attribution uses them to link
    "the president" or "Mr Lukashenka" to the entity.

    >>> from mediakit.entities import find_mentions
    >>> idx = entity_index(find_mentions("Mr Lukashenka met Alyaksandr Lukashenka's envoy."))
    >>> idx["Alyaksandr Lukashenka"]["aliases"], idx["Alyaksandr Lukashenka"]["count"]
    (('Alyaksandr Lukashenka', 'Lukashenka'), 2)
    """
    kinds: dict[str, str] = {}
    lists: dict[str, dict[str, list[str]]] = {}
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        kinds.setdefault(m.entity, m.kind)
        d = lists.setdefault(m.entity, {"aliases": [], "roles": [], "forms": []})
        for key, val in (("aliases", m.text), ("roles", m.role), ("forms", m.form)):
            if val and val not in d[key]:
                d[key].append(val)
        counts[m.entity] += 1
    out: dict[str, dict[str, object]] = {}
    for ent, kind in kinds.items():
        entry: dict[str, object] = {"kind": kind, "count": counts[ent]}
        for key, vals in lists[ent].items():
            entry[key] = tuple(sorted(vals, key=lambda v: (-len(v), v)))
        out[ent] = entry
    return out
