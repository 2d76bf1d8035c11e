"""Named mentions of people, places and organisations, merged into canonical entities.

Rules and gazetteers, no statistical model; everything offline and linear in the text.

Finding names. Runs of capitalised words (with "of"/"for" after an organisation
word, "and" inside one name, particles such as "da" or "bin", initials such as "J.")
are cut into segments by the shipped lexicons (``lexicons/entities_*``):

* places: countries from pycountry under their common names (Russia, not "Russian
  Federation"), cities, regions and groups of states ("the Baltic states", "the West",
  "the Middle East"), US states and Canadian and Australian provinces; facilities
  ("... Museum", "... Space Center") are places;
* demonyms: "Russian forces" is a mention of Russia with ``form="adjectival"``;
  plural demonyms and religious groups ("Afghans", "Muslims") are groups of people
  (kind person, the plural as the entity);
* organisations: known names and acronyms, and names ending in an organisation
  word ("Collective Security Council", "Acme Inc.", "Toronto Star") or headed by one
  ("Ministry of Foreign Affairs", "University of Chicago");
* titles and roles ("President", "Foreign Minister", "Sen.", lowercase "leader",
  "counterpart"), recorded in ``Mention.role`` with a demonym or "X’s" in front of
  them: "Kazakhstan’s President", "Russian Foreign Minister";
* a country in front of an organisation's own name is a mention of its own ("US
  State Department" -> United States + State Department);
* events, laws and products ("Clean Air Act", "Winter Olympics", "IE6") are no
  mentions; neither are month names, contractions, or all-capital lines read as
  acronyms.

What is left is a name. Several words: a person when they start with a given name
or follow a title, an organisation when they are all common English words
("People Power") or follow "the", a place after "Cape"/"Fort" or with a compass
word ("Upper Selm"), otherwise a person. One word needs evidence: a given name, a
known surname, a speech verb after it ("Heald said"), "in"/"from" before it ("in
Veldan believes" is a place all the same), a demonym of it in the same article
("Karstani" makes "Karstan" a place), a country-like ending ("-stan"; "-ia" and
"-land" with a place preposition before it, "’s president" after it, or a place
beside it: "between Veldoria and Karstan"), or a second occurrence; each such word
gets one kind per article. A lowercase role word after a modal is a verb ("we will
judge Karstan"), and an acronym before a title is the organisation in the role ("NDC
Secretary General Oskar Heimvold").

Merging inside one article (documented rules):

* people: the canonical name is the longest full name of the cluster; a lone
  surname ("Lukashenka", "Mr Lukashenka", "Lukashenka’s") or given name joins the
  first full name with that surname in the article (news introduces the main figure
  first); full names merge when surnames agree and given names agree or one is an
  initial of the other;
* transliteration variants merge when their :func:`translit_key` is equal
  (Lukashenka / Lukashenko, Tsikhanouskaya / Tikhanovskaya), and the shipped alias
  table (``entities_aliases.tsv``, extendable with ``EntityConfig(alias_files=...)``)
  maps known variants to one spelling across a corpus (Alexander Lukashenko ->
  Alyaksandr Lukashenka);
* acronyms join their expansion when written "Long Name (ABC)" or when the
  initials of a name in the article spell them, and take its kind; known ones
  come from the lexicons (EU = European Union, US = U.S. = United States);
* "the Compact" (an organisation word alone after "the") joins the one organisation
  of the article whose name ends with it ("Northern Defence Compact");
* possessive ’s / 's is never part of a mention.

Decisions: the EU, NATO and other unions of states are organisations; "the Kremlin"
is an organisation, and in "the Kremlin press service" the mention is "Kremlin" (the
lowercase "press service" is not part of a name); "the president of Belarus" is a
mention of Belarus only (lowercase roles without a name are nominal mentions, which
``speakers.resolve_mentions`` links).

Helpers for later stages: :func:`entity_index` (kind, aliases, roles, forms and
count per canonical entity), :func:`surname`, :func:`is_person_name`,
:func:`is_acronym` and :func:`translit_key`.

Layout (imports run down this list only): ``lexicons`` (EntityConfig, the shipped and a
user's lexicons, the word splitter), ``names`` (acronyms, surnames, transliteration keys,
look-ups), ``runs`` (cutting one run of capitalised words), ``segment`` (runs of one
sentence, roles before a name), ``kinds`` (kinds of names no lexicon settled), ``merge``
(canonical entities, :func:`entity_index`), ``find`` (:func:`find_mentions`).
"""

from __future__ import annotations

from .find import find_mentions
from .lexicons import ORG as ORG
from .lexicons import PERSON as PERSON
from .lexicons import PLACE as PLACE
from .lexicons import EntityConfig
from .merge import entity_index
from .names import is_acronym, is_person_name, surname, translit_key

__all__ = [
    "EntityConfig",
    "entity_index",
    "find_mentions",
    "is_acronym",
    "is_person_name",
    "surname",
    "translit_key",
]
