"""The administration API (``/organization/...``, ``/projects/...``): a namespace of its own.

Reached as ``openai_rest.admin.<function>``, ``client.admin.<function>`` and
``async_client.admin.<function>``; it needs an admin key (``sk-admin-...``).
"""

from __future__ import annotations

from .audit_logs import AuditLogs
from .certificates import Certificates
from .groups import Groups
from .keys import Keys
from .limits import Limits
from .projects import Projects
from .roles import Roles
from .usage import Usage
from .users import Users


class AdminAPI(Projects, Users, Groups, Roles, Keys, Certificates, Limits, Usage, AuditLogs):
    """Every endpoint of the administration API, as descriptors."""
