"""Organisation candidates from LAC tokens, and the rules that clean them (issue 13).

All functions work on the half-width text ``h`` and LAC tokens ``toks`` (start, end, tag); the
candidate makers return (start, end, source) candidates and ``pipeline.ner`` resolves their overlaps.

- ``candidates``: where names come from (LAC's ORG words, type words, short names, state bodies, Latin names);
- ``edges``: where a name starts and ends (places and countries before it, sub-units, titles and verbs after it);
- ``filters``: what names nothing (descriptions, kinds of firm, sectors, events, facilities, terms);
- ``heads``: the short forms a name is also called by;
- ``common``: what they share (token helpers, type words, legal forms, places).
"""

from __future__ import annotations

from .common import (  # noqa: F401
    Cand,
    Tok,
    is_kind,
    is_place,
)
from .filters import (  # noqa: F401
    centre_of_area,
    centre_project,
    counted_kind,
    facility_centre,
    generic_words_only,
    in_china_kind,
    is_country_pair,
    is_descriptive,
    is_event,
    is_generic,
    is_zone,
    modal_hui,
    procurement_term,
    role_centre,
    sector_kind,
    technical_term,
    unit_of_figure,
    unnamed_bureau,
    zone_then_sector,
)
from .edges import (  # noqa: F401
    cut_at_belongs,
    cut_project_theme,
    department_after,
    join_bracketed,
    split_at_relations,
    strip_apposition,
    strip_dangling_char,
    strip_glued_conjunction,
    strip_glued_title,
    strip_leading_time,
    strip_place_prefix,
    strip_subunit,
    strip_trailing_title,
    strip_trailing_verb,
)
from .heads import (  # noqa: F401
    name_heads,
    trade_heads,
)
from .candidates import (  # noqa: F401
    bodies_before_titles,
    bracket_tails,
    lac_orgs,
    latin_orgs,
    short_name_orgs,
    state_bodies,
    suffix_orgs,
)
