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

The rules in the order they run, each a function with its pattern and an example:

1. words: the token view's TOKEN layer by sentence, abbreviations joined
   (``lexicons.name_words``);
2. runs (``segment.segment_sentence``): ``collect_run`` (``_name_words_at``, ``_joiner_at``);
3. cutting a run (``runs.split_run``): ``after_title_of``, ``capitalised_opener``, then
   ``RUN_RULES`` = ``known_run``, ``title_inside``, ``person_after_institution``,
   ``before_event``, ``institution``, ``given_name_first``; ``name_parts`` for the rest;
4. candidates (``merge.candidates``) with ``segment.role_before`` and ``_person_by_title``;
5. ``merge.Evidence.of``: ``acronym_expansions``, ``acronym_initials``, ``full_names``,
   ``guessed_full_names``, ``kinds.derived_places``;
6. ``merge.KEEP_RULES`` = ``acronym``, ``surname_of_full_name``, ``surname_of_guessed_name``,
   ``given_name_of_full_name``, ``derived_place``, ``guessed_kind`` (which asks
   ``kinds.GUESS_RULES`` = ``not_a_name``, ``several_words``, ``before_a_number``,
   ``after_the``, ``sentence_opener``, ``lone_words_off``, ``known_single_kind``,
   ``strong_preposition``, ``person_evidence``, ``place_preposition``, ``recurring``);
7. ``merge.one_kind_per_word``, ``merge.canonical_people``, ``merge.mentions`` (with
   ``short_org_names``).
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
