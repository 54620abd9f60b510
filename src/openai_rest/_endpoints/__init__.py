"""The endpoint definitions, one module per API area, gathered into one ``API`` class.

``Client`` and ``AsyncClient`` inherit ``API``; the module face binds it to a shared client.
"""

from __future__ import annotations

from .assistants import Assistants
from .audio import Audio
from .batches import Batches
from .chat import Chat, StoredChat
from .chatkit import ChatKit
from .completions import Completions
from .containers import Containers
from .conversations import Conversations
from .edits import Edits
from .embeddings import Embeddings
from .engines import Engines
from .evals import Evals
from .files import Files
from .fine_tuning import FineTuning
from .finetunes import Finetunes
from .images import Images
from .models import Models
from .moderations import Moderations
from .provenance import Provenance
from .realtime import Realtime
from .responses import Responses
from .skills import Skills
from .threads import Messages, Runs, Threads
from .uploads import Uploads
from .vector_stores import VectorStores
from .videos import Videos
from .voices import Voices


class API(
    Responses,
    Conversations,
    Models,
    Completions,
    Chat,
    StoredChat,
    Edits,
    Images,
    Embeddings,
    Audio,
    Voices,
    Files,
    Uploads,
    Batches,
    VectorStores,
    FineTuning,
    Evals,
    Containers,
    Videos,
    Skills,
    Realtime,
    ChatKit,
    Provenance,
    Finetunes,
    Moderations,
    Assistants,
    Threads,
    Messages,
    Runs,
    Engines,
):
    """Every endpoint: today's API (Responses first) and the seed surface, as descriptors."""
