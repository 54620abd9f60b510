"""The administration API (``/organization/...``, ``/projects/...``): a namespace of its own.

Reached as ``openai_rest.admin.<function>``, ``client.admin.<function>`` and
``async_client.admin.<function>``; it needs an admin key (``sk-admin-...``).
"""

from __future__ import annotations

from .projects import Projects


class AdminAPI(Projects):
    """Every endpoint of the administration API, as descriptors."""
