"""The pipeline's stages as registered spaCy components, one per module.

Importing this package registers every factory, so a config naming them resolves.
"""

from pipeline.nlp.components import (  # noqa: F401  (imported for registration)
    bylines,
    dates,
    facts,
    link,
    name_model,
    orgs_people,
    quantities,
    sentences,
    zones,
)
