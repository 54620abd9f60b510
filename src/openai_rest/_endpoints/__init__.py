"""The endpoint definitions, one module per API area, gathered into one ``API`` class.

``Client`` and ``AsyncClient`` inherit ``API``; the module face binds it to a shared client.
"""

from __future__ import annotations

from .assistants import Assistants
from .audio import Audio
from .chat import Chat
from .completions import Completions
from .edits import Edits
from .embeddings import Embeddings
from .engines import Engines
from .files import Files
from .finetunes import Finetunes
from .images import Images
from .models import Models
from .moderations import Moderations
from .threads import Messages, Runs, Threads


class API(
    Models,
    Completions,
    Chat,
    Edits,
    Images,
    Embeddings,
    Audio,
    Files,
    Finetunes,
    Moderations,
    Assistants,
    Threads,
    Messages,
    Runs,
    Engines,
):
    """Every endpoint of the seed surface (see SURFACE.md), as descriptors."""
