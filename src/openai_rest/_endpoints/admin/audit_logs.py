"""The organization's audit logs."""

from __future__ import annotations

from ..._endpoint import endpoint, get

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class AuditLogs:
    @endpoint(get("/organization/audit_logs"))
    def audit_logs(self, /, **options: Any) -> Any:
        """List user actions and configuration changes within this organization."""
