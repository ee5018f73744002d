"""Traditional script: told apart per article, analysed through a simplified mirror.

The stages' rules, lists and tagger know simplified text.  An article in traditional
characters is analysed as its simplified mirror, a copy of the same length (one
character for one), so every offset the stages give holds in the original; the
mentions and facts are then given back the original's characters (`restore`).
"""

from pipeline.script.detect import SIMPLIFIED, TRADITIONAL, script_of, to_simplified
from pipeline.script.restore import mirror_article, restore

__all__ = ["SIMPLIFIED", "TRADITIONAL", "mirror_article", "restore", "script_of", "to_simplified"]
